import ReferralAttribution
import ReferralCore

/// Won referrals whose referrer has had no gift or fee since, as an action list.
extension ReportBuilder {
  static func closingTheLoop(_ result: AttributionResult) -> Section {
    let title = "Closing the loop"
    if let why = result.unknown(needing: .leads) { return unknown(title, id: "close-the-loop", why) }
    guard let open = result.programme.closingTheLoop.open else {
      return Section(
        title: title, id: "close-the-loop", blocks: [.note("No payouts export was given, so whether referrers heard of their won referrals cannot be checked.")]
      )
    }
    guard !open.isEmpty else {
      return Section(title: title, id: "close-the-loop", blocks: [.note("Every referrer of a deal won in the period has had a gift or fee since the win.")])
    }
    var blocks: [Block] = [
      .paragraph(
        "Referred deals won in the period whose referrer has had no gift or fee dated on or after the win (days counted to \(result.current.period.to)).")
    ]
    blocks.append(
      .table(
        Table(
          columns: [.init("Referrer", .left), .init("Deal", .left), .init("Lead", .left), .init("Amount"), .init("Won", .left), .init("Days since the win")],
          rows: open.prefix(actionLimit).map {
            [
              .data($0.referrer), .data($0.dealID), .data($0.leadID), .money($0.amount, currency: result.money), .plain($0.won.description),
              .count($0.daysSinceWin),
            ]
          })))
    if open.count > actionLimit { blocks.append(.note("… and \(open.count - actionLimit) more (all in summary.json).")) }
    return Section(title: title, id: "close-the-loop", blocks: blocks)
  }
}
