import ReferralAttribution
import ReferralCore
import TestSupport
import Testing

/// Referrers whose first referral came by 2025-10-31 (a year before October 2026's end), by
/// whether it was thanked within 2 days; worked out by hand.
@Suite struct ThankYouEffectTests {
  static func day(_ iso: String) -> Day { Day(iso: iso)! }

  /// A: thanked, again. B: thanked, again only after a year. C: never thanked, again. D: after
  /// the cohort, not counted. E: thanked late, never again. F: thanked, again.
  static let leads = """
    lead_id,created_at,source,referrer_id,thanked_at
    RA1,2025-01-10,Referral,A,2025-01-11
    RA2,2025-06-01,Referral,A,
    RB1,2025-03-01,Referral,B,2025-03-02
    RB2,2026-04-01,Referral,B,
    RC1,2025-05-01,Referral,C,
    RC2,2025-05-20,Referral,C,
    RD1,2025-11-15,Referral,D,2025-11-15
    RE1,2025-02-01,Referral,E,2025-02-10
    RF1,2025-04-01,Referral,F,2025-04-02
    RF2,2025-04-15,Referral,F,

    """

  @Test func referredAgainByWhetherTheFirstReferralWasThanked() throws {
    let options = AttributionOptions(period: Period(month: Month(year: 2026, month: 10)!))
    let e = try #require(Attributor.attribute(try Dataset.importing([.leads: Self.leads]), options: options).programme.thankYouEffect)
    #expect(e.cohortEnd == Self.day("2025-10-31"))
    // Thanked in time: A, B, F; again: A, F → 2 ÷ 3.
    #expect(e.thanked == ThankYouEffect.Group(referrers: 3, referredAgain: 2))
    // Late or never: C, E; again: C → 1 ÷ 2.
    #expect(e.notThanked == ThankYouEffect.Group(referrers: 2, referredAgain: 1))
    #expect(e.notThanked.rate == 0.5)
    #expect(e.tooSmall)  // groups of 3 and 2, under 30
  }

  @Test func withoutThankedAtThereIsNothingToCompare() throws {
    let data = try Dataset.importing([.leads: Self.leads.removingColumns("thanked_at")])
    #expect(Attributor.attribute(data, options: AttributionOptions(period: Period(month: Month(year: 2026, month: 10)!))).programme.thankYouEffect == nil)
  }
}
