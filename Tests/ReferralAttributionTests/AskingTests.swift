import ReferralAttribution
import ReferralCore
import TestSupport
import Testing

@Suite struct AskingTests {
  typealias F = ReferrerFixture

  /// The referrer fixture with referral requests; October 2026 worked out by hand.
  static var dataset: Dataset {
    var data = F.dataset
    data.owners = ["Ana", "Ben"]
    data.asks = [
      // C1 asked on 10-01, and referred R1 (10-02) and R2 (10-03) within 30 days.
      Ask(id: "A1", asked: F.day("2026-10-01"), leadID: "C1", owner: 0),
      // R1 referred nobody.
      Ask(id: "A2", asked: F.day("2026-10-15"), leadID: "R1", owner: 0),
      // September: not an ask of the period (and P1 is no customer).
      Ask(id: "A3", asked: F.day("2026-09-30"), leadID: "P1", owner: 1),
      // More than twelve months before 10-31 (the year starts 2025-11-01): R6 counts as not asked.
      Ask(id: "A4", asked: F.day("2025-10-31"), leadID: "R6", owner: 1),
      // Someone not among the leads.
      Ask(id: "A5", asked: F.day("2026-10-20"), leadID: "X99", owner: 1),
      // No owner.
      Ask(id: "A6", asked: F.day("2026-10-05"), leadID: "R5"),
    ]
    data.hasAsks = true
    return data
  }

  @Test func customersAskedAsksPerRepAndWhatTheyBrought() throws {
    let a = try #require(Attributor.attribute(Self.dataset, options: F.options).programme.asking)
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
    let a = try #require(Attributor.attribute(Self.dataset, options: options).programme.asking)
    #expect(a.asksThatReferred == 0)
  }

  /// A window of 1 day: R1, created the day after C1's ask, is on the window's last day, which
  /// counts (A2's R1 referred nobody, and the next lead's referrals are not R1's).
  @Test func theWindowsLastDayCounts() throws {
    var options = F.options
    options.askWindowDays = 1
    let a = try #require(Attributor.attribute(Self.dataset, options: options).programme.asking)
    #expect(a.asksThatReferred == 1)
    #expect(a.reps.map(\.referred) == [1, 0, 0])
  }

  /// Without a referral requests export, asking is unknown, not zero.
  @Test func withoutAsksAskingIsUnknown() {
    #expect(Attributor.attribute(F.dataset, options: F.options).programme.asking == nil)
  }
}
