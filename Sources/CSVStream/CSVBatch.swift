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
}

/// Rows parsed from one chunk of input, with all their field bytes in one arena.
///
/// A class over raw memory, so that libcsv's per-field callback is a bounds check and a
/// `memcpy`, and so that a batch can be handed to the decoding thread and come back to be
/// filled again: a file of any size is read through the same few arenas, with no allocation
/// (and no page faults) per chunk. Whoever holds a batch owns it; it is never shared.
public final class CSVBatch: @unchecked Sendable {
  private var bytes: UnsafeMutableRawPointer
  private var byteCapacity: Int
  /// Bytes in use.
  private(set) var byteCount = 0
  /// End offset in `bytes` of every field; a field starts where the previous one ends.
  private var ends: UnsafeMutablePointer<UInt32>
  private var endCapacity: Int
  /// Fields in use.
  private(set) var fieldCount = 0
  /// The rows of this batch, in file order.
  public internal(set) var rows: [CSVRowInfo] = []

  /// Bytes allocated past the capacity: a field's last bytes can be read a whole word at a
  /// time (see ``appendField(_:_:)``).
  static let slack = 8

  public init() {
    byteCapacity = 1 << 16
    endCapacity = 1 << 12
    bytes = Self.allocateBytes(byteCapacity)
    ends = .allocate(capacity: endCapacity)
  }

  private static func allocateBytes(_ capacity: Int) -> UnsafeMutableRawPointer {
    UnsafeMutableRawPointer.allocate(byteCount: capacity + slack, alignment: 16)
  }

  deinit {
    bytes.deallocate()
    ends.deallocate()
  }

  /// The fields of `row`, readable while this batch is held and not refilled.
  @inlinable
  public func view(_ row: CSVRowInfo) -> CSVRowView {
    CSVRowView(bytes: UnsafeRawPointer(bytesBase), ends: UnsafePointer(endsBase), info: row)
  }

  /// The bytes of field `index` of `row`, or `nil` when the row has fewer fields.
  public func field(_ index: Int, of row: CSVRowInfo) -> UnsafeRawBufferPointer? { view(row).field(index) }

  /// All fields of `row` as strings: for the rare paths (headers, rejects), never per row.
  public func strings(of row: CSVRowInfo) -> [String] {
    let view = view(row)
    return (0..<row.fieldCount).map { String(decoding: view.field($0)!, as: UTF8.self) }
  }

  @usableFromInline var bytesBase: UnsafeMutableRawPointer { bytes }
  @usableFromInline var endsBase: UnsafeMutablePointer<UInt32> { ends }

  // MARK: Filling (the parser's side)

  /// Copies a field in; ``slack`` zero bytes follow it, so the fields of a row can be read in
  /// whole words.
  @inline(__always)
  func appendField(_ data: UnsafeRawPointer?, _ length: Int) {
    if byteCount + length > byteCapacity { growBytes(to: byteCount + length) }
    if fieldCount == endCapacity { growEnds() }
    let destination = bytes + byteCount
    if length > 0 { memcpy(destination, data!, length) }
    (destination + length).storeBytes(of: 0, as: UInt64.self)
    byteCount += length
    ends[fieldCount] = UInt32(truncatingIfNeeded: byteCount)
    fieldCount += 1
  }

  /// Where field `index` starts (for `index == fieldCount`, where the next one would).
  @inline(__always)
  func startOfField(_ index: Int) -> Int { index == 0 ? 0 : Int(ends[index - 1]) }

  /// Bytes of fields `first..<last`.
  func byteLength(fields first: Int, to last: Int) -> Int { last == first ? 0 : Int(ends[last - 1]) - startOfField(first) }

  /// Drops everything after the first `rows` rows, `fields` fields and `byteCount` bytes.
  func truncate(rows rowCount: Int, fields: Int, bytes count: Int) {
    rows.removeSubrange(rowCount...)
    fieldCount = fields
    byteCount = count
  }

  /// Empties the batch, keeping its memory.
  func clear() {
    rows.removeAll(keepingCapacity: true)
    fieldCount = 0
    byteCount = 0
  }

  /// Fills this (empty) batch with fields `first...` of `other`: a row still open when the
  /// other batch was handed on continues here.
  func takeFields(from first: Int, of other: CSVBatch) {
    precondition(fieldCount == 0 && rows.isEmpty, "fields moved into a batch in use")
    let start = other.startOfField(first)
    for index in first..<other.fieldCount {
      let end = Int(other.ends[index])
      let from = index == first ? start : Int(other.ends[index - 1])
      appendField(other.bytes + from, end - from)
    }
  }

  /// Keeps only fields `first...`, moved to the front (the batch was consumed in place).
  func keepFields(from first: Int) {
    let start = startOfField(first)
    let kept = fieldCount - first
    if start > 0 { memmove(bytes, bytes + start, byteCount - start) }
    for index in 0..<kept { ends[index] = ends[first + index] - UInt32(start) }
    rows.removeAll(keepingCapacity: true)
    fieldCount = kept
    byteCount -= start
  }

  private func growBytes(to needed: Int) {
    var capacity = byteCapacity * 2
    while capacity < needed { capacity *= 2 }
    // Field ends are 32-bit: a batch holds one chunk and one row, far below 4 GiB.
    precondition(capacity + Self.slack <= UInt32.max, "CSV batch over 4 GiB")
    let grown = Self.allocateBytes(capacity)
    grown.copyMemory(from: bytes, byteCount: byteCount)
    bytes.deallocate()
    bytes = grown
    byteCapacity = capacity
  }

  private func growEnds() {
    let grown = UnsafeMutablePointer<UInt32>.allocate(capacity: endCapacity * 2)
    grown.update(from: ends, count: fieldCount)
    ends.deallocate()
    ends = grown
    endCapacity *= 2
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
  public func field(_ index: Int) -> UnsafeRawBufferPointer? {
    guard index >= 0, index < info.fieldCount else { return nil }
    let slot = info.firstField + index
    let start = slot == 0 ? 0 : Int(ends[slot - 1])
    return UnsafeRawBufferPointer(start: bytes + start, count: Int(ends[slot]) - start)
  }
}
