/// Sales cycles counted by their length in days, for a median: the cycles of a fiscal year of
/// millions of deals are a few hundred distinct lengths, so nothing is kept per deal or sorted.
/// Counts sit in arrays by length: the trend and the fiscal year add every won deal's cycle,
/// and a hashed table of lengths cost more than the rest of them. A deal won before its lead
/// was created has a negative cycle: it counts too (the median is of all won deals; data
/// quality lists it), in an array of its own.
struct CycleCounts {
  /// How many cycles last each number of days, by days.
  private var counts: [Int32] = []
  /// How many cycles last -1, -2, … days, by (-days - 1).
  private var negatives: [Int32] = []
  private(set) var total = 0

  mutating func add(_ days: Int) {
    if days >= 0 {
      Self.count(days, in: &counts)
    } else {
      Self.count(-days - 1, in: &negatives)
    }
    total += 1
  }

  private static func count(_ index: Int, in counts: inout [Int32]) {
    if index >= counts.count { counts += repeatElement(0, count: index + 1 - counts.count) }
    counts[index] += 1
  }

  mutating func add(_ other: CycleCounts) {
    Self.merge(other.counts, into: &counts)
    Self.merge(other.negatives, into: &negatives)
    total += other.total
  }

  private static func merge(_ other: [Int32], into counts: inout [Int32]) {
    if other.count > counts.count { counts += repeatElement(0, count: other.count - counts.count) }
    for (index, count) in other.enumerated() where count > 0 { counts[index] += count }
  }

  /// The middle length (the mean of the two middle ones for an even count); `nil` for none.
  var median: Double? {
    guard total > 0 else { return nil }
    /// The length at `rank` (from 0) in the sorted cycles.
    func length(at rank: Int) -> Int {
      var seen = 0
      for index in negatives.indices.reversed() {  // the most negative first
        seen += Int(negatives[index])
        if seen > rank { return -index - 1 }
      }
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
