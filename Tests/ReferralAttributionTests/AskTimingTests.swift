import ReferralAttribution
import ReferralCore
import TestSupport
import Testing

/// When asks pay, October 2026 worked out by hand: the trailing year is 2025-11-01 to
/// 2026-10-31, and with a 30-day window an ask counts when made by 2026-10-01.
///
/// C1 won on 2025-12-01, C2 on 2026-03-01, C3 on 2026-02-01; P1 never won. C1 referred R1
/// (2025-12-20) and R3 (2026-05-01), C2 referred R2 (2026-06-20), C3 referred R4 (2026-01-10),
/// before its win.
@Suite struct AskTimingTests {
  static let leads = """
    lead_id,created_at,source,referrer_id
    C1,2025-01-01,Web,
    C2,2025-06-01,Web,
    C3,2025-09-01,Web,
    P1,2025-09-01,Web,
    R1,2025-12-20,Referral,C1
    R2,2026-06-20,Referral,C2
    R3,2026-05-01,Referral,C1
    R4,2026-01-10,Referral,C3

    """

  static let deals = """
    deal_id,lead_id,stage,amount,closed_at
    W1,C1,won,1.00,2025-12-01
    W2,C2,won,1.00,2026-03-01
    W3,C3,won,1.00,2026-02-01

    """

  /// - A1: 10 days after C1's win (0–30); R1 came 9 days later: paid.
  /// - A2: 30 days after (still 0–30); C1's next referral is in May: not paid.
  /// - A3, A4: 4 and 24 days after C2's win (0–30); C2's only referral is in June: not paid.
  /// - A5: 100 days after C2's win (31 + 30 + 31 + 8: 91–180); R2 came 11 days later: paid.
  /// - A6: 130 days after C1's win (31 + 31 + 28 + 31 + 9: 91–180); R3 came 21 days later: paid.
  /// - A7, A10, A11: not customers by the ask: a prospect, someone not among the leads, C2
  ///   before its win.
  /// - A8: its window runs to 2026-11-14, past the period's end: pending.
  /// - A9: before the trailing year: not counted at all.
  static let asks = """
    ask_id,asked_at,lead_id
    A1,2025-12-11,C1
    A2,2025-12-31,C1
    A3,2026-03-05,C2
    A4,2026-03-25,C2
    A5,2026-06-09,C2
    A6,2026-04-10,C1
    A7,2026-05-01,P1
    A10,2026-02-01,X99
    A11,2026-02-01,C2
    A8,2026-10-15,C1
    A9,2025-10-15,C1

    """

  static func dataset() throws -> Dataset { try Dataset.importing([.leads: leads, .deals: deals, .asks: asks]) }

  static func options(minSample: Int = 2, afterDays: Int = 14) -> AttributionOptions {
    var options = AttributionOptions()
    options.period = Period(month: Month(year: 2026, month: 10)!)
    options.minSample = minSample
    options.askAfterDays = afterDays
    return options
  }

  static func timing(_ options: AttributionOptions) throws -> AskTiming {
    try #require(Attributor.attribute(dataset(), options: options).programme.askTiming)
  }

  @Test func asksAreBucketedByDaysSinceTheFirstWin() throws {
    let t = try Self.timing(Self.options())
    #expect(t.rows.map(\.bucket) == AskTiming.Bucket.allCases)
    // 0–30: A1, A2, A3, A4, of which A1 paid (1 ÷ 4); 91–180: A5, A6, both paid (2 ÷ 2).
    #expect(t.rows.map(\.asks) == [4, 0, 0, 2, 0, 0])
    #expect(t.rows.map(\.referred) == [1, 0, 0, 2, 0, 0])
    #expect(t.rows[0].rate.value == 0.25)
    #expect(t.rows[3].rate.value == 1)
    // An empty bucket has no rate: nothing to divide, not 0%.
    #expect(t.rows[1].rate.value == nil)
    #expect(t.rows[1].rate.unknown == .nothingCounted)
    #expect(t.pending == 1)  // A8
    #expect(t.notCustomers == 3)  // A7, A10, A11
    // C1: 2025-12-01 → R1 2025-12-20 = 19 days; C2: 2026-03-01 → R2 2026-06-20 = 111 days;
    // C3 referred only before its win. Median of 19 and 111 = 65.
    #expect(t.referringCustomers == 2)
    #expect(t.medianDaysToFirstReferral == 65)
  }

  /// ask_after_days 14 falls in 0–30 (25% on 4 asks); the next judged bucket, 91–180, is 100%
  /// on 2 asks: 75 points higher, at least 5.
  @Test func theFindingSaysWhenTheAskListAsksBeforeTheRateRises() throws {
    let f = try #require(Self.timing(Self.options()).finding)
    #expect(f.early.bucket == .upTo30)
    #expect(f.later.bucket == .upTo180)
  }

  /// At 100 days the ask list already waits for 91–180: no later bucket has asks.
  @Test func noFindingWhenTheAskListWaitsLongEnough() throws {
    #expect(try Self.timing(Self.options(afterDays: 100)).finding == nil)
  }

  /// Under the default minimum sample of 10, 4 asks are too few to judge: no finding, and the
  /// rows say so.
  @Test func tooFewAsksAreMarkedAndDecideNothing() throws {
    let t = try Self.timing(Self.options(minSample: 10))
    #expect(t.rows[0].rate.tooFew)
    #expect(t.finding == nil)
  }

  /// 15% against 10% is exactly 5 points: a rise, decided in whole numbers.
  @Test func aRiseOfExactlyFivePointsCounts() {
    func row(_ bucket: AskTiming.Bucket, _ referred: Int, _ asks: Int) -> AskTiming.Row {
      AskTiming.Row(bucket: bucket, asks: asks, referred: referred, rate: Rate(referred, of: asks, .asks))
    }
    let rows = [row(.upTo30, 2, 20), row(.upTo60, 3, 20), row(.upTo90, 0, 0), row(.upTo180, 0, 0), row(.upTo365, 0, 0), row(.over365, 0, 0)]
    #expect(AskTiming.finding(rows, afterDays: 0)?.later.bucket == .upTo60)
    let flat = [row(.upTo30, 2, 20), row(.upTo60, 29, 200)] + rows.dropFirst(2)
    #expect(AskTiming.finding(flat, afterDays: 0) == nil)  // 14.5% against 10%: 4.5 points
  }

  @Test func withoutAsksTheTimingIsUnknown() throws {
    let data = try Dataset.importing([.leads: Self.leads, .deals: Self.deals])
    #expect(Attributor.attribute(data, options: Self.options()).programme.askTiming == nil)
  }
}
