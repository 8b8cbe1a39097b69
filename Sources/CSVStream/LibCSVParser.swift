import CFieldArena
import CLibCSV

/// The one owner of a libcsv parser: the only code in the project that touches its pointers.
///
/// libcsv calls back once per field and once per line end, with the parse state's C field sink
/// as context. Both callbacks are C (`field_sink_add` copies the field's bytes into the batch's
/// arena; `field_sink_end_row` completes the row and tracks physical line numbers, which libcsv
/// does not report), so every row knows its line.
/// A quote inside an unquoted field is data (`5" screen`, as RFC 4180 readers and the
/// csv-spectrum cases expect); a quote that opens a field and never closes is caught by
/// ``RowFeeder``.
struct LibCSVParser: ~Copyable {
  private let parser: UnsafeMutablePointer<csv_parser>
  private let delimiter: UInt8
  let state = ParseState()
  private static let options = UInt8(CSV_REPALL_NL)

  init(delimiter: UInt8) {
    self.delimiter = delimiter
    parser = .allocate(capacity: 1)
    Self.start(parser, delimiter: delimiter)
  }

  deinit {
    csv_free(parser)
    parser.deallocate()
  }

  private static func start(_ parser: UnsafeMutablePointer<csv_parser>, delimiter: UInt8) {
    // CSV_REPALL_NL: report every line end, so blank lines and CRLF pairs can be counted.
    let status = csv_init(parser, options)
    precondition(status == 0, "csv_init failed")
    csv_set_delim(parser, delimiter)
    // The field callback may read 32 bytes of libcsv's field buffer, which grows by this much.
    csv_set_blk_size(parser, 1 << 16)
    // libcsv trims spaces and tabs around unquoted fields, and would take a tab delimiter for
    // space: then only spaces are trimmed (a call per byte, so only when needed).
    if delimiter == 0x09 { csv_set_space_func(parser) { $0 == 0x20 ? 1 : 0 } }
  }

  /// Feeds `bytes`; completed rows accumulate in the batch. `false` when libcsv could not
  /// grow its field buffer (out of memory).
  func feed(_ bytes: UnsafeRawBufferPointer) -> Bool {
    guard let base = bytes.baseAddress, bytes.count > 0 else { return true }
    return csv_parse(parser, base, bytes.count, field_sink_add, field_sink_end_row, state.sink) == bytes.count
  }

  /// Whether the input so far ends inside a quoted field (libcsv's FIELD_BEGUN, quoted).
  var insideQuotes: Bool { parser.pointee.pstate == 2 && parser.pointee.quoted != 0 }

  /// Forgets the row being parsed and starts afresh at `line` (after a broken row).
  func reset(line: Int) {
    csv_free(parser)
    Self.start(parser, delimiter: delimiter)
    state.discardOpenRow()
    state.line = line
    state.lastTerminatorWasCR = false
  }

  /// Ends the input: the last row (without a final line break) is completed.
  func finish() {
    _ = csv_fini(parser, field_sink_add, field_sink_end_row, state.sink)
    field_sink_finish_row(state.sink)
  }

  /// Hands the rows completed since the last call to `handOff`, which returns the batch to
  /// fill next: the same one once it is done with it, or another (when the rows go on to a
  /// thread of their own; the handed-on batch is then only read). The fields of a row still
  /// being parsed continue in the next batch.
  func drain(_ handOff: (CSVBatch) throws -> CSVBatch) rethrows {
    let filled = state.batch
    if filled.rowCount == 0 { return }
    let keptFrom = state.inRow ? state.rowFirstField : filled.fieldCount
    let next = try handOff(filled)
    if next === filled {
      filled.keepFields(from: keptFrom)
    } else {
      next.clear()
      next.takeFields(from: keptFrom, of: filled)
      state.batch = next
    }
    state.rowFirstField = 0
  }
}

/// What the callbacks mutate: the batch being filled and the line bookkeeping, kept in a C
/// field sink that the callbacks update directly.
final class ParseState {
  /// The batch being filled.
  var batch: CSVBatch {
    didSet { sink.pointee.arena = batch.arena }
  }
  /// libcsv's callback context: the arena being filled and the open row.
  let sink: UnsafeMutablePointer<field_sink>

  init() {
    let batch = CSVBatch()
    self.batch = batch
    sink = .allocate(capacity: 1)
    sink.initialize(to: field_sink(arena: batch.arena, line: 1, row_line: 1, row_first_field: 0, in_row: 0, last_terminator_was_cr: 0))
  }

  deinit { sink.deallocate() }

  /// The physical line where the next row starts.
  var line: Int {
    get { Int(sink.pointee.line) }
    set { sink.pointee.line = Int64(newValue) }
  }
  /// The open row's first field in the batch.
  var rowFirstField: Int {
    get { sink.pointee.row_first_field }
    set { sink.pointee.row_first_field = newValue }
  }
  var inRow: Bool {
    get { sink.pointee.in_row != 0 }
    set { sink.pointee.in_row = newValue ? 1 : 0 }
  }
  var lastTerminatorWasCR: Bool {
    get { sink.pointee.last_terminator_was_cr != 0 }
    set { sink.pointee.last_terminator_was_cr = newValue ? 1 : 0 }
  }

  /// Where the batch and line count stood, to undo a feed.
  struct Mark {
    var rows: Int
    var fields: Int
    var bytes: Int
    var line: Int
    var lastTerminatorWasCR: Bool
  }

  func mark() -> Mark {
    Mark(rows: batch.rowCount, fields: batch.fieldCount, bytes: batch.byteCount, line: line, lastTerminatorWasCR: lastTerminatorWasCR)
  }

  /// Undoes everything since `mark` (the parser itself is reset separately).
  func rollBack(to mark: Mark) {
    batch.truncate(rows: mark.rows, fields: mark.fields, bytes: mark.bytes)
    line = mark.line
    lastTerminatorWasCR = mark.lastTerminatorWasCR
    inRow = false
  }

  /// Whether a row completed since `mark` holds more than `limit` bytes of fields.
  func hasRow(longerThan limit: Int, since mark: Mark) -> Bool {
    // Cheap first: no row can be longer than all the bytes added.
    if batch.byteCount - mark.bytes <= limit { return false }
    for row in batch.rows[mark.rows...] where batch.byteLength(fields: row.firstField, to: row.firstField + row.fieldCount) > limit {
      return true
    }
    return false
  }

  /// Drops the fields of the row being parsed.
  func discardOpenRow() {
    guard inRow else { return }
    batch.truncate(rows: batch.rowCount, fields: rowFirstField, bytes: batch.startOfField(rowFirstField))
    inRow = false
  }

  /// Adds a row that could not be parsed, as one field holding its raw text.
  func addBrokenRow(raw: ArraySlice<UInt8>, line: Int, problem: CSVRowProblem) {
    let first = batch.fieldCount
    raw.withUnsafeBytes { batch.appendField($0.baseAddress, $0.count) }
    batch.addRow(firstField: first, fieldCount: 1, line: line, problem: problem)
  }
}
