// Public, not package: the per-field reads are inlined into the decoders of other modules,
// which Swift 6.3 does only for public bodies; see docs/PERFORMANCE.md.

import CFieldArena

#if canImport(Glibc)
  import Glibc
#endif

/// Where one parsed row sits inside a ``CSVBatch``.
public struct CSVRowInfo: Sendable, Equatable {
  /// Index of the row's first field in the batch's field table.
  public var firstField: Int
  /// Number of fields of the row.
  public var fieldCount: Int
  /// 1-based physical line of the file where the row starts (rows may span lines).
  public var line: Int
  /// Set when the row cannot be trusted. Rows libcsv could not finish (quoting, length) hold
  /// their raw text as one field.
  public var problem: CSVRowProblem?

  @inlinable
  init(firstField: Int, fieldCount: Int, line: Int, problem: CSVRowProblem?) {
    (self.firstField, self.fieldCount, self.line, self.problem) = (firstField, fieldCount, line, problem)
  }
}

/// Rows parsed from one chunk of input, with all their field bytes in one arena.
///
/// A class over a C field arena (see `CFieldArena`), so that libcsv's per-field callback is a
/// plain C function, and so that a batch can be handed to the decoding thread and come back to
/// be filled again: a file of any size is read through the same few arenas, with no allocation
/// (and no page faults) per chunk. Whoever holds a batch owns it; it is never shared.
public final class CSVBatch: @unchecked Sendable {
  /// The field bytes and end offsets (a field starts where the previous one ends), and the rows.
  let arena: UnsafeMutablePointer<field_arena>
  /// Why rows flagged `FIELD_ROW_PROBLEM` cannot be trusted, by row index (rare).
  private(set) var problems: [Int: CSVRowProblem] = [:]

  public init() {
    arena = .allocate(capacity: 1)
    field_arena_init(arena, 1 << 16, 1 << 12, 1 << 10)
  }

  /// The rows of this batch, in file order: readable while the batch is held and not refilled.
  /// Rows with unusual bytes get their text checked here, on the thread that reads the rows
  /// rather than the one that parsed them (which bounds the import).
  public var rows: CSVRows {
    field_arena_check_text(arena)
    return CSVRows(batch: self)
  }
  /// Rows in use.
  var rowCount: Int { arena.pointee.row_count }

  deinit {
    field_arena_free(arena)
    arena.deallocate()
  }

  /// Bytes in use.
  var byteCount: Int { arena.pointee.byte_count }
  /// Fields in use.
  var fieldCount: Int { arena.pointee.field_count }

  /// The fields of `row`, readable while this batch is held and not refilled.
  @inlinable
  public func view(_ row: CSVRowInfo) -> CSVRowView {
    CSVRowView(bytes: UnsafeRawPointer(bytesBase), ends: UnsafePointer(endsBase), info: row)
  }

  /// The bytes of field `index` of `row`, or `nil` when the row has fewer fields.
  public func field(_ index: Int, of row: CSVRowInfo) -> ByteView? { view(row).field(index) }

  /// All fields of `row` as strings: for the rare paths (headers, rejects), never per row.
  public func strings(of row: CSVRowInfo) -> [String] {
    let view = view(row)
    return (0..<row.fieldCount).map { view.field($0)!.string }
  }

  @usableFromInline var bytesBase: UnsafeMutableRawPointer { UnsafeMutableRawPointer(arena.pointee.bytes) }
  @usableFromInline var endsBase: UnsafeMutablePointer<UInt32> { arena.pointee.ends }

  // MARK: Filling (the parser's side)

  /// Copies a field in (a row left open when a batch is handed on, a broken row's raw text).
  func appendField(_ data: UnsafeRawPointer?, _ length: Int) {
    field_arena_append(arena, data, length)
  }

  /// Where field `index` starts (for `index == fieldCount`, where the next one would).
  @inline(__always)
  func startOfField(_ index: Int) -> Int { index == 0 ? 0 : Int(endsBase[index - 1]) }

  /// Bytes of fields `first..<last`.
  func byteLength(fields first: Int, to last: Int) -> Int { last == first ? 0 : Int(endsBase[last - 1]) - startOfField(first) }

  /// Adds a row over fields already appended, with the problem found with it, if any.
  func addRow(firstField: Int, fieldCount: Int, line: Int, problem: CSVRowProblem?) {
    let index = field_arena_add_row(arena, firstField, fieldCount, Int64(line), problem == nil ? 0 : FIELD_ROW_PROBLEM)
    if let problem { problems[index] = problem }
  }

