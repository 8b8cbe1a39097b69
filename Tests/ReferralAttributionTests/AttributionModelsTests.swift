import ReferralCore
import Testing

@testable import ReferralAttribution

/// Three converting paths and two that did not, every model worked out by hand.
///
/// Channels: 0 Referral (a referral channel), 1 Email, 2 Paid Search.
/// - P1: Referral (21 days before the win), Email (7), Paid Search (0); 1 win, $900; the first
///   deal was created nearest the last touch (W-shaped's deal touch is 2).
/// - P2: Email (7), Email (0), a repeat; 1 win, $100; deal touch 0.
/// - P3: Referral alone (a referral-only path); 2 wins, $300.
/// - N1: Paid Search; N2: Email, Paid Search: no conversion.
///
/// 4 won deals and $1,300 to share under every model.
enum PathsFixture {
  static let channels = [
    Catalogue.Channel(name: "Referral", referral: true), Catalogue.Channel(name: "Email", referral: false),
    Catalogue.Channel(name: "Paid Search", referral: false),
  ]
  static func usd(_ units: Int64) -> Money { Money(minorUnits: units * 100) }

  static var paths: TouchPaths {
    var paths = TouchPaths(channels: channels)
    paths.addConversion(channels: [0, 1, 2], ages: [21, 7, 0], wins: 1, revenue: usd(900), dealTouch: 2)
    paths.addConversion(channels: [1, 1], ages: [7, 0], wins: 1, revenue: usd(100), dealTouch: 0)
    paths.addConversion(channels: [0], ages: [0], wins: 2, revenue: usd(300), dealTouch: 0)
    paths.addNull(channels: [2])
    paths.addNull(channels: [1, 2])
    return paths
  }

  /// Credits as (millionths of a win, cents) in channel order: Referral, Email, Paid Search.
  static func credits(_ model: MultiTouchModel) -> [[Int64]] {
    guard case .success(let credits) = paths.credits(model, halfLifeDays: 7, revenueKnown: true) else { return [] }
    return credits.map { [$0.microWins, $0.revenue!.minorUnits] }
  }
}

@Suite struct AttributionModelsTests {
  @Test func touchWeightsFollowEachModelsRule() {
    func weights(_ model: MultiTouchModel, _ count: Int, ages: [Int32] = [], dealTouch: Int = 0) -> [Double] {
      TouchWeights.weights(model, count: count, ages: { ages[$0] }, dealTouch: dealTouch, halfLifeDays: 7).map { ($0 * 1e9).rounded() / 1e9 }
    }
    #expect(weights(.firstTouch, 3) == [1, 0, 0])
    #expect(weights(.lastTouch, 3) == [0, 0, 1])
    #expect(weights(.linear, 4) == [0.25, 0.25, 0.25, 0.25])
    // U-shaped: one touch takes all, two share 50/50, then 40/20/40 with the 20 split.
    #expect(weights(.uShaped, 1) == [1])
    #expect(weights(.uShaped, 2) == [0.5, 0.5])
    #expect(weights(.uShaped, 3) == [0.4, 0.2, 0.4])
    #expect(weights(.uShaped, 4) == [0.4, 0.1, 0.1, 0.4])
    // W-shaped: 30 per role, stacked; 10 to the rest, or spread over the roles (÷ 0.9).
    #expect(weights(.wShaped, 1) == [1])
    let third: Double = (1e9 / 3).rounded() / 1e9
    let twoThirds: Double = (2e9 / 3).rounded() / 1e9
    #expect(weights(.wShaped, 2, dealTouch: 0) == [twoThirds, third])
    #expect(weights(.wShaped, 3, dealTouch: 1) == [third, third, third])
    #expect(weights(.wShaped, 5, dealTouch: 2) == [0.3, 0.05, 0.3, 0.05, 0.3])
    #expect(weights(.wShaped, 4, dealTouch: 3) == [0.3, 0.05, 0.05, 0.6])
    // Time decay, half-life 7: 14, 7 and 0 days weigh 1/4, 1/2, 1, of 1.75 in all.
    let sevenths: [Double] = [1.0 / 7, 2.0 / 7, 4.0 / 7].map { ($0 * 1e9).rounded() / 1e9 }
    #expect(weights(.timeDecay, 3, ages: [14, 7, 0]) == sevenths)
    // A touch on the day of the conversion or after it (a negative age) weighs 1.
    #expect(TouchWeights.decay(days: -3, halfLifeDays: 7) == 1)
  }

