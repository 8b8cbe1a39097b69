import ReferralCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The eight ways of sharing a won deal among the touches that led to it (issue #36).
///
/// The report's channel table credits each deal to one channel (the lead's source, or the
/// deal's own); these models share it among every touch of the lead's path, the referral
/// introduction included, so the channels a CRM's own attribution cannot see are credited too.
package enum MultiTouchModel: String, Sendable, CaseIterable, Comparable {
  /// All of the credit to the path's first touch.
  case firstTouch = "first_touch"
  /// All of it to the last touch before the conversion.
  case lastTouch = "last_touch"
  /// An equal share to every touch: 1/n each.
  case linear
  /// 40% first, 40% last, 20% shared by the touches between.
  case uShaped = "u_shaped"
  /// 30% first, 30% to the touch nearest the first deal's creation, 30% last, 10% shared by the
  /// rest.
  case wShaped = "w_shaped"
  /// Each touch weighted 2^(−days before the conversion / half-life), normalised per path.
  case timeDecay = "time_decay"
  /// Each channel's removal effect on a first-order Markov chain of all paths.
  case markov
  /// Each channel's Shapley value over the coalitions of channels paths touch.
  case shapley

  package static func < (lhs: Self, rhs: Self) -> Bool { allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)! }

  /// The models that credit each path on its own touches (the others read all paths at once).
  package var isHeuristic: Bool { self != .markov && self != .shapley }
}

/// What a model credits each channel: won deals (fractional) and revenue, summing to the
/// period's won deals and revenue exactly.
package struct ChannelCredit: Sendable, Equatable {
  package var channel: String
  package var referral: Bool
  /// Credited won deals in millionths, so that the credits add up to the whole deals exactly.
  package var microWins: Int64
  /// `nil` when the period's revenue is unknown (no amounts).
  package var revenue: Money?

  package init(channel: String, referral: Bool, microWins: Int64, revenue: Money?) {
    self.channel = channel
    self.referral = referral
    self.microWins = microWins
    self.revenue = revenue
  }

  /// Credited won deals (a fraction of a deal where the model shares it).
  package var wins: Double { Double(microWins) / 1_000_000 }
}

/// How credits are cut into whole units without losing any.
package enum Apportion {
  /// `exact` rounded to whole units that sum to `total` (the largest-remainder rule): each
  /// share's floor, then one more unit to the largest remainders, ties to the lowest `rank`.
  /// Remainders are compared to a millionth of a unit, so that two sums of the same credits
  /// added in another order (shuffled rows) never swap a unit. All-zero shares split `total`
  /// evenly (a total with no credit to share it by).
  package static func apportion(_ total: Int64, exact: [Double], rank: [Int]) -> [Int64] {
    precondition(exact.count == rank.count, "one rank per share")
    guard !exact.isEmpty else { return [] }
    let sum = exact.reduce(0, +)
    let shares = sum == 0 ? Array(repeating: Double(total) / Double(exact.count), count: exact.count) : exact
    var parts = shares.map { Int64($0.rounded(.down)) }
    var missing = total - parts.reduce(0, +)
    let remainders = shares.indices.map { ((shares[$0] - shares[$0].rounded(.down)) * 1e6).rounded() }
    let order = shares.indices.sorted { a, b in
      remainders[a] != remainders[b] ? remainders[a] > remainders[b] : rank[a] < rank[b]
    }
    // Rounding error can leave a unit more or less than the shares' count to place: go round.
    var next = 0
    while missing != 0 {
      let at = missing > 0 ? order[next % order.count] : order[order.count - 1 - next % order.count]
      parts[at] += missing > 0 ? 1 : -1
      missing += missing > 0 ? -1 : 1
      next += 1
    }
    return parts
  }
}

/// The heuristic models' weights: what share of a path's conversion each touch takes.
package enum TouchWeights {
  /// The shares of the `count` touches of a path (they sum to 1).
  /// - `ages`: days from each touch to the conversion (time decay);
  /// - `dealTouch`: the position of the touch nearest the first deal's creation (W-shaped).
  package static func weights(
    _ model: MultiTouchModel, count: Int, ages: (Int) -> Int32, dealTouch: Int, halfLifeDays: Double
  ) -> [Double] {
    precondition(model.isHeuristic && count > 0, "a heuristic model over a path with touches")
    var weights = Array(repeating: 0.0, count: count)
    switch model {
    case .firstTouch: weights[0] = 1
    case .lastTouch: weights[count - 1] = 1
    case .linear: return Array(repeating: 1 / Double(count), count: count)
    case .uShaped:
      // One touch takes all; two share the middle's 20% too (50/50); more: 40/20/40.
      guard count > 2 else { return Array(repeating: 1 / Double(count), count: count) }
      weights[0] = 0.4
      weights[count - 1] = 0.4
      for index in 1..<(count - 1) { weights[index] += 0.2 / Double(count - 2) }
    case .wShaped:
      // 30% per role (first, deal's creation, last), stacked where one touch holds two roles;
      // 10% shared by the touches with no role, or, when every touch has one, spread over the
      // roles like the 90%.
      weights[0] += 0.3
      weights[dealTouch] += 0.3
      weights[count - 1] += 0.3
      let rest = (0..<count).filter { $0 != 0 && $0 != dealTouch && $0 != count - 1 }
      if rest.isEmpty {
        return weights.map { $0 / 0.9 }
      }
      for index in rest { weights[index] += 0.1 / Double(rest.count) }
    case .timeDecay:
      for index in 0..<count { weights[index] = Self.decay(days: ages(index), halfLifeDays: halfLifeDays) }
      let sum = weights.reduce(0, +)
      return weights.map { $0 / sum }
    case .markov, .shapley: break
    }
    return weights
  }

  /// 2^(−days / half-life): a touch one half-life before the conversion counts half as much as
  /// one on its day. The exponent is capped so that a years-old touch weighs a tiny amount,
  /// never 0 (a path of only old touches still shares its conversion).
  package static func decay(days: Int32, halfLifeDays: Double) -> Double {
    exp2(-min(Double(max(days, 0)) / halfLifeDays, 1000))
  }
}
