import ReferralCore
import TestSupport
import Testing

@testable import ReferralAttribution

@Suite struct PeriodCounterTests {
  @Test func aPeriodOutsideTheCountedDaysIsCountedOnItsOwnWithTheSameFigures() {
    let options = AttributionOptions(period: Fixture.october)
    let ledger = Ledger(dataset: Fixture.dataset, options: options)
    let around = PeriodCounter(ledger: ledger, options: options, around: Fixture.october)
    let farAway = PeriodCounter(ledger: ledger, options: options, around: Period(month: Month(year: 2029, month: 6)!))
    #expect(farAway.figures(for: Fixture.october) == around.figures(for: Fixture.october))
    #expect(farAway.figures(for: Fixture.october.previous) == around.figures(for: Fixture.october.previous))
    #expect(around.figures(for: Fixture.october).channels.map(\.leads).reduce(0, +) == 6)  // L1–L5, L7
  }
}

/// A won deal without an amount is a win whose revenue is unknown: counted as a win, left out
/// of revenue, never counted as 0.
@Suite struct WonWithoutAmountTests {
  static func day(_ iso: String) -> Day { Day(iso: iso)! }
  static func usd(_ units: Int64) -> Money { Money(minorUnits: units * 100) }

  /// October: referral leads L1 L2, web leads L3 L4. D1 (L1, $1,000) won after 10 days, D2 (L2,
  /// no amount) won after 20, D3 (L3, $500) won after 10, D4 (L4, $200) lost.
  static var dataset: Dataset {
    var data = Dataset()
    data.sources = ["Referral", "Web"]
    data.leads = [
      Lead(id: "L1", created: day("2026-10-01"), source: 0), Lead(id: "L2", created: day("2026-10-02"), source: 0),
      Lead(id: "L3", created: day("2026-10-03"), source: 1), Lead(id: "L4", created: day("2026-10-04"), source: 1),
    ]
    data.deals = [
      Deal(id: "D1", leadID: "L1", outcome: .won, amount: usd(1_000), closed: day("2026-10-11"), line: 2),
      Deal(id: "D2", leadID: "L2", outcome: .won, amount: nil, closed: day("2026-10-22"), line: 3),
      Deal(id: "D3", leadID: "L3", outcome: .won, amount: usd(500), closed: day("2026-10-13"), line: 4),
      Deal(id: "D4", leadID: "L4", outcome: .lost, amount: usd(200), closed: day("2026-10-24"), line: 5),
    ]
    data.inputs = [InputAccount(role: .deals, file: "deals.csv", accepted: 4, rejected: 0)]
    return data
  }

  static var options: AttributionOptions {
    var options = AttributionOptions(period: Period(month: Month(year: 2026, month: 10)!))
    options.feeRules = ["Referral": FeeRule(perWonDeal: usd(50), shareOfWon: 0.1)]
    return options
  }

  let result = Attributor.attribute(Self.dataset, options: Self.options)

  @Test func itCountsAsAWinAndItsRevenueIsLeftOut() {
    let totals = result.current.totals
    // Won 3 (D1, D2, D3), lost 1 (D4): win rate 3 ÷ 4; leads with a won deal 3 of 4.
    #expect((totals.won, totals.lost, totals.winRate.value, totals.leadConversion.value) == (3, 1, 0.75, 0.75))
    // Revenue of the two won deals with an amount: 1,000 + 500 = 1,500; average 1,500 ÷ 2 = 750.
    #expect(totals.revenue == Self.usd(1_500) && totals.averageDeal == Self.usd(750))
    #expect(totals.wonWithoutAmount == 1 && totals.revenueCoverage == "revenue of 2 of 3 won deals")
    // Sales cycles 10, 20, 10 days: D2's counts too; the median is 10.
    #expect(totals.salesCycleDays == 10)
    // Referral: D1 and D2 won, revenue 1,000 of one deal, average 1,000 ÷ 1.
    let referral = result.current.referral
    #expect((referral.won, referral.revenue, referral.averageDeal) == (2, Self.usd(1_000), Self.usd(1_000)))
    #expect(referral.revenueCoverage == "revenue of 1 of 2 won deals")
    // Web: D3 won with its amount: nothing left out.
    #expect(result.current.channels.first { $0.channel == "Web" }?.revenueCoverage == nil)
  }

  /// A channel whose only win has no amount has unknown revenue, not $0.
  @Test func aChannelWhoseWinsAllLackAnAmountHasUnknownRevenue() {
    var data = Self.dataset
    data.deals.remove(at: 0)  // D1: the referral channel keeps D2 alone
    let referral = Attributor.attribute(data, options: Self.options).current.referral
    #expect(referral.won == 1 && referral.revenue == nil && referral.averageDeal == nil)
    #expect(referral.revenueCoverage == "revenue of 0 of 1 won deals")
  }

  @Test func dataQualityListsItWithItsFileAndLine() {
    #expect(result.quality.wonWithoutAmount == 1)
    #expect(result.quality.wonWithoutAmountExamples == [DataQuality.DealLine(file: "deals.csv", line: 3, dealID: "D2")])
  }

  /// Its percentage fee is unknown: owed counts D1 alone, 50 + 10% of 1,000 = 150.
  @Test func itsFeeAsAShareOfTheAmountIsUnknown() {
    #expect(result.programme.fees.owed == Self.usd(150))
    #expect(result.programme.fees.unknownFees == 1)
  }

  /// An export without an amount column has no revenue at all: no deal is listed for lacking one.
  @Test func withoutAnAmountColumnNoDealIsListed() {
    var data = Self.dataset
    data.deals = data.deals.map {
      var deal = $0
      deal.amount = nil
      return deal
    }
    data.dealsHaveAmounts = false
    let result = Attributor.attribute(data, options: Self.options)
    #expect(result.current.totals.revenue == nil && result.current.totals.wonWithoutAmount == 0)
    #expect(result.quality.wonWithoutAmount == 0)
  }
}
