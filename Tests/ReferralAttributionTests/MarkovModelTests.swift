import ReferralCore
import Testing

@testable import ReferralAttribution

/// The first-order chain's removal effects on ``PathsFixture``, worked out by hand.
@Suite struct MarkovModelTests {
  @Test func markovRemovalEffects() {
    // Transitions (weighted by conversions + nulls): start → Referral 3, Email 2, Paid 1;
    // Referral → Email 1, conversion 2; Email → Paid 2, conversion 1; Paid → conversion 1,
    // null 2. P(Paid) = 1/3, P(Email) = 5/9, P(Referral) = 23/27, P(start) = 2/3.
    // Removing Referral: 13/54 → effect 23/36; Email: 21/54 → 15/36; Paid: 27/54 → 9/36.
    // Wins ×4 by 23/47, 15/47, 9/47: 1.957446…, 1.276595…, 0.765957… (two millionths to
    // the largest remainders, Referral's .81 and Email's .74).
    // Revenue: a conversion is worth its channel's mean ($300 Referral, $100 Email, $900 Paid):
    // V(start) = 195,000/9 cents; without Referral 115,000/9 (effect 16/39), Email 90,000/9
    // (7/13), Paid 60,000/9 (9/13): shares 16/64, 21/64, 27/64 of $1,300.
    #expect(PathsFixture.credits(.markov) == [[1_957_447, 32_500], [1_276_596, 42_656], [765_957, 54_844]])
  }

  /// A channel a path only passes through (no path ends there) is a state of the chain too.
  @Test func aChannelOnlyPassedThroughHasItsRemovalEffect() throws {
    var paths = TouchPaths(channels: [Catalogue.Channel(name: "A", referral: true), Catalogue.Channel(name: "B", referral: false)])
    paths.addConversion(channels: [0, 1], ages: [3, 0], wins: 1, revenue: Money(minorUnits: 30_000), dealTouch: 0)
    paths.addNull(channels: [1])
    // start → A ½, B ½; A → B; B → conversion ½, null ½: P(B) = P(A) = P(start) = ½.
    // Without A: ½ × ½ = ¼ (effect ½); without B: 0 (effect 1). A ⅓, B ⅔ of 1 win and $300.
    let credits = try paths.credits(.markov, halfLifeDays: 7, revenueKnown: true).get()
    #expect(credits.map(\.microWins) == [333_333, 666_667])
    #expect(credits.map(\.revenue) == [Money(minorUnits: 10_000), Money(minorUnits: 20_000)])
  }

  @Test func markovBeyondItsChannelsIsNotComputed() {
    let channels = (0...MarkovCounts.maxChannels).map { Catalogue.Channel(name: "C\($0)", referral: false) }
    var paths = TouchPaths(channels: channels)
    paths.addConversion(channels: [0], ages: [0], wins: 1, revenue: .zero, dealTouch: 0)
    #expect(throws: TouchPaths.NotComputed.tooManyChannelsForMarkov(257)) {
      try paths.credits(.markov, halfLifeDays: 7, revenueKnown: true).get()
    }
  }
}
