import ReferralAttribution
import ReferralCore
import TestSupport
import Testing

@Suite struct AskingTests {
  typealias F = ReferrerFixture

  /// The referrer fixture with referral requests; October 2026 worked out by hand.
  ///
  /// - A1: C1 asked on 10-01, and referred R1 (10-02) and R2 (10-03) within 30 days.
  /// - A2: R1 referred nobody.
  /// - A3: September: not an ask of the period (and P1 is no customer).
  /// - A4: more than twelve months before 10-31 (the year starts 2025-11-01): R6 counts as not
  ///   asked.
  /// - A5: someone not among the leads.
  /// - A6: no owner.
  static let asks = """
    ask_id,asked_at,lead_id,owner
    A1,2026-10-01,C1,Ana
    A2,2026-10-15,R1,Ana
    A3,2026-09-30,P1,Ben
    A4,2025-10-31,R6,Ben
    A5,2026-10-20,X99,Ben
    A6,2026-10-05,R5,

    """

  static func dataset() throws -> Dataset { try F.importing([.asks: asks]) }

  @Test func customersAskedAsksPerRepAndWhatTheyBrought() throws {
    let a = try #require(Attributor.attribute(Self.dataset(), options: F.options).programme.asking)
    // Customers (a won deal by 10-31): C1, R1, R3, R5, R6 = 5; asked in the year: C1, R1, R5.
    #expect(a.customers == 5)
    #expect(a.customersAsked == 3)
    #expect(a.customersAskedShare == 0.6)  // 3 ÷ 5
    #expect(a.target == 1)
    // October's asks: A1, A2, A5, A6 = 4; only A1 was followed by a referral: 1 ÷ 4.
    #expect(a.asks == 4)
    #expect(a.asksThatReferred == 1)
    #expect(a.referralRate == 0.25)
    // Ana A1 A2 (1 referred), then the ones with one ask by name: "(no owner)" A6, Ben A5.
    #expect(a.reps.map(\.owner) == ["Ana", "(no owner)", "Ben"])
    #expect(a.reps.map(\.asks) == [2, 1, 1])
    #expect(a.reps.map(\.referred) == [1, 0, 0])
    #expect(a.reps[0].referralRate == 0.5)
    #expect(a.reps[0].perMonth == [2])
  }

  /// A window of 0 days: C1's referrals came one and two days after the ask, so none counts.
  @Test func theWindowBoundsWhatAnAskBrought() throws {
    var options = F.options
    options.askWindowDays = 0
    let a = try #require(Attributor.attribute(Self.dataset(), options: options).programme.asking)
    #expect(a.asksThatReferred == 0)
  }

  /// A window of 1 day: R1, created the day after C1's ask, is on the window's last day, which
  /// counts (A2's R1 referred nobody, and the next lead's referrals are not R1's).
  @Test func theWindowsLastDayCounts() throws {
    var options = F.options
    options.askWindowDays = 1
    let a = try #require(Attributor.attribute(Self.dataset(), options: options).programme.asking)
    #expect(a.asksThatReferred == 1)
    #expect(a.reps.map(\.referred) == [1, 0, 0])
  }

  /// Without a referral requests export, asking is unknown, not zero.
  @Test func withoutAsksAskingIsUnknown() throws {
    #expect(Attributor.attribute(try F.importing(), options: F.options).programme.asking == nil)
  }
}
