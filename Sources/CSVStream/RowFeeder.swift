#if canImport(Glibc)
  import Glibc
#endif

/// Feeds decoded text to libcsv and recovers from rows libcsv cannot finish. Whole lines go to
/// libcsv in one call while rows end where their lines end; when a chunk leaves a row open, has
/// a row over the limit, or libcsv fails, that chunk is rolled back and fed again a line at a
/// time, so the feeder knows where the troubled row began:
///
/// - a quoted field still open after `maxRowBytes` or at the end of the file: the row's first
///   line is rejected and the lines after it are parsed again, so one stray quote does not
///   swallow the rest of the file;
/// - a row longer than `maxRowBytes`: rejected, its bytes dropped, memory stays bounded.
struct RowFeeder: ~Copyable {
  let parser: LibCSVParser
  let maxRowBytes: Int
  /// Raw bytes of the row being parsed from the start of its first line, when it spans lines
  /// or chunks (empty between rows).
  private var rowRaw: [UInt8] = []
  private var rowStartLine = 1
  /// Physical line of the next byte fed.
  private var currentLine = 1
  /// A broken row whose line is still arriving: it is added once the line ends, with as much
  /// of its text as the limit allows.
  private var broken: (problem: CSVRowProblem, line: Int, raw: [UInt8])?

  /// A feeder whose first byte is on line `firstLine` (2 after a `sep=` line).
  init(delimiter: UInt8, maxRowBytes: Int, firstLine: Int = 1) {
    precondition(maxRowBytes > 0, "row limit must be positive")
    parser = LibCSVParser(delimiter: delimiter)
    self.maxRowBytes = maxRowBytes
    rowStartLine = firstLine
    currentLine = firstLine
    parser.state.line = firstLine
  }

  /// Whether everything fed so far ended a row, with no quote, broken line or row left open:
  /// the next byte starts a row, as it would for a reader that started there (see ``CSVReader``
  /// on segments).
  var atRowStart: Bool { rowRaw.isEmpty && broken == nil && !parser.state.inRow && !parser.insideQuotes }

  /// The physical line of the next byte fed.
  var nextLine: Int { currentLine }

  mutating func feed(_ input: ArraySlice<UInt8>) {
    var work = input
    // Whole lines go in one call whenever no row is open; a chunk that leaves one open (its
    // last line continues in the next chunk) is followed line by line only until that row
    // ends. After a block that had to be rolled back, the rest of the chunk goes line by line.
    var blockFailed = false
    while !work.isEmpty {
      if !blockFailed, rowRaw.isEmpty, broken == nil, let last = Self.lastNewline(in: work) {
        let block = work[..<(last + 1)]
        if feedBlock(block) {
          work = work[(last + 1)...]
          continue
        }
        blockFailed = true
      }
      let newline = Self.firstNewline(in: work)
      let end = newline.map { $0 + 1 } ?? work.endIndex
      let line = work[work.startIndex..<end]
      work = work[end...]
      if broken != nil {
        broken!.raw.append(contentsOf: line.prefix(max(0, rawLimit - broken!.raw.count)))
        if newline != nil { endBrokenLine() }
        continue
      }
      if let again = feedLine(line, complete: newline != nil) {
        work = (again + work)[...]
      }
    }
  }

  /// Feeds complete lines in one call. Rolls back and returns `false` when a row is left open,
  /// a row is over the limit or libcsv fails: the caller then feeds the same lines one by one.
  private mutating func feedBlock(_ block: ArraySlice<UInt8>) -> Bool {
    let mark = parser.state.mark()
    let parsed = block.withUnsafeBytes { parser.feed($0) }
    if parsed, !parser.state.inRow, !parser.insideQuotes, !parser.state.hasRow(longerThan: maxRowBytes, since: mark) {
      currentLine = parser.state.line
      return true
    }
    parser.reset(line: mark.line)
    parser.state.rollBack(to: mark)
    return false
  }

