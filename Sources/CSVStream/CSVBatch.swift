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
/// Importers read fields as byte slices of the arena, so the hot path allocates no `String`
/// per field; the arena is reused from chunk to chunk.
public struct CSVBatch: Sendable {
  /// Field bytes, back to back, as UTF-8.
  public internal(set) var bytes: [UInt8] = []
  /// End offset in `bytes` of every field; a field starts where the previous one ends.
  @usableFromInline internal var fieldEnds: [Int] = []
  /// The rows of this batch, in file order.
  public internal(set) var rows: [CSVRowInfo] = []

  public init() {}

  /// The bytes of field `index` of `row`, or `nil` when the row has fewer fields.
  @inlinable
  public func field(_ index: Int, of row: CSVRowInfo) -> ArraySlice<UInt8>? {
    guard index >= 0, index < row.fieldCount else { return nil }
    let slot = row.firstField + index
    let start = slot == 0 ? 0 : fieldEnds[slot - 1]
    return bytes[start..<fieldEnds[slot]]
  }

  /// All fields of `row` as strings: for the rare paths (headers, rejects), never per row.
  public func strings(of row: CSVRowInfo) -> [String] {
    (0..<row.fieldCount).map { String(decoding: field($0, of: row)!, as: UTF8.self) }
  }

  /// Drops the completed rows; fields from `firstKept` on (a row still open) move to the front
  /// of fresh arrays of the same capacity (the old ones may have been handed to another
  /// thread, so they are never mutated).
  mutating func removeCompleted(keepingFieldsFrom firstKept: Int) {
    let byteStart = firstKept == 0 ? 0 : fieldEnds[firstKept - 1]
    var keptBytes: [UInt8] = []
    keptBytes.reserveCapacity(bytes.capacity)
    keptBytes.append(contentsOf: bytes[byteStart...])
    var keptEnds: [Int] = []
    keptEnds.reserveCapacity(fieldEnds.capacity)
    for end in fieldEnds[firstKept...] { keptEnds.append(end - byteStart) }
    bytes = keptBytes
    fieldEnds = keptEnds
    rows = []
    rows.reserveCapacity(keptEnds.capacity)
  }
}
