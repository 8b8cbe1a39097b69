import ReferralAttribution
import ReferralCore

/// Referral fees owed against paid, outstanding fees and unmatched payouts: finance's section.
extension ReportBuilder {
  static func fees(_ result: AttributionResult) -> Section {
    let f = result.programme.fees
    let currency = result.money
    func money(_ m: Money?) -> Cell { .money(m, currency: currency) }
    /// An amount the fee ledger may not know, with the reason it does not.
    func money(_ m: Money?, unknown why: String) -> Cell { m.map(money) ?? .unknown(because: why, as: .money(currency: currency.currency)) }
    var blocks: [Block] = []
    let summary = Table(
      columns: [.init("Figure", .left), .init("This period")],
      rows: [
        [.plain("Fees owed under the rules"), money(f.owed, unknown: FeeLedger.noRules)],
        [.plain("Fees paid"), money(f.feesPaid, unknown: FeeLedger.noPayouts)],
        [.plain("Thank-you gifts paid"), money(f.giftsPaid, unknown: FeeLedger.noPayouts)],
        [.plain("Unpaid fee backlog: outstanding on every deal won to date"), money(f.backlog)],
        [.plain("Referred revenue"), money(f.referredRevenue)],
        [.plain("Programme cost = referral spend + fees + gifts"), money(f.programmeCost)],
        [.plain("Programme ROI on revenue = (revenue − cost) ÷ cost"), .roi(f.roiOnRevenue)],
        [.plain("Programme ROI on margin = (revenue × \(Format.rate(f.grossMargin)) − cost) ÷ cost"), .roi(f.roiOnMargin)],
        [.plain("Fees still owed on the period's won deals"), money(f.outstandingOnPeriodDeals, unknown: f.outstandingUnknown ?? "")],
        [
          .plain("Programme cost with the fees still owed on the period's deals"),
          money(f.programmeCostWithOwedFees, unknown: f.outstandingUnknown ?? ""),
        ],
        [.plain("Programme ROI on revenue, with the fees still owed on the period's deals"), .roi(f.roiOnRevenueWithOwedFees)],
        [.plain("Programme ROI on margin, with the fees still owed on the period's deals"), .roi(f.roiOnMarginWithOwedFees)],
      ])
    blocks.append(.table(summary))
    if f.unknownFees > 0 {
      blocks.append(
        .note(
          "\(Format.count(f.unknownFees)) won referred \(f.unknownFees == 1 ? "deal has" : "deals have") no amount, so a fee that is a share of the amount "
            + "is unknown for \(f.unknownFees == 1 ? "it" : "them"): left out of the fees owed and outstanding."))
    }
    if let unpaid = f.unpaid {
      if unpaid.isEmpty {
        blocks.append(.note("Every fee owed on won referred deals has been paid."))
      } else {
        blocks.append(.paragraph("Won referred deals whose fee is not (fully) paid, oldest first:"))
        blocks.append(
          .table(
            Table(
              columns: [
                .init("Deal", .left), .init("Channel", .left), .init("Referrer", .left), .init("Closed", .left), .init("Owed"), .init("Paid"),
                .init("Outstanding"),
              ],
              rows: unpaid.prefix(actionLimit).map {
                [
                  .data($0.dealID), .data($0.channel), .data($0.referrer ?? ""), .plain($0.closed.description), money($0.owed), money($0.paid),
                  money($0.outstanding),
                ]
              })))
        if unpaid.count > actionLimit { blocks.append(.note("… and \(unpaid.count - actionLimit) more (all in summary.json).")) }
      }
    }
    if !f.unmatched.isEmpty {
      blocks.append(.paragraph("Payouts paid in the period that match no deal:"))
      blocks.append(
        .table(
          Table(
            columns: [
              .init("Payout", .left), .init("Paid", .left), .init("Kind", .left), .init("Deal named", .left), .init("Referrer", .left), .init("Amount"),
            ],
            rows: f.unmatched.map {
              [
                .data($0.payoutID), .plain($0.paid.description), .plain($0.kind.rawValue), .data($0.dealID ?? ""), .data($0.referrer ?? ""),
                money($0.amount),
              ]
            })))
    }
    return Section(title: "Referral fees", id: "fees", blocks: blocks)
  }
}
