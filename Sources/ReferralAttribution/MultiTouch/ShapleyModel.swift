/// Shapley values over the channels the period's paths touch, computed exactly over every
/// coalition (2^channels of them), never sampled: a sampled estimate would be another figure
/// on every run.
///
/// A coalition's worth is the sum of the conversion rates of the channel sets inside it:
/// v(S) = Σ over sets T ⊆ S of conversions(T) / paths(T), where a path's set is the distinct
/// channels it touched, however often and in whatever order. A channel's Shapley value is its
/// marginal worth averaged over every order the channels could join in; the values are
/// normalised to the period's won deals (and, with revenue per path instead of conversions,
/// to its revenue). Paths are folded into one tally per channel set as they come.
struct ChannelSets: Sendable, Equatable {
  /// The most channels computed exactly: 2^15 coalitions, each a handful of additions.
  static let maxChannels = 15

  private struct Tally: Sendable, Equatable {
    var paths = 0.0
    var conversions = 0.0
    var value = 0.0
  }

  /// Each channel's bit, given in the order channels first appear (-1: not seen yet).
  private var bit: [Int]
  private var bitChannel: [Int] = []
  private var tallies: [UInt64: Tally] = [:]

  init(channelCount: Int) { bit = Array(repeating: -1, count: channelCount) }

  /// Distinct channels the paths touched so far (counted up to one past the limit).
  var channelsSeen: Int { bitChannel.count }

  /// Tallies a path's channel set; once more than ``maxChannels`` channels appear, tallies no
  /// more (the values will not be computed).
  mutating func add(_ path: [Int], paths: Int, conversions: Double, value: Double) {
    guard bitChannel.count <= Self.maxChannels else { return }
    var set: UInt64 = 0
    for channel in path {
      if bit[channel] < 0 {
        bit[channel] = bitChannel.count
        bitChannel.append(channel)
        if bitChannel.count > Self.maxChannels {
          tallies = [:]
          return
        }
      }
      set |= 1 << UInt64(bit[channel])
    }
    tallies[set, default: Tally()].paths += Double(paths)
    tallies[set, default: Tally()].conversions += conversions
    tallies[set, default: Tally()].value += value
  }

  /// Each channel's Shapley value normalised to `totalWins` and `totalRevenue`, by channel
  /// position; `nil` when more than ``maxChannels`` channels appeared.
  func shapleyShares(totalWins: Double, totalRevenue: Double) -> (wins: [Double], revenue: [Double])? {
    guard bitChannel.count <= Self.maxChannels else { return nil }
    let size = bitChannel.count
    var rates = Array(repeating: 0.0, count: 1 << size)
    var valueRates = rates
    for (set, tally) in tallies where tally.paths > 0 {
      rates[Int(set)] = tally.conversions / tally.paths
      valueRates[Int(set)] = tally.value / tally.paths
    }
    let wins = Self.normalised(Self.shapley(Self.worth(rates, size: size), size: size), to: totalWins)
    let revenue = Self.normalised(Self.shapley(Self.worth(valueRates, size: size), size: size), to: totalRevenue)
    var byChannel = (wins: Array(repeating: 0.0, count: bit.count), revenue: Array(repeating: 0.0, count: bit.count))
    for (at, channel) in bitChannel.enumerated() {
      byChannel.wins[channel] = wins[at]
      byChannel.revenue[channel] = revenue[at]
    }
    return byChannel
  }

  /// v(S) = Σ over T ⊆ S of `rates[T]`, for every coalition S (the sum over subsets, one
  /// channel at a time).
  static func worth(_ rates: [Double], size: Int) -> [Double] {
    var worth = rates
    for channel in 0..<size {
      for set in worth.indices where set & (1 << channel) != 0 { worth[set] += worth[set ^ (1 << channel)] }
    }
    return worth
  }

  /// φ_i = Σ over S ∌ i of |S|!(n−|S|−1)!/n! · (v(S ∪ {i}) − v(S)).
  static func shapley(_ worth: [Double], size: Int) -> [Double] {
    guard size > 0 else { return [] }
    // The weight of a coalition of s channels: s!(n−s−1)!/n!, built without factorials.
    var weight = Array(repeating: 0.0, count: size)
    for s in 0..<size {
      var w = 1.0 / Double(size)
      for k in 0..<s { w *= Double(s - k) / Double(size - 1 - k) }
      weight[s] = w
    }
    var values = Array(repeating: 0.0, count: size)
    for channel in 0..<size {
      let mask = 1 << channel
      for set in worth.indices where set & mask == 0 {
        values[channel] += weight[set.nonzeroBitCount] * (worth[set | mask] - worth[set])
      }
    }
    return values
  }

  /// `values` scaled to sum to `total` (all zero when they sum to nothing).
  static func normalised(_ values: [Double], to total: Double) -> [Double] {
    let sum = values.reduce(0, +)
    return sum > 0 ? values.map { $0 / sum * total } : values.map { _ in 0 }
  }
}