  static func firstNewline(in bytes: ArraySlice<UInt8>) -> Int? {
    bytes.withUnsafeBytes { raw in
      guard let base = raw.baseAddress, let hit = memchr(base, 0x0A, raw.count) else { return nil }
      return bytes.startIndex + (UnsafeRawPointer(hit) - base)
    }
  }

  /// Searched from the end: a chunk's last line is short, so this is a few bytes' work.
  static func lastNewline(in bytes: ArraySlice<UInt8>) -> Int? {
    bytes.lastIndex(of: 0x0A)
  }

  /// Ends the input; a quoted field still open is recovered from like any other.
  mutating func finish() {
    if broken != nil { endBrokenLine() }
    while parser.insideQuotes {
      let again = recoverUnterminated()
      feed(again[...])
    }
    parser.finish()
  }

  /// Feeds one line (or the part of it in this chunk); returns bytes to parse again, if any.
  private mutating func feedLine(_ line: ArraySlice<UInt8>, complete: Bool) -> [UInt8]? {
    if rowRaw.isEmpty { rowStartLine = currentLine }
    if rowRaw.count + line.count > maxRowBytes {
      // A quoted field open over several lines is a stray quote; else the row is just too long.
      if parser.insideQuotes, rowRaw.contains(0x0A) {
        rowRaw.append(contentsOf: line)
        return recoverUnterminated()
      }
      rowRaw.append(contentsOf: line.prefix(max(0, maxRowBytes - rowRaw.count)))
      if complete { currentLine += 1 }
      breakRow(.tooLong(limit: maxRowBytes), complete: complete)
      return nil
    }
    let parsed = line.withUnsafeBytes { parser.feed($0) }
    if complete { currentLine += 1 }
    if !parsed {
      rowRaw.append(contentsOf: line)
      breakRow(.tooLong(limit: maxRowBytes), complete: complete)
      return nil
    }
    // Only the text of a row still open is kept (for recovery); a finished row costs no copy.
    if complete, !parser.state.inRow, !parser.insideQuotes {
      rowRaw.removeAll(keepingCapacity: true)
    } else {
      rowRaw.append(contentsOf: line)
    }
    return nil
  }

  /// How much of a broken row's text is kept for `rejects.csv`.
  private var rawLimit: Int { min(maxRowBytes, 4096) }

  /// Gives up on the row being parsed: it is added as broken when its line has ended, and
  /// parsing starts again on the next line.
  private mutating func breakRow(_ problem: CSVRowProblem, complete: Bool) {
    broken = (problem, rowStartLine, Array(rowRaw.prefix(rawLimit)))
    rowRaw.removeAll(keepingCapacity: true)
    if complete {
      currentLine -= 1
      endBrokenLine()
    }
  }

  private mutating func endBrokenLine() {
    guard let (problem, line, raw) = broken else { return }
    broken = nil
    currentLine += 1
    parser.reset(line: currentLine)
    parser.state.addBrokenRow(raw: Self.trimmedLineEnd(raw[...]), line: line, problem: problem)
  }

  /// Rejects the first line of the row whose quoted field never closed and returns the lines
  /// after it, to be parsed again from a fresh parser.
  private mutating func recoverUnterminated() -> [UInt8] {
    let firstLineEnd = rowRaw.firstIndex(of: 0x0A).map { $0 + 1 } ?? rowRaw.endIndex
    parser.reset(line: rowStartLine + 1)
    parser.state.addBrokenRow(raw: Self.trimmedLineEnd(rowRaw[..<firstLineEnd]), line: rowStartLine, problem: .unterminatedQuote)
    let rest = Array(rowRaw[firstLineEnd...])
    rowRaw.removeAll(keepingCapacity: true)
    currentLine = rowStartLine + 1
    return rest
  }

  private static func trimmedLineEnd(_ raw: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
    var raw = raw
    while let last = raw.last, last == 0x0A || last == 0x0D { raw = raw.dropLast() }
    return raw
  }
}
