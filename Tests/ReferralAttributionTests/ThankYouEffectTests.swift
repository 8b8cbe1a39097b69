import ReferralAttribution
import ReferralCore
import TestSupport
import Testing

/// Referrers whose first referral came by 2025-10-31 (a year before October 2026's end), by
/// whether it was thanked within 2 days; worked out by hand.
@Suite struct ThankYouEffectTests {
  static func day(_ iso: String) -> Day { Day(iso: iso)! }

  static var dataset: Dataset {
    var data = Dataset()
    data.sources = ["Referral"]
    data.referrers = ["A", "B", "C", "D", "E", "F"]
    func lead(_ id: String, _ created: String, _ referrer: TextID, thanked: String? = nil) -> Lead {
      Lead(id: id, created: day(created), source: 0, referrer: referrer, thanked: thanked.map(day))
    }
    data.leads = [
      lead("RA1", "2025-01-10", 0, thanked: "2025-01-11"), lead("RA2", "2025-06-01", 0),  // thanked, again
      lead("RB1", "2025-03-01", 1, thanked: "2025-03-02"), lead("RB2", "2026-04-01", 1),  // thanked, again only after a year
      lead("RC1", "2025-05-01", 2), lead("RC2", "2025-05-20", 2),  // never thanked, again
      lead("RD1", "2025-11-15", 3, thanked: "2025-11-15"),  // after the cohort: not counted
      lead("RE1", "2025-02-01", 4, thanked: "2025-02-10"),  // thanked late, never again
      lead("RF1", "2025-04-01", 5, thanked: "2025-04-02"), lead("RF2", "2025-04-15", 5),  // thanked, again
    ]
    return data
  }

  @Test func referredAgainByWhetherTheFirstReferralWasThanked() throws {
    let options = AttributionOptions(period: Period(month: Month(year: 2026, month: 10)!))
    let e = try #require(Attributor.attribute(Self.dataset, options: options).programme.thankYouEffect)
    #expect(e.cohortEnd == Self.day("2025-10-31"))
    // Thanked in time: A, B, F; again: A, F → 2 ÷ 3.
    #expect(e.thanked == ThankYouEffect.Group(referrers: 3, referredAgain: 2))
    // Late or never: C, E; again: C → 1 ÷ 2.
    #expect(e.notThanked == ThankYouEffect.Group(referrers: 2, referredAgain: 1))
    #expect(e.notThanked.rate == 0.5)
    #expect(e.tooSmall)  // groups of 3 and 2, under 30
  }

  @Test func withoutThankedAtThereIsNothingToCompare() {
    var data = Self.dataset
    data.leadsHaveThankedAt = false
    #expect(Attributor.attribute(data, options: AttributionOptions(period: Period(month: Month(year: 2026, month: 10)!))).programme.thankYouEffect == nil)
  }
}
