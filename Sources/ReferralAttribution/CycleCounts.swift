/// Sales cycles counted by their length in days, for a median: the cycles of a fiscal year of
/// millions of deals are a few hundred distinct lengths, so nothing is kept per deal or sorted.
/// Counts sit in an array by length (cycles are never negative): the trend and the fiscal year
/// add every won deal's cycle, and a hashed table of lengths cost more than the rest of them.
struct CycleCounts {
  /// How many cycles last each number of days, by days.
  private var counts: [Int32] = []
  private(set) var total = 0

  mutating func add(_ days: Int) {
    precondition(days >= 0, "a sales cycle cannot be negative")
    if days >= counts.count { counts += repeatElement(0, count: days + 1 - counts.count) }
    counts[days] += 1
    total += 1
  }

  mutating func add(_ other: CycleCounts) {
    if other.counts.count > counts.count { counts += repeatElement(0, count: other.counts.count - counts.count) }
    for (days, count) in other.counts.enumerated() where count > 0 { counts[days] += count }
    total += other.total
  }

  /// The middle length (the mean of the two middle ones for an even count); `nil` for none.
  var median: Double? {
    guard total > 0 else { return nil }
    /// The length at `rank` (from 0) in the sorted cycles.
    func length(at rank: Int) -> Int {
      var seen = 0
      for (days, count) in counts.enumerated() {
        seen += Int(count)
        if seen > rank { return days }
      }
      preconditionFailure("rank \(rank) beyond \(total) cycles")
    }
    let (lower, upper) = (length(at: (total - 1) / 2), length(at: total / 2))
    return total % 2 == 1 ? Double(lower) : Double(lower + upper) / 2
  }
}