  /// Moves every row `offset` lines on (see ``CSVReader`` on segments).
  func shiftLines(by offset: Int) {
    if offset != 0 { field_arena_shift_lines(arena, Int64(offset)) }
  }

  /// Drops everything after the first `rows` rows, `fields` fields and `byteCount` bytes.
  func truncate(rows rowCount: Int, fields: Int, bytes count: Int) {
    arena.pointee.row_count = rowCount
    if !problems.isEmpty { problems = problems.filter { $0.key < rowCount } }
    arena.pointee.field_count = fields
    arena.pointee.byte_count = count
  }

  /// Forgets the rows (their fields stay).
  private func removeRows() {
    arena.pointee.row_count = 0
    arena.pointee.unusual_rows = 0
    if !problems.isEmpty { problems.removeAll() }
  }

  /// Empties the batch, keeping its memory.
  func clear() {
    removeRows()
    arena.pointee.field_count = 0
    arena.pointee.byte_count = 0
  }

  /// Fills this (empty) batch with fields `first...` of `other`: a row still open when the
  /// other batch was handed on continues here.
  func takeFields(from first: Int, of other: CSVBatch) {
    precondition(fieldCount == 0 && rows.isEmpty, "fields moved into a batch in use")
    let start = other.startOfField(first)
    for index in first..<other.fieldCount {
      let end = Int(other.endsBase[index])
      let from = index == first ? start : Int(other.endsBase[index - 1])
      appendField(other.bytesBase + from, end - from)
    }
  }

  /// Keeps only fields `first...`, moved to the front (the batch was consumed in place).
  func keepFields(from first: Int) {
    let start = startOfField(first)
    let kept = fieldCount - first
    if start > 0 { memmove(bytesBase, bytesBase + start, byteCount - start) }
    let ends = endsBase
    for index in 0..<kept { ends[index] = ends[first + index] - UInt32(start) }
    removeRows()
    arena.pointee.field_count = kept
    arena.pointee.byte_count -= start
  }
}

/// The rows of a batch, read from its C row table (see ``CSVBatch/rows``).
public struct CSVRows: RandomAccessCollection {
  @usableFromInline let batch: CSVBatch
  @usableFromInline let base: UnsafePointer<field_row>
  public let startIndex = 0
  public let endIndex: Int

  init(batch: CSVBatch) {
    self.batch = batch
    base = UnsafePointer(batch.arena.pointee.rows)
    endIndex = batch.rowCount
  }

  @inlinable
  public subscript(position: Int) -> CSVRowInfo {
    precondition(position >= 0 && position < endIndex, "row index out of range")
    let row = base[position]
    return CSVRowInfo(
      firstField: Int(row.first_field), fieldCount: Int(row.field_count), line: Int(row.line),
      problem: row.flags == 0 ? nil : problem(flags: row.flags, position: position))
  }

  @usableFromInline
  func problem(flags: UInt32, position: Int) -> CSVRowProblem? {
    switch flags & FIELD_ROW_TEXT_PROBLEM {
    case FIELD_ROW_NUL_BYTE: .nulByte
    case FIELD_ROW_INVALID_UTF8: .invalidUTF8
    case FIELD_ROW_BYTE_ORDER_MARK: .byteOrderMark
    default: batch.problems[position]
    }
  }
}

/// One row's fields as bytes, straight out of its batch's arena: no copy, no reference count.
/// Valid only while the batch is held and not refilled (inside the loop that decodes it).
public struct CSVRowView {
  @usableFromInline let bytes: UnsafeRawPointer
  @usableFromInline let ends: UnsafePointer<UInt32>
  public let info: CSVRowInfo

  @inlinable
  init(bytes: UnsafeRawPointer, ends: UnsafePointer<UInt32>, info: CSVRowInfo) {
    self.bytes = bytes
    self.ends = ends
    self.info = info
  }

  /// The bytes of field `index`, or `nil` when the row has fewer fields.
  @inlinable
  public func field(_ index: Int) -> ByteView? {
    guard index >= 0, index < info.fieldCount else { return nil }
    let slot = info.firstField + index
    let start = slot == 0 ? 0 : Int(ends[slot - 1])
    return ByteView(UnsafeRawBufferPointer(start: bytes + start, count: Int(ends[slot]) - start))
  }
}
