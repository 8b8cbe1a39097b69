import ReferralAttribution
import ReferralCore

/// How high a referral fee can go: what a win costs from each paid channel, the break-even fee
/// per won referred deal and what the rules pay now, for whoever sets the fee.
extension ReportBuilder {
  static func feeHeadroom(_ result: AttributionResult) -> Section {
    let (title, id) = ("How high a referral fee can go", "fee-headroom")
    if let why = result.unknown(needing: .dates) { return unknown(title, id: id, why) }
    let h = result.programme.credit.feeHeadroom
    let currency = result.money
    func money(_ value: Money?, _ why: String?) -> Cell {
      value.map { .money($0, currency: currency) } ?? .unknown(because: why ?? "", as: .money(currency: currency.currency))
    }
    var blocks: [Block] = [
      .paragraph(
        "Over the 12 months \(h.window.from) to \(h.window.to): what a won deal cost from each channel the business pays for, "
          + "and the fee per won referred deal at which a referred win would cost as much as the median of them.")
    ]
    if !h.channels.isEmpty {
      blocks.append(
        .table(
          Table(
            columns: [.init("Channel", .left), .init("Spend"), .init("Won"), .init("Cost per won deal = spend ÷ won", notes: true)],
            rows: h.channels.map { c in
              [.data(c.channel), money(c.spend, c.unknown), .count(c.won), money(c.costPerWin, c.unknown)]
            })))
    }
    let share = h.headroomShare.map { Cell.fraction($0) } ?? .unknown(because: h.headroomUnknown ?? "", as: .fraction)
    blocks.append(
      .table(
        Table(
          columns: [.init("Figure", .left), .init("12 months", notes: true)],
          rows: [
            [.plain("Median cost per won deal of those channels"), money(h.medianCostPerWin, h.breakEvenUnknown)],
            [.plain("Referred deals won"), .count(h.referredWins)],
            [.plain("Referral channels' other spend (spend rows and gifts)"), money(h.referralOtherSpend, FeeHeadroom.noSpendExport)],
            [.plain("Other spend per won referred deal"), money(h.otherSpendPerWin, h.breakEvenUnknown)],
            [.plain("Break-even fee per won deal = median cost − other spend per won deal"), money(h.breakEven, h.breakEvenUnknown)],
            [.plain("Fee per won deal under the current rules"), money(h.currentFee, h.currentFeeUnknown)],
            [.plain("Headroom = break-even fee − current fee"), money(h.headroom, h.headroomUnknown)],
            [.plain("Headroom as a share of the break-even fee"), share],
          ])))
    if h.unknownFees > 0 {
      blocks.append(
        .note(
          "\(Format.count(h.unknownFees)) won referred \(h.unknownFees == 1 ? "deal has" : "deals have") no amount, so a fee that is a share of it "
            + "is unknown: left out of the current fee per won deal."))
    }
    return Section(title: title, id: id, blocks: blocks)
  }
}
