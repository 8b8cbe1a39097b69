import ReferralAttribution
import ReferralCore
import TestSupport
import Testing

/// Does happiness predict referrals, October 2026 worked out by hand: answers count up to
/// 2025-10-31 (a year before the period's end).
///
/// P1 (promoter, 2025-03-01) referred R1 on 2025-06-01, won $1,000. P2 (promoter, 2025-03-01)
/// referred R2 on 2026-04-01, 396 days later. D1 (detractor) referred nobody. D2 answered 8 on
/// 2025-05-01 (and 3 on 2026-01-01, after the cohort's end) and referred R3 that same day, won
/// $200 on 2026-10-15. N1 never answered, won 2025-06-01, referred R4 on 2026-06-01 (day 365),
/// won after the period. R1 (won 2025-08-01) never answered either. N2 won after the cohort's
/// end; X1 answered but never won.
@Suite struct FeedbackEffectTests {
  static func day(_ iso: String) -> Day { Day(iso: iso)! }
  static func usd(_ units: Int64) -> Money { Money(minorUnits: units * 100) }

  static let leads = """
    lead_id,created_at,source,referrer_id
    P1,2024-12-01,Web,
    P2,2024-12-01,Web,
    D1,2024-12-01,Web,
    D2,2024-12-01,Web,
    N1,2024-12-01,Web,
    N2,2024-12-01,Web,
    X1,2024-12-01,Web,
    R1,2025-06-01,Referral,P1
    R2,2026-04-01,Referral,P2
    R3,2025-05-01,Referral,D2
    R4,2026-06-01,Referral,N1

    """

  static let deals = """
    deal_id,lead_id,stage,amount,closed_at
    W1,P1,won,10.00,2025-01-01
    W2,P2,won,10.00,2025-01-01
    W3,D1,won,10.00,2025-01-01
    W4,D2,won,10.00,2025-01-01
    W5,N1,won,10.00,2025-06-01
    W6,N2,won,10.00,2026-01-01
    WR1,R1,won,1000.00,2025-08-01
    WR2,R2,won,500.00,2026-05-01
    WR3,R3,won,200.00,2026-10-15
    WR4,R4,won,300.00,2026-11-15

    """

  static let answers = """
    lead_id,answered_at,score,comment
    P1,2025-03-01,10,
    P2,2025-03-01,9,
    D1,2025-02-01,2,Slow support
    D2,2025-05-01,8,
    D2,2026-01-01,3,
    X1,2025-03-01,10,

    """

  static func effect(minSample: Int) throws -> FeedbackEffect {
    var options = AttributionOptions(period: Period(month: Month(year: 2026, month: 10)!))
    options.minSample = minSample
    let dataset = try Dataset.importing([.leads: leads, .deals: deals, .feedback: answers])
    return try #require(Attributor.attribute(dataset, options: options).programme.feedbackEffect)
  }

  @Test func customersByTheirLatestAnswerAndWhetherTheyReferredWithinAYear() throws {
    let e = try Self.effect(minSample: 1)
    #expect(e.cohortEnd == Self.day("2025-10-31"))
    #expect(e.rows.map(\.group) == [.band(.promoter), .band(.passive), .band(.detractor), .noAnswer])
    // Promoters P1, P2 (P1 referred); passive D2 (referred R3 the day it answered); detractor
    // D1; no answer N1 (R4 on day 365 counts) and R1.
    #expect(e.rows.map(\.customers) == [2, 1, 1, 2])
    #expect(e.rows.map(\.referred) == [1, 1, 0, 1])
    #expect(e.rows.map(\.rate.value) == [0.5, 1, 0, 0.5])
    // R1's $1,000 (P1); R3's $200 (D2); R2 came after P2's year; R4's win is after the period.
    #expect(e.rows.map(\.revenue) == [Self.usd(1_000), Self.usd(200), Self.usd(0), Self.usd(0)])
  }

  @Test func groupsUnderTheMinimumSampleAreTooFewToJudge() throws {
    #expect(try Self.effect(minSample: 10).rows.allSatisfy(\.rate.tooFew))
    #expect(try Self.effect(minSample: 2).rows.map(\.rate.tooFew) == [false, true, true, false])
  }

  @Test func withoutAFeedbackExportHappinessIsUnknown() throws {
    let data = try Dataset.importing([.leads: Self.leads, .deals: Self.deals])
    let options = AttributionOptions(period: Period(month: Month(year: 2026, month: 10)!))
    #expect(Attributor.attribute(data, options: options).programme.feedbackEffect == nil)
  }
}
