import ReferralAttribution
import ReferralCore

/// Whom to ask next: customers due an ask, and the prospects lost in the period.
extension ReportBuilder {
  static func askList(_ result: AttributionResult) -> Section {
    if let why = result.unknown(needing: [.leads, .dates]) { return unknown("Who to ask next", id: "ask-list", why) }
    let list = result.programme.askList
    let currency = result.money
    var blocks: [Block] = [
      .paragraph(
        "Customers whose first win is between \(list.afterDays) days and a year old, "
          + (list.asksKnown ? "not asked for a referral in the last twelve months, " : "(no asks export was given, so nobody counts as asked) ")
          + "who referred nobody in that time; most revenue first.")
    ]
    if list.customers.isEmpty {
      blocks.append(.note("No customer is due an ask."))
    } else {
      blocks.append(
        .table(
          Table(
            columns: [
              .init("Customer", .left), .init("Company", .left), .init("Owner", .left), .init("First win", .left), .init("Revenue"), .init("Days since"),
            ],
            rows: list.customers.prefix(actionLimit).map {
              [
                .data($0.leadID), .data($0.company), .data($0.owner ?? ""), .plain($0.firstWin.description),
                .money($0.revenue, currency: currency),
                .count($0.daysSinceFirstWin),
              ]
            })))
      if list.customers.count > actionLimit { blocks.append(.note("… and \(list.customers.count - actionLimit) more (all in summary.json).")) }
    }
    blocks.append(.paragraph("Prospects lost in the period: ask who would be a better fit."))
    if list.lostProspects.isEmpty {
      blocks.append(.note("No deal with a lead was lost in the period."))
    } else {
      blocks.append(
        .table(
          Table(
            columns: [.init("Prospect", .left), .init("Company", .left), .init("Owner", .left), .init("Deal", .left), .init("Lost", .left)],
            rows: list.lostProspects.prefix(actionLimit).map {
              [.data($0.leadID), .data($0.company), .data($0.owner ?? ""), .data($0.dealID), .plain($0.lost.description)]
            })))
      if list.lostProspects.count > actionLimit { blocks.append(.note("… and \(list.lostProspects.count - actionLimit) more (all in summary.json).")) }
    }
    return Section(title: "Who to ask next", id: "ask-list", blocks: blocks)
  }
}
