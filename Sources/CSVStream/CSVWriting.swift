// Public, not package: called per cell by every CSV the report writes (tables, tasks,
// rejects), inlined into ReferralRender only as a public body; see docs/PERFORMANCE.md.

/// Writing CSV records (RFC 4180): the inverse of the reader, for reports and sample exports.
/// Every CSV the tool writes goes through ``append(record:to:delimiter:terminator:)``, so no
/// cell can reach a spreadsheet as a formula.
///
/// Cells are looked at as UTF-8 bytes: every character that matters is ASCII, and characters
/// would cost grapheme breaking per cell.
public enum CSVWriting {
  /// `fields` as one record, neutralised and quoted where needed, ended with `terminator`.
  public static func record(_ fields: [String], delimiter: Character = ",", terminator: String = "\r\n") -> String {
    var out: [UInt8] = []
    append(record: fields, to: &out, delimiter: delimiter, terminator: terminator)
    return String(decoding: out, as: UTF8.self)
  }

  /// Appends `fields` as one record to `out` (a large file is built without a `String` per line).
  public static func append(record fields: [String], to out: inout [UInt8], delimiter: Character = ",", terminator: String = "\r\n") {
    let separator = delimiter.asciiValue ?? 0x2C
    for (index, field) in fields.enumerated() {
      if index > 0 {
        if let ascii = delimiter.asciiValue { out.append(ascii) } else { out.append(contentsOf: String(delimiter).utf8) }
      }
      var cell = field
      cell.withUTF8 { append(cell: $0, separator: separator, to: &out) }
    }
    out.append(contentsOf: terminator.utf8)
  }

  /// Whether a spreadsheet would evaluate a cell starting with `byte` (`=`, `+`, `-`, `@`, tab,
  /// CR): such a cell is written after a `'`.
  private static func isFormulaStart(_ byte: UInt8) -> Bool {
    byte == 0x3D || byte == 0x2B || byte == 0x2D || byte == 0x40 || byte == 0x09 || byte == 0x0D
  }

  /// Whether the cell is a plain number (`-11.5`, `+3`, `1e-05`): a spreadsheet reads it as
  /// that number and runs nothing, so it is written as it is; after a `'` it would be text that
  /// no sum counts.
  static func isNumber(_ cell: UnsafeBufferPointer<UInt8>) -> Bool {
    var index = 0
    func digits() -> Int {
      let start = index
      while index < cell.count, cell[index] >= 0x30, cell[index] <= 0x39 { index += 1 }
      return index - start
    }
    if index < cell.count, cell[index] == 0x2D || cell[index] == 0x2B { index += 1 }
    var count = digits()
    if index < cell.count, cell[index] == 0x2E {
      index += 1
      count += digits()
    }
    guard count > 0 else { return false }
    if index < cell.count, cell[index] == 0x65 || cell[index] == 0x45 {
      index += 1
      if index < cell.count, cell[index] == 0x2D || cell[index] == 0x2B { index += 1 }
      guard digits() > 0 else { return false }
    }
    return index == cell.count
  }

  /// One cell, neutralised unless it is a plain number, and in quotes (inner quotes doubled)
  /// when it holds the delimiter, a quote, a line break, or spaces at either end that a reader
  /// would trim.
  static func append(cell: UnsafeBufferPointer<UInt8>, separator: UInt8, to out: inout [UInt8]) {
    let neutralise = (cell.first.map(isFormulaStart) ?? false) && !isNumber(cell)
    let needsQuotes =
      (!neutralise && cell.first == 0x20) || cell.last == 0x20
      || cell.contains { $0 == separator || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
    if needsQuotes { out.append(0x22) }
    if neutralise { out.append(0x27) }
    if needsQuotes {
      for byte in cell {
        if byte == 0x22 { out.append(0x22) }
        out.append(byte)
      }
      out.append(0x22)
    } else {
      out.append(contentsOf: cell)
    }
  }
}

/// A CSV file written record by record, each cell from pieces appended in place (texts,
/// numbers): for the task lists' tens of thousands of rows, where a `String` per cell and an
/// array per row cost four times what the JSON of the same items did. Every cell is written by
/// ``CSVWriting``'s one rule (neutralised, quoted where needed); records end in CRLF.
public struct CSVBuilder {
  private var out: [UInt8] = []
  /// The cell being built.
  private var cell: [UInt8] = []
  /// Whether a cell of the record was ended (the next one is preceded by a comma).
  private var inRecord = false

  public init(capacity: Int) { out.reserveCapacity(capacity) }

  /// Appends `text` to the cell being built.
  public mutating func append(_ text: String) {
    var text = text
    text.withUTF8 { cell.append(contentsOf: $0) }
  }

  /// Appends `bytes` (UTF-8 text kept as bytes, such as a rejected row's field) to the cell
  /// being built.
  public mutating func append(_ bytes: ByteView) { cell.append(contentsOf: bytes) }

  /// Appends `value` in decimal to the cell being built (a count's text is a small string:
  /// no allocation).
  public mutating func append(_ value: Int) { append(String(value)) }

  /// Ends the cell being built.
  public mutating func endCell() {
    if inRecord { out.append(0x2C) }
    inRecord = true
    cell.withUnsafeBufferPointer { CSVWriting.append(cell: $0, separator: 0x2C, to: &out) }
    cell.removeAll(keepingCapacity: true)
  }

  /// A whole cell.
  public mutating func cell(_ text: String) {
    append(text)
    endCell()
  }

  /// Ends the record.
  public mutating func endRecord() {
    out.append(0x0D)
    out.append(0x0A)
    inRecord = false
  }

  /// A whole record of whole cells.
  public mutating func record(_ cells: [String]) {
    for text in cells { cell(text) }
    endRecord()
  }

  /// The file's bytes so far.
  public var bytes: [UInt8] { out }
}
