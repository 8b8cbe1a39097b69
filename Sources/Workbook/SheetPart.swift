import Foundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// A worksheet part (`xl/worksheets/sheetN.xml`) written out as CSV, one line per sheet row,
/// so the one CSV parser reads it and a reject's line is the sheet's row number.
///
/// - Cells are their text: shared and inline strings as written, numbers as their value,
///   `TRUE`/`FALSE`, error values (`#N/A`) as shown; a number in a date or time style is the
///   date (`2026-10-31`, with ` 14:05:00` when it has a time; see ``ExcelDate``).
/// - A line break inside a cell becomes a space: a CSV line is then exactly one sheet row.
/// - Rows the sheet leaves out, and the title rows above the header (rows with fewer than two
///   cells filled, as a formatted report export has), are empty lines; the title rows are
///   counted (``titleRows``), so the importer can count them as skipped.
/// - A row is padded with empty cells to the header's width: Excel leaves out trailing empty
///   cells, which CSV would read as a short row.
final class SheetPart: XMLPartReader {
  private let strings: [String]
  private let dateStyles: Set<Int>
  private let date1904: Bool
  private(set) var csv: [UInt8] = []
  /// The title rows above the header (written as empty lines; the importer counts them skipped).
  private(set) var titleRows = 0
  /// Rows written so far (the next row's number is one more).
  private var rowsWritten = 0
  private var headerWidth: Int?
  private var row: [Int: String] = [:]
  private var rowNumber = 0
  private var cell: (column: Int, type: String, style: Int)?
  private var nextColumn = 0
  private var value = ""
  private var inValue = false

  init(strings: [String], dateStyles: Set<Int>, date1904: Bool) {
    self.strings = strings
    self.dateStyles = dateStyles
    self.date1904 = date1904
  }

  override func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]) {
    switch Self.local(name) {
    case "row":
      // A row number out of order or beyond Excel's 1,048,576 rows is not trusted: the row is
      // the next one (a corrupt file must not make millions of empty lines).
      let next = rowsWritten + 1
      rowNumber = attributes["r"].flatMap(Int.init).flatMap { $0 >= next && $0 <= Self.maxRows ? $0 : nil } ?? next
      row = [:]
      nextColumn = 0
    case "c":
      let column = attributes["r"].flatMap(Self.column) ?? nextColumn
      guard column < Self.maxColumns else {
        cell = nil  // beyond Excel's last column (XFD): not a cell of this sheet
        return
      }
      cell = (column, attributes["t"] ?? "n", attributes["s"].flatMap(Int.init) ?? 0)
      nextColumn = column + 1
      value = ""
    case "v", "t":
      inValue = cell != nil
    default: break
    }
  }

  override func parser(_ parser: XMLParser, foundCharacters string: String) {
    if inValue { value += string }
  }

  override func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
    switch Self.local(name) {
    case "v", "t": inValue = false
    case "c":
      if let cell, let text = text(of: cell), !text.isEmpty { row[cell.column] = text }
      cell = nil
    case "row": write()
    default: break
    }
  }

  /// The cell's text, as the importer should read it.
  private func text(of cell: (column: Int, type: String, style: Int)) -> String? {
    switch cell.type {
    case "s": return Int(value).flatMap { $0 >= 0 && $0 < strings.count ? strings[$0] : nil }
    case "b": return value == "1" ? "TRUE" : "FALSE"
    case "n":
      guard !value.isEmpty, let number = Double(value) else { return value }
      if dateStyles.contains(cell.style) { return ExcelDate.text(serial: number, date1904: date1904) ?? value }
      return Self.plain(value, number)
    default: return value  // inlineStr, str (a formula's text), e (an error), d (an ISO date)
    }
  }

  /// A number as plain decimal text: Excel writes very large and small values in exponent form
  /// (`1.5E+7`), which amounts are not.
  static func plain(_ text: String, _ number: Double) -> String {
    guard text.contains(where: { $0 == "E" || $0 == "e" }) else { return text }
    guard number == number.rounded(), abs(number) < 1e15 else { return String(format: "%.10f", number).trimmingZeros }
    return String(Int64(number))
  }

  private func write() {
    // Rows the sheet leaves out are empty lines, so line numbers stay the sheet's row numbers.
    while rowsWritten + 1 < rowNumber { newLine() }
    if headerWidth == nil, row.count >= 2 { headerWidth = (row.keys.max() ?? 0) + 1 }
    if headerWidth == nil, !row.isEmpty { titleRows += 1 }
    if let width = headerWidth {
      let count = max(width, (row.keys.max() ?? -1) + 1)
      for column in 0..<count {
        if column > 0 { csv.append(0x2C) }
        if let text = row[column] { append(text) }
      }
    }
    newLine()
  }

  private func newLine() {
    csv.append(0x0A)
    rowsWritten += 1
  }

  /// One field, quoted when it holds a comma, a quote or a line break (line breaks become
  /// spaces, see the type's notes).
  private func append(_ text: String) {
    let bytes = text.utf8.map { $0 == 0x0A || $0 == 0x0D ? 0x20 : $0 }
    guard bytes.contains(where: { $0 == 0x2C || $0 == 0x22 }) || bytes.first == 0x20 || bytes.last == 0x20 else {
      csv += bytes
      return
    }
    csv.append(0x22)
    for byte in bytes {
      if byte == 0x22 { csv.append(0x22) }
      csv.append(byte)
    }
    csv.append(0x22)
  }

  /// Excel's limits: 1,048,576 rows and 16,384 columns (A to XFD).
  static let maxRows = 1_048_576
  static let maxColumns = 16_384

  /// The column of a cell reference (`C7` is 2), from its letters; `nil` without letters or
  /// with more than Excel's three.
  static func column(_ reference: String) -> Int? {
    var column = 0
    var letters = 0
    for scalar in reference.unicodeScalars {
      guard ("A"..."Z").contains(scalar) else { break }
      letters += 1
      guard letters <= 3 else { return nil }
      column = column * 26 + Int(scalar.value - 64)
    }
    return letters == 0 ? nil : column - 1
  }
}

extension String {
  /// `12.5000000000` as `12.5`, `3.0000000000` as `3`.
  fileprivate var trimmingZeros: String {
    guard contains(".") else { return self }
    var text = self
    while text.last == "0" { text.removeLast() }
    if text.last == "." { text.removeLast() }
    return text
  }
}
