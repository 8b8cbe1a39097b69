/// Sales cycles counted by their length in days, for a median: the cycles of a fiscal year of
/// millions of deals are a few hundred distinct lengths, so nothing is kept per deal or sorted.
struct CycleCounts {
  private var counts: [Int: Int] = [:]
  private(set) var total = 0

  mutating func add(_ days: Int) {
    counts[days, default: 0] += 1
    total += 1
  }

  mutating func add(_ other: CycleCounts) {
    for (days, count) in other.counts { counts[days, default: 0] += count }
    total += other.total
  }

  /// The middle length (the mean of the two middle ones for an even count); `nil` for none.
  var median: Double? {
    guard total > 0 else { return nil }
    let lengths = counts.keys.sorted()
    /// The length at `rank` (from 0) in the sorted cycles.
    func length(at rank: Int) -> Int {
      var seen = 0
      for days in lengths {
        seen += counts[days]!
        if seen > rank { return days }
      }
      preconditionFailure("rank \(rank) beyond \(total) cycles")
    }
    let (lower, upper) = (length(at: (total - 1) / 2), length(at: total / 2))
    return total % 2 == 1 ? Double(lower) : Double(lower + upper) / 2
  }
}