  @Test func apportionKeepsEveryUnitAndBreaksTiesByName() {
    // Floors 3, 3, 3; the tenth unit to the largest remainder (0.4).
    #expect(Apportion.apportion(10, exact: [3.3, 3.3, 3.4], rank: [0, 1, 2]) == [3, 3, 4])
    // Equal remainders: the alphabetically first (rank 0) takes the unit.
    #expect(Apportion.apportion(1, exact: [0.5, 0.5], rank: [1, 0]) == [0, 1])
    // Nothing to share by: split evenly, the odd unit by rank.
    #expect(Apportion.apportion(3, exact: [0, 0], rank: [0, 1]) == [2, 1])
    // A sum that came out a hair under its total still places every unit.
    #expect(Apportion.apportion(3, exact: [0.999_999_999_9, 0.999_999_999_9, 0.999_999_999_9], rank: [0, 1, 2]) == [1, 1, 1])
  }

  @Test func firstAndLastTouch() {
    // First: Referral takes P1 and P3 (3 wins, $1,200), Email P2 (1, $100).
    #expect(PathsFixture.credits(.firstTouch) == [[3_000_000, 120_000], [1_000_000, 10_000], [0, 0]])
    // Last: Referral P3 (2, $300), Email P2 (1, $100), Paid Search P1 (1, $900).
    #expect(PathsFixture.credits(.lastTouch) == [[2_000_000, 30_000], [1_000_000, 10_000], [1_000_000, 90_000]])
  }

  @Test func linearCountsRepeatsAsTouches() {
    // P1 a third each (1/3 win, $300 each); P2 both touches Email; P3 Referral.
    // Referral 2⅓, Email 1⅓, Paid Search ⅓: the millionths' remainders tie (⅓ each) and the
    // last one goes to the alphabetically first, Email.
    #expect(PathsFixture.credits(.linear) == [[2_333_333, 60_000], [1_333_334, 40_000], [333_333, 30_000]])
  }

  @Test func uAndWShaped() {
    // U: P1 40/20/40 → Referral 0.4 ($360), Email 0.2 ($180), Paid Search 0.4 ($360).
    #expect(PathsFixture.credits(.uShaped) == [[2_400_000, 66_000], [1_200_000, 28_000], [400_000, 36_000]])
    // W: P1's deal touch is its last: 30 first, 60 last, 10 to Email → $270, $90, $540.
    #expect(PathsFixture.credits(.wShaped) == [[2_300_000, 57_000], [1_100_000, 19_000], [600_000, 54_000]])
  }

  @Test func timeDecayHalvesPerHalfLife() {
    // P1: 2^-3, 2^-1, 1 of 1.625 → 1/13, 4/13, 8/13 (of $900: $69.23…, $276.92…, $553.84…).
    // P2 is Email's; P3 Referral's. Referral 2 + 1/13 = 2.076923…, Email 1.307692…, Paid
    // 0.615384… (+1 millionth: the largest remainder); cents 36,923.08, 37,692.31, 55,384.62
    // (+1 cent to Paid Search).
    #expect(PathsFixture.credits(.timeDecay) == [[2_076_923, 36_923], [1_307_692, 37_692], [615_385, 55_385]])
  }

  @Test func everyModelSharesTheWholePeriod() {
    for model in MultiTouchModel.allCases {
      let credits = PathsFixture.credits(model)
      #expect(credits.reduce(0) { $0 + $1[0] } == 4_000_000, "\(model)")
      #expect(credits.reduce(0) { $0 + $1[1] } == 130_000, "\(model)")
    }
  }

  @Test func unknownRevenueIsNilUnderEveryModel() {
    for model in MultiTouchModel.allCases {
      let credits = try? PathsFixture.paths.credits(model, halfLifeDays: 7, revenueKnown: false).get()
      #expect(credits?.allSatisfy { $0.revenue == nil } == true)
    }
  }

  @Test func pathsCountReferralStarts() {
    let paths = PathsFixture.paths
    // P1 and P3 start with a referral; only P1 has another channel after it.
    #expect((paths.pathCount, paths.convertingCount, paths.referralFirst, paths.referralFirstWithOthers) == (5, 3, 2, 1))
  }
}
