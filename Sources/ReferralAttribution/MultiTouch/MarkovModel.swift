/// A first-order Markov chain of the paths: the states are start, each channel, conversion and
/// null (a path that ended without one). A channel's removal effect is the share of the
/// chance of converting from start that is lost when the channel's state becomes null; the
/// credits are the removal effects normalised to the period's won deals.
///
/// Transitions are counted, never kept per path, so the chain costs one count per pair of
/// channels however many paths there are. A touch repeated right after itself adds no
/// transition: a self-loop changes no chance of ending anywhere, and ChannelAttribution (the
/// reference implementation) drops them too.
struct MarkovCounts: Sendable, Equatable {
  /// The most channels the chain counts transitions between (a count per pair: 256² is half a
  /// megabyte, and each removal solves a system as large as the channels used).
  static let maxChannels = 256

  let channelCount: Int
  /// Weighted transitions from state `from` (a channel, or `channelCount` for start) to
  /// channel `to`, at `from * channelCount + to`.
  private var transitions: [Double]
  /// Per channel: paths that converted (by their won deals) or ended there, and the revenue of
  /// the conversions that ended there.
  private var conversions: [Double]
  private var nulls: [Double]
  private var values: [Double]

  init(channelCount: Int) {
    self.channelCount = channelCount
    transitions = Array(repeating: 0, count: (channelCount + 1) * channelCount)
    conversions = Array(repeating: 0, count: channelCount)
    nulls = conversions
    values = conversions
  }

  /// Counts one path's transitions, each weighted by its conversions plus its nulls (as
  /// ChannelAttribution weighs a row of paths).
  mutating func add(_ path: [Int], conversions converted: Double, value: Double, nulls ended: Double) {
    var from = channelCount
    for channel in path where channel != from {
      transitions[from * channelCount + channel] += converted + ended
      from = channel
    }
    conversions[from] += converted
    nulls[from] += ended
    values[from] += value
  }

  /// Each channel's removal effect, normalised: its share of `totalWins` (by the chance of
  /// converting) and of `totalRevenue` (by the expected revenue of a path, where a conversion
  /// from a channel is worth the mean revenue of the conversions that ended there).
  func removalShares(totalWins: Double, totalRevenue: Double) -> (wins: [Double], revenue: [Double]) {
    // Every channel a path reached: each one left it, by a transition, a conversion or a null.
    let used = (0..<channelCount).filter { outflow($0) > 0 }
    let wins = shares(of: totalWins, used: used) { conversions[$0] }
    let revenue = shares(of: totalRevenue, used: used) { values[$0] }
    return (wins, revenue)
  }

  /// Removal effects of the `used` channels when reaching conversion from a channel pays
  /// `reward` per conversion counted there, normalised to `total`.
  private func shares(of total: Double, used: [Int], reward: (Int) -> Double) -> [Double] {
    var result = Array(repeating: 0.0, count: channelCount)
    guard total != 0 else { return result }
    let whole = expected(used: used, removing: nil, reward: reward)
    guard whole != 0 else { return result }
    var effects: [(channel: Int, effect: Double)] = []
    for channel in used {
      effects.append((channel, max(0, 1 - expected(used: used, removing: channel, reward: reward) / whole)))
    }
    let sum = effects.reduce(0) { $0 + $1.effect }
    guard sum > 0 else { return result }
    for (channel, effect) in effects { result[channel] = effect / sum * total }
    return result
  }

  /// The expected reward of a path from start: solves x = Q x + b over the used channels
  /// (Q: the chances of moving between them, b: of converting from each, times its reward),
  /// with `removing`'s state made null.
  private func expected(used: [Int], removing: Int?, reward: (Int) -> Double) -> Double {
    let states = used.filter { $0 != removing }
    let size = states.count
    guard size > 0 else { return 0 }
    var place = Array(repeating: -1, count: channelCount)
    for (at, channel) in states.enumerated() { place[channel] = at }
    // The system (I − Q) x = b, row by row, solved by elimination with partial pivoting.
    var matrix = Array(repeating: 0.0, count: size * size)
    var rhs = Array(repeating: 0.0, count: size)
    for (row, from) in states.enumerated() {
      let out = outflow(from)
      matrix[row * size + row] = 1
      guard out > 0 else { continue }
      for to in states where to != from {
        matrix[row * size + place[to]] -= transitions[from * channelCount + to] / out
      }
      rhs[row] = conversions[from] > 0 ? conversions[from] / out * (reward(from) / conversions[from]) : 0
    }
    guard let solution = Self.solve(&matrix, &rhs, size: size) else { return 0 }
    let startOut = (0..<channelCount).reduce(0.0) { $0 + transitions[channelCount * channelCount + $1] }
    guard startOut > 0 else { return 0 }
    return states.enumerated().reduce(0.0) { sum, entry in
      sum + transitions[channelCount * channelCount + entry.element] / startOut * solution[entry.offset]
    }
  }

  /// Every path that reached `channel` and left it: by a transition, a conversion or a null.
  private func outflow(_ channel: Int) -> Double {
    var out = conversions[channel] + nulls[channel]
    for to in 0..<channelCount where to != channel { out += transitions[channel * channelCount + to] }
    return out
  }

  /// Gaussian elimination with partial pivoting; `nil` for a singular system (a closed loop of
  /// channels no path leaves, which counted paths cannot make: each path ends).
  static func solve(_ matrix: inout [Double], _ rhs: inout [Double], size: Int) -> [Double]? {
    for column in 0..<size {
      var pivot = column
      for row in column..<size where abs(matrix[row * size + column]) > abs(matrix[pivot * size + column]) { pivot = row }
      guard abs(matrix[pivot * size + column]) > 1e-300 else { return nil }
      if pivot != column {
        for k in 0..<size { matrix.swapAt(pivot * size + k, column * size + k) }
        rhs.swapAt(pivot, column)
      }
      let diagonal = matrix[column * size + column]
      for row in (column + 1)..<size {
        let factor = matrix[row * size + column] / diagonal
        guard factor != 0 else { continue }
        for k in column..<size { matrix[row * size + k] -= factor * matrix[column * size + k] }
        rhs[row] -= factor * rhs[column]
      }
    }
    var x = Array(repeating: 0.0, count: size)
    for row in stride(from: size - 1, through: 0, by: -1) {
      var sum = rhs[row]
      for k in (row + 1)..<size { sum -= matrix[row * size + k] * x[k] }
      x[row] = sum / matrix[row * size + row]
    }
    return x
  }
}
