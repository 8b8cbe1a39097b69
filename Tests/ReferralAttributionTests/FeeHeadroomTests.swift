import Foundation
import ReferralAttribution
import ReferralCore
import TestSupport
import Testing

/// The fee headroom of ``Fixture`` for October 2026: the 12 months 2025-11-01 to 2026-10-31.
///
/// Won in them: Referral D1 ($1,000) and D4 ($2,000), Partner Referral D6 ($300), Paid Search
/// D3 ($500; first touch: its lead L3 came from Google Ads); D8 closes in November, after them.
/// Spend: Paid Search $600 + $300, Referral $100.
@Suite struct FeeHeadroomTests {
  static func headroom(_ data: Dataset, rules: [String: FeeRule] = [:]) -> FeeHeadroom {
    var options = AttributionOptions(period: Fixture.october)
    options.feeRules = rules
    return Attributor.attribute(data, options: options).programme.credit.feeHeadroom
  }

  /// The fixture's exports with `deals` or `spend` edited, imported as a run imports them.
  static func data(deals: String = Fixture.deals, spend: String = Fixture.spend) throws -> Dataset {
    try Dataset.importing([.leads: Fixture.leads, .deals: deals, .spend: spend])
  }

  static let rules: [String: FeeRule] = [
    "Referral": FeeRule(perLead: Fixture.usd(10), perWonDeal: Fixture.usd(100)),
    "Partner Referral": FeeRule(shareOfWon: 0.1),
  ]

  @Test func breakEvenIsTheMedianCostPerWinLessTheReferralChannelsOtherSpend() throws {
    // Podcast spends $50 in September and wins nothing: its cost per win is unknown, not 0.
    let h = Self.headroom(try Self.data(spend: Fixture.spend.appendingRows("2026-09,Podcast,50.00")), rules: Self.rules)
    #expect(h.window == Period(from: Fixture.day("2025-11-01"), to: Fixture.day("2026-10-31")))
    // Non-referral channels, most leads first: Paid Search (L3, L4), Podcast (L7), Unknown (L5).
    #expect(h.channels.map(\.channel) == ["Paid Search", "Podcast", "Unknown"])
    let paid = h.channels[0]
    #expect(paid.spend == Fixture.usd(900))
    #expect(paid.won == 1)
    #expect(paid.costPerWin == Fixture.usd(900))  // $900 ÷ 1
    #expect(h.channels[1].costPerWin == nil)
    #expect(h.channels[1].unknown == FeeHeadroom.noWins)
    // Unknown has no spend: n/a with the reason, not $0 a win.
    #expect(h.channels[2].spend == .zero)
    #expect(h.channels[2].costPerWin == nil)
    #expect(h.channels[2].unknown == FeeHeadroom.noSpend)
    #expect(h.medianCostPerWin == Fixture.usd(900))  // the only known cost
    #expect(h.referredWins == 3)  // D1, D4, D6
    #expect(h.referralOtherSpend == Fixture.usd(100))
    #expect(h.otherSpendPerWin == Money(minorUnits: 3_333))  // $100 ÷ 3 = $33.33
    #expect(h.breakEven == Money(minorUnits: 86_667))  // $900 − $33.33
    // Owed: 3 Referral leads (L1, L2, L6) × $10 + D1 and D4 at $100 + D6 at 10% of $300 = $260.
    #expect(h.currentFee == Money(minorUnits: 8_667))  // $260 ÷ 3 = $86.67
    #expect(h.headroom == Money(minorUnits: 78_000))  // $866.67 − $86.67
    let share = try #require(h.headroomShare)
    #expect(abs(share - 78_000.0 / 86_667.0) < 1e-12)  // 90.0%
    #expect(h.headroomUnknown == nil)
  }

  @Test func theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() throws {
    // Unknown ("unknown", the spend export's name for no source) spends $300 in March and D9 (its lead L5, $20) is won instead of lost.
    let data = try Self.data(
      deals: Fixture.deals.replacingOccurrences(of: "D9,L5,lost", with: "D9,L5,won"), spend: Fixture.spend.appendingRows("2026-03,unknown,300.00"))
    let h = Self.headroom(data, rules: Self.rules)
    // Paid Search $900 a win, Unknown $300 ÷ 1 = $300 a win: median ($300 + $900) ÷ 2 = $600.
    #expect(h.medianCostPerWin == Fixture.usd(600))
    #expect(h.breakEven == Money(minorUnits: 56_667))  // $600 − $33.33
  }

  @Test func withoutRulesTheCurrentFeeAndHeadroomAreUnknown() {
    let h = Self.headroom(Fixture.dataset)
    #expect(h.breakEven == Money(minorUnits: 86_667))
    #expect(h.currentFee == nil)
    #expect(h.currentFeeUnknown == FeeHeadroom.noRules)
    #expect(h.headroom == nil)
    #expect(h.headroomShare == nil)
    #expect(h.headroomUnknown == FeeHeadroom.noRules)
  }

  @Test func withoutASpendExportNothingHasACost() throws {
    let h = Self.headroom(try Dataset.importing([.leads: Fixture.leads, .deals: Fixture.deals]), rules: Self.rules)
    #expect(h.channels.allSatisfy { $0.spend == nil && $0.costPerWin == nil && $0.unknown == FeeHeadroom.noSpendExport })
    #expect(h.medianCostPerWin == nil)
    #expect(h.referralOtherSpend == nil)
    #expect(h.breakEven == nil)
    #expect(h.breakEvenUnknown == FeeHeadroom.noSpendExport)
    #expect(h.currentFee == Money(minorUnits: 8_667))  // the rules still say what they pay
    #expect(h.headroomUnknown == FeeHeadroom.noSpendExport)
  }

  @Test func withoutAReferredWinThereIsNoBreakEven() throws {
    // D1, D4 and D6 lost: no referred win in the 12 months.
    var deals = Fixture.deals
    for id in ["D1,L1", "D4,L6", "D6,"] { deals = deals.replacingOccurrences(of: id + ",won", with: id + ",lost") }
    let h = Self.headroom(try Self.data(deals: deals), rules: Self.rules)
    #expect(h.referredWins == 0)
    #expect(h.otherSpendPerWin == nil)
    #expect(h.breakEven == nil)
    #expect(h.breakEvenUnknown == FeeHeadroom.noReferredWins)
    #expect(h.currentFee == nil)
    #expect(h.currentFeeUnknown == FeeHeadroom.noReferredWins)
  }

  @Test func aBreakEvenAtOrBelowZeroHasNoShare() throws {
    // Referral spends $3,000 more: $3,100 ÷ 3 = $1,033.33 a win, above Paid Search's $900.
    let h = Self.headroom(try Self.data(spend: Fixture.spend.appendingRows("2026-05,Customer Referral,3000.00")), rules: Self.rules)
    #expect(h.breakEven == Money(minorUnits: 90_000 - 103_333))
    #expect(h.headroom == Money(minorUnits: 90_000 - 103_333 - 8_667))
    #expect(h.headroomShare == nil)
    #expect(h.headroomUnknown == FeeHeadroom.breakEvenNotPositive)
  }

  @Test func aShareFeeOnAWinWithoutAmountIsLeftOut() throws {
    // D6, Partner Referral at 10%, exported without its amount.
    let h = Self.headroom(try Self.data(deals: Fixture.deals.blanking("amount", ofRow: "D6")), rules: Self.rules)
    #expect(h.unknownFees == 1)
    // $30 of per-lead fees + D1 and D4 at $100 = $230 over the 2 wins with a known fee.
    #expect(h.currentFee == Fixture.usd(115))
  }
}
