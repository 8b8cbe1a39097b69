/// The line of every row of a table, kept only where the count jumps: in an export nearly
/// every row is on the line after the previous one, so a million rows need a few thousand
/// entries instead of a million (a multi-line row, a rejected or blank line makes a jump).
struct LineColumn: Sendable {
  /// The rows whose line is not one more than the previous row's, ascending, and their lines.
  private var jumps: [Int32] = []
  private var jumpLines: [Int32] = []
  private(set) var count = 0
  private var last: Int32 = 0

  mutating func append(_ line: Int) {
    let line = Int32(clamping: line)
    if count == 0 || line != last &+ 1 {
      jumps.append(Int32(count))
      jumpLines.append(line)
    }
    last = line
    count += 1
  }

  /// The line of row `position`: that of the last jump at or before it, plus the rows since.
  subscript(position: Int) -> Int {
    precondition(position >= 0 && position < count, "row \(position) of \(count)")
    var low = 0
    var high = jumps.count
    while low < high {
      let middle = (low + high) / 2
      if Int(jumps[middle]) <= position { low = middle + 1 } else { high = middle }
    }
    return Int(jumpLines[low - 1]) + position - Int(jumps[low - 1])
  }
}
