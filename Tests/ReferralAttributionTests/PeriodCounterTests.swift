import Foundation
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
  static func usd(_ units: Int64) -> Money { Money(minorUnits: units * 100) }

  /// October: referral leads L1 L2, web leads L3 L4. D1 (L1, $1,000) won after 10 days, D2 (L2,
  /// no amount) won after 20, D3 (L3, $500) won after 10, D4 (L4, $200) lost.
  static let leads = """
    lead_id,created_at,source
    L1,2026-10-01,Referral
    L2,2026-10-02,Referral
    L3,2026-10-03,Web
    L4,2026-10-04,Web

    """

  /// D2 is on line 3, as the data quality list says.
  static let deals = """
    deal_id,lead_id,stage,amount,closed_at
    D1,L1,won,1000.00,2026-10-11
    D2,L2,won,,2026-10-22
    D3,L3,won,500.00,2026-10-13
    D4,L4,lost,200.00,2026-10-24

    """

  static func dataset(deals: String = deals) throws -> Dataset {
    try Dataset.importing([.leads: leads, .deals: deals])
  }

  static var options: AttributionOptions {
    var options = AttributionOptions(period: Period(month: Month(year: 2026, month: 10)!))
    options.feeRules = ["Referral": FeeRule(perWonDeal: usd(50), shareOfWon: 0.1)]
    return options
  }

  let result: AttributionResult

  init() throws {
    result = Attributor.attribute(try Self.dataset(), options: Self.options)
  }

  @Test func itCountsAsAWinAndItsRevenueIsLeftOut() throws {
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
    // Web (the Direct channel): D3 won with its amount: nothing left out.
    let direct = try #require(result.current.channels.first { $0.channel == "Direct" })
    #expect(direct.won == 1 && direct.revenueCoverage == nil)
  }

  /// A channel whose only win has no amount has unknown revenue, not $0.
  @Test func aChannelWhoseWinsAllLackAnAmountHasUnknownRevenue() throws {
    let data = try Self.dataset(deals: Self.deals.removingRows("D1"))  // the referral channel keeps D2 alone
    let referral = Attributor.attribute(data, options: Self.options).current.referral
    #expect(referral.won == 1 && referral.revenue == nil && referral.averageDeal == nil)
    #expect(referral.revenueCoverage == "revenue of 0 of 1 won deals")
  }

  @Test func dataQualityListsItWithItsFileAndLine() {
    #expect(result.quality.wonWithoutAmount == 1)
    // The file is named as the run was given it: deals.csv, in the test's folder.
    let examples = result.quality.wonWithoutAmountExamples.map {
      DataQuality.DealLine(file: URL(fileURLWithPath: $0.file).lastPathComponent, line: $0.line, dealID: $0.dealID)
    }
    #expect(examples == [DataQuality.DealLine(file: "deals.csv", line: 3, dealID: "D2")])
  }

  /// Its percentage fee is unknown: owed counts D1 alone, 50 + 10% of 1,000 = 150.
  @Test func itsFeeAsAShareOfTheAmountIsUnknown() {
    #expect(result.programme.fees.owed == Self.usd(150))
    #expect(result.programme.fees.unknownFees == 1)
  }

  /// An export without an amount column has no revenue at all: no deal is listed for lacking one.
  @Test func withoutAnAmountColumnNoDealIsListed() throws {
    // The config says so (`[columns.deals] amount = false`), or the import stops.
    let deals = Self.deals.removingColumns("amount")
    let data = try Dataset.importing([.leads: Self.leads, .deals: deals], absent: [.deals: [.amount]])
    let result = Attributor.attribute(data, options: Self.options)
    #expect(result.current.totals.revenue == nil && result.current.totals.wonWithoutAmount == 0)
    #expect(result.quality.wonWithoutAmount == 0)
  }
}
