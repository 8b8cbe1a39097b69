import ReferralAttribution
import ReferralCore

/// Referrals passed both ways: per partner, referrals given and received over twelve months,
/// the share who referred back, and whom to return the favour to.
extension ReportBuilder {
  static func reciprocity(_ result: AttributionResult) -> Section {
    let (title, id) = ("Referrals passed both ways", "reciprocity")
    if let why = result.unknown(needing: [.leads, .dates]) { return unknown(title, id: id, why) }
    guard let r = result.programme.credit.reciprocity else {
      return Section(title: title, id: id, blocks: [.note("Not known: no referrals-given export (pass --referrals-given FILE).")])
    }
    func table(_ partners: [Reciprocity.Partner]) -> Table {
      Table(
        columns: [.init("Partner", .left), .init("Given"), .init("Received"), .init("Last received", .left)],
        rows: partners.prefix(actionLimit).map { [.data($0.name), .count($0.given), .count($0.received), .plain($0.lastReceived?.description ?? "—")] })
    }
    var blocks: [Block] = [
      .paragraph(
        "Over the 12 months \(r.window.from) to \(r.window.to). Partners given a referral who referred a lead back within "
          + "\(Reciprocity.returnDays) days of one:"),
      .table(Table(columns: [.init("Figure", .left), .init("12 months", notes: true)], rows: [[.plain("Reciprocity rate"), .rate(r.reciprocityRate)]])),
    ]
    if !r.partners.isEmpty {
      blocks.append(.table(table(r.partners)))
      if r.partners.count > actionLimit { blocks.append(.note("… and \(r.partners.count - actionLimit) more (all in summary.json).")) }
    }
    if r.owed.isEmpty {
      blocks.append(.note("Every partner who referred to us in the 12 months was given a referral."))
    } else {
      blocks.append(.paragraph("Partners who referred leads to us and were given none: return the favour (tasks/return-the-favour.csv)."))
      blocks.append(.table(table(r.owed)))
    }
    return Section(title: title, id: id, blocks: blocks)
  }
}
