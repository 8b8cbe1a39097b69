import CLibCSV

/// The one owner of a libcsv parser: the only code in the project that touches its pointers.
///
/// libcsv calls back once per field and once per row end. The callbacks capture nothing; they
/// reach the ``ParseState`` through libcsv's context pointer, copy field bytes into the batch
/// arena and track physical line numbers (libcsv reports none), so every row knows its line.
struct LibCSVParser: ~Copyable {
  private let parser: UnsafeMutablePointer<csv_parser>
  private let state: ParseState

  init(delimiter: UInt8, maxFieldBytes: Int) {
    precondition(maxFieldBytes > 0, "field cap must be positive")
    parser = .allocate(capacity: 1)
    // CSV_REPALL_NL: report every line end, so blank lines and CRLF pairs can be counted.
    let status = csv_init(parser, UInt8(CSV_REPALL_NL))
    precondition(status == 0, "csv_init failed")
    csv_set_delim(parser, delimiter)
    csv_set_blk_size(parser, 4096)
    // Only spaces are trimmed around unquoted fields: a tab may be the delimiter or data.
    csv_set_space_func(parser) { $0 == 0x20 ? 1 : 0 }
    state = ParseState(maxFieldBytes: maxFieldBytes)
  }

  deinit {
    csv_free(parser)
    parser.deallocate()
  }

  /// Feeds `bytes` to libcsv; completed rows accumulate in the batch.
  mutating func parse(_ bytes: UnsafeRawBufferPointer) throws(ParserFailure) {
    guard let base = bytes.baseAddress, bytes.count > 0 else { return }
    let context = Unmanaged.passUnretained(state).toOpaque()
    let consumed = csv_parse(parser, base, bytes.count, onField, onRowEnd, context)
    if consumed != bytes.count { throw ParserFailure(message: String(cString: csv_strerror(csv_error(parser)))) }
  }

  /// Ends the input: the last row (without a final line break) is completed. When the input
  /// ended inside a quoted field, that field is still delivered and its row flagged, so the
  /// importer can reject it with its line instead of losing it.
  mutating func finish() {
    let context = Unmanaged.passUnretained(state).toOpaque()
    // libcsv's state after the last byte: 2 is FIELD_BEGUN; inside quotes it never ended.
    let insideQuotes = parser.pointee.pstate == 2 && parser.pointee.quoted != 0
    if insideQuotes { state.beginRowIfNeeded() }
    let row = state.batch.rows.count
    _ = csv_fini(parser, onField, onRowEnd, context)
    state.endRow()
    if insideQuotes, row < state.batch.rows.count { state.batch.rows[row].unterminatedQuote = true }
  }

  /// The rows completed since the last call, handed to `body`, then cleared. The fields of a
  /// row still being parsed move to the front of the arena.
  func drain(_ body: (borrowing CSVBatch) throws -> Void) rethrows {
    if state.batch.rows.isEmpty { return }
    try body(state.batch)
    let keptFrom = state.inRow ? state.rowFirstField : state.batch.fieldEnds.count
    state.batch.removeCompleted(keepingFieldsFrom: keptFrom)
    state.rowFirstField = 0
  }
}

struct ParserFailure: Error {
  var message: String
}

/// What the callbacks mutate: the batch being filled and the line bookkeeping.
final class ParseState {
  var batch = CSVBatch()
  var line = 1
  var rowLine = 1
  var rowFirstField = 0
  var inRow = false
  var oversized = false
  var lastTerminatorWasCR = false
  let maxFieldBytes: Int

  init(maxFieldBytes: Int) { self.maxFieldBytes = maxFieldBytes }

  @inline(__always)
  func beginRowIfNeeded() {
    if inRow { return }
    inRow = true
    rowLine = line
    rowFirstField = batch.fieldEnds.count
    oversized = false
  }

  func endRow() {
    guard inRow else { return }
    batch.rows.append(
      CSVRowInfo(
        firstField: rowFirstField, fieldCount: batch.fieldEnds.count - rowFirstField,
        line: rowLine, oversizedField: oversized))
    inRow = false
  }
}

private func onField(_ data: UnsafeMutableRawPointer?, _ length: Int, _ context: UnsafeMutableRawPointer?) {
  let state = Unmanaged<ParseState>.fromOpaque(context!).takeUnretainedValue()
  state.beginRowIfNeeded()
  state.lastTerminatorWasCR = false
  let bytes = UnsafeRawBufferPointer(start: data, count: data == nil ? 0 : length)
  var newlines = 0
  for byte in bytes where byte == 0x0A { newlines += 1 }
  state.line += newlines
  if length > state.maxFieldBytes {
    state.oversized = true
  } else {
    state.batch.bytes.append(contentsOf: bytes)
  }
  state.batch.fieldEnds.append(state.batch.bytes.count)
}

private func onRowEnd(_ terminator: Int32, _ context: UnsafeMutableRawPointer?) {
  let state = Unmanaged<ParseState>.fromOpaque(context!).takeUnretainedValue()
  switch terminator {
  case 0x0D:
    state.endRow()
    state.line += 1
    state.lastTerminatorWasCR = true
  case 0x0A:
    if state.lastTerminatorWasCR && !state.inRow {
      state.lastTerminatorWasCR = false  // the LF of a CRLF pair: the line was counted at CR
    } else {
      state.endRow()
      state.line += 1
    }
  default:  // -1: end of input without a final line break
    state.endRow()
  }
}
