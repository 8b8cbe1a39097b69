import ReferralCore
import Testing

@testable import ReferralAttribution

/// Exact Shapley values over the channel sets of ``PathsFixture``, worked out by hand.
@Suite struct ShapleyModelTests {
  @Test func shapleyOverChannelSets() {
    // Rates per set: {R} 2, {E} 1, {P} 0, {E,P} 0, {R,E,P} 1; v(S) sums the sets inside S.
    // φ_R = ⅓·2 + ⅙·2 + ⅙·2 + ⅓·3 = 7/3, φ_E = 4/3, φ_P = 1/3 (sum 4 = v of all).
    // Revenue rates {R} 30,000, {E} 10,000, {R,E,P} 90,000 cents: φ 60,000, 40,000, 30,000.
    #expect(PathsFixture.credits(.shapley) == [[2_333_333, 60_000], [1_333_334, 40_000], [333_333, 30_000]])
  }

  @Test func shapleyBeyondFifteenChannelsIsNotComputed() {
    let channels = (0..<16).map { Catalogue.Channel(name: "C\($0)", referral: false) }
    var paths = TouchPaths(channels: channels)
    for channel in 0..<16 { paths.addConversion(channels: [channel], ages: [0], wins: 1, revenue: .zero, dealTouch: 0) }
    #expect(throws: TouchPaths.NotComputed.tooManyChannelsForShapley(16)) {
      try paths.credits(.shapley, halfLifeDays: 7, revenueKnown: true).get()
    }
    // Fifteen are computed: each of the one-channel paths is worth the same.
    var fifteen = TouchPaths(channels: Array(channels.prefix(15)))
    for channel in 0..<15 { fifteen.addConversion(channels: [channel], ages: [0], wins: 1, revenue: .zero, dealTouch: 0) }
    let credits = try? fifteen.credits(.shapley, halfLifeDays: 7, revenueKnown: true).get()
    #expect(credits?.map(\.microWins) == Array(repeating: 1_000_000, count: 15))
  }
}
