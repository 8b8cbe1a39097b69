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

  static var dataset: Dataset {
    var data = Dataset()
    data.sources = ["Referral", "Web"]
    data.referrers = ["P1", "P2", "D2", "N1"]
    let customers = ["P1", "P2", "D1", "D2", "N1", "N2", "X1"].map { Lead(id: $0, created: day("2024-12-01"), source: 1) }
    data.leads =
      customers + [
        Lead(id: "R1", created: day("2025-06-01"), source: 0, referrer: 0), Lead(id: "R2", created: day("2026-04-01"), source: 0, referrer: 1),
        Lead(id: "R3", created: day("2025-05-01"), source: 0, referrer: 2), Lead(id: "R4", created: day("2026-06-01"), source: 0, referrer: 3),
      ]
    func won(_ id: String, _ lead: String, _ amount: Int64, _ closed: String) -> Deal {
      Deal(id: id, leadID: lead, outcome: .won, amount: usd(amount), closed: day(closed))
    }
    data.deals = [
      won("W1", "P1", 10, "2025-01-01"), won("W2", "P2", 10, "2025-01-01"), won("W3", "D1", 10, "2025-01-01"), won("W4", "D2", 10, "2025-01-01"),
      won("W5", "N1", 10, "2025-06-01"), won("W6", "N2", 10, "2026-01-01"), won("WR1", "R1", 1_000, "2025-08-01"),
      won("WR2", "R2", 500, "2026-05-01"), won("WR3", "R3", 200, "2026-10-15"), won("WR4", "R4", 300, "2026-11-15"),
    ]
    data.answers = [
      Answer(leadID: "P1", answered: day("2025-03-01"), score: 10), Answer(leadID: "P2", answered: day("2025-03-01"), score: 9),
      Answer(leadID: "D1", answered: day("2025-02-01"), score: 2, comment: "Slow support"),
      Answer(leadID: "D2", answered: day("2025-05-01"), score: 8), Answer(leadID: "D2", answered: day("2026-01-01"), score: 3),
      Answer(leadID: "X1", answered: day("2025-03-01"), score: 10),
    ]
    data.hasFeedback = true
    return data
  }

  static func effect(minSample: Int) throws -> FeedbackEffect {
    var options = AttributionOptions(period: Period(month: Month(year: 2026, month: 10)!))
    options.minSample = minSample
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

  @Test func withoutAFeedbackExportHappinessIsUnknown() {
    var data = Self.dataset
    data.hasFeedback = false
    let options = AttributionOptions(period: Period(month: Month(year: 2026, month: 10)!))
    #expect(Attributor.attribute(data, options: options).programme.feedbackEffect == nil)
  }
}
