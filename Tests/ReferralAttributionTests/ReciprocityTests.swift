import ReferralAttribution
import ReferralCore
import TestSupport
import Testing

/// Referrals passed both ways over the 12 months 2025-11-01 to 2026-10-31, by hand.
///
/// Given: P1 on 2026-02-01 (P1 referred A1 back on 03-10, 37 days later: returned), P2 on
/// 2026-01-01 (P2 referred A2 on 09-01, 243 days later: not within 180), P5 on 05-01 (never
/// referred), P4 on 2025-05-01 (before the 12 months). Received: P3 referred A3 and A4 in
/// October and was given nothing; P4's A5 (2025-06-01) is before the 12 months.
@Suite struct ReciprocityTests {
  static func day(_ iso: String) -> Day { Day(iso: iso)! }

  static let leads = """
    lead_id,created_at,source,referrer_id
    A1,2026-03-10,Referral,P1
    A2,2026-09-01,Referral,P2
    A3,2026-10-05,Referral,P3
    A4,2026-10-06,Referral,P3
    A5,2025-06-01,Referral,P4

    """

  static let given = """
    given_at,partner_id
    2026-02-01,P1
    2026-01-01,P2
    2026-05-01,P5
    2025-05-01,P4

    """

  /// October 2026's result; `given: nil` is a run without the referrals-given export.
  static func result(given: String?) throws -> AttributionResult {
    var texts: [InputRole: String] = [.leads: leads]
    texts[.referralsGiven] = given
    return Attributor.attribute(try Dataset.importing(texts), options: AttributionOptions(period: Period(month: Month(year: 2026, month: 10)!)))
  }

  @Test func partnersGivenAndReceivedWithTheRateOfReturns() throws {
    let r = try #require(try Self.result(given: Self.given).programme.credit.reciprocity)
    #expect(r.window == Period(from: Self.day("2025-11-01"), to: Self.day("2026-10-31")))
    // Most referrals either way first, then by id.
    #expect(r.partners.map { "\($0.partnerID) \($0.given) \($0.received)" } == ["P1 1 1", "P2 1 1", "P3 0 2", "P5 1 0"])
    // Of P1, P2 and P5, given a referral in the 12 months, only P1 referred back within 180 days.
    #expect(r.reciprocityRate.count == 1 && r.reciprocityRate.base == 3)
    #expect(r.owed.map(\.partnerID) == ["P3"])
    #expect(r.owed[0].lastReceived == Self.day("2026-10-06"))
  }

  @Test func withoutTheExportReciprocityIsUnknown() throws {
    #expect(try Self.result(given: nil).programme.credit.reciprocity == nil)
  }
}
