/// How often each whole number of days occurs, for medians of days (from a lead's creation to
/// its first win, a deal's age while open) over millions of leads: counts instead of every
/// value kept and sorted (at 10M leads the cohorts kept 37 MB of waits and sorted copies).
struct DayCounts: Sendable {
  /// How many values there are.
  private(set) var count = 0
  /// Counts of 0 up to ``nearLimit`` days (nearly every value), by value; made at the first.
  private var near: [Int] = []
  /// Counts of any other value (negative, or years), by value.
  private var far: [Int: Int] = [:]
  private static let nearLimit = 1024

  init() {}

  mutating func add(_ days: Int) {
    count += 1
    guard days >= 0, days < Self.nearLimit else {
      far[days, default: 0] += 1
      return
    }
    if near.isEmpty { near = Array(repeating: 0, count: Self.nearLimit) }
    near[days] += 1
  }

  /// Adds every value counted in `other`.
  mutating func add(_ other: DayCounts) {
    count += other.count
    if !other.near.isEmpty {
      if near.isEmpty { near = Array(repeating: 0, count: Self.nearLimit) }
      for days in 0..<Self.nearLimit { near[days] += other.near[days] }
    }
    far.merge(other.far, uniquingKeysWith: +)
  }

  /// The median: the middle value, or the mean of the middle two for an even count; `nil`
  /// when there are none.
  var median: Double? {
    guard count > 0 else { return nil }
    // Ranks of the middle two (the same one for an odd count), found in one ascending walk.
    let (low, high) = ((count - 1) / 2, count / 2)
    var (lowValue, seen) = (0, 0)
    for (days, times) in ascending {
      if seen <= low, low < seen + times { lowValue = days }
      if high < seen + times { return Double(lowValue + days) / 2 }
      seen += times
    }
    preconditionFailure("counts add up to fewer values than counted")
  }

  /// Each value counted with its count, smallest first.
  private var ascending: [(days: Int, times: Int)] {
    let below = far.filter { $0.key < 0 }.sorted { $0.key < $1.key }
    let above = far.filter { $0.key >= 0 }.sorted { $0.key < $1.key }
    let nearby = near.indices.lazy.filter { near[$0] > 0 }.map { (days: $0, times: near[$0]) }
    return below.map { (days: $0.key, times: $0.value) } + nearby + above.map { (days: $0.key, times: $0.value) }
  }
}
