import ReferralAttribution
import ReferralCore

/// Referral leads per rep and month against the target.
extension ReportBuilder {
  static func reps(_ result: AttributionResult) -> Section {
    if let why = result.unknown(needing: [.leads, .dates]) { return unknown("Referrals per rep", id: "reps", why) }
    let r = result.programme.reps
    guard !r.reps.isEmpty else { return Section(title: "Referrals per rep", id: "reps", blocks: [.note("No lead of the period has an owner.")]) }
    let table = Table(
      columns: [.init("Rep", .left)] + r.months.map { .init(Format.monthShort($0)) } + [.init("Target per month"), .init("Below target", .left)],
      rows: r.reps.map { rep in
        [.data(rep.owner)] + rep.perMonth.map { .count($0) }
          + [.count(r.target), .plain(rep.belowTarget ? "yes" : "no")]
      })
    return Section(
      title: "Referrals per rep", id: "reps",
      blocks: [.paragraph("Referral leads each owner brought in per month, against the target of \(r.target); fewest first."), .table(table)])
  }
}
