import CSVStream
import ReferralCore

/// Turns the rows of one kind of input into records: the part that differs per input.
protocol RowDecoder: Sendable {
  static var role: InputRole { get }
  init(layout: ColumnLayout, options: ImportOptions, file: String)
  /// Sizes the tables for the rows the file will probably hold (estimated from its first
  /// chunk), so they are allocated once instead of regrown to twice the need.
  mutating func reserve(rows: Int)
  /// Decodes one row: `nil` when it was accepted, else why it was rejected.
  mutating func decode(_ row: CSVRowView) -> RowProblem?
  /// Settles what needed the whole file (date formats); may throw for the file as a whole.
  mutating func finish(file: String) throws(ImportError)
  var warnings: [Warning] { get }
  /// Whether an export of this input may hold rows of other kinds (an activity export holds
  /// calls and meetings besides referral requests); fixed per input, so other inputs' rows pay
  /// nothing for the check.
  static var skipsRows: Bool { get }
  /// Whether `row` is of another kind and is skipped (counted as skipped, never rejected).
  mutating func skips(_ row: CSVRowView) -> Bool
}

extension RowDecoder {
  static var skipsRows: Bool { false }
  mutating func skips(_ row: CSVRowView) -> Bool { false }
}

/// Field access shared by the decoders: bytes straight from the parser's arena.
struct RowFields {
  let row: CSVRowView

  var line: Int { row.info.line }

  @inline(__always)
  func raw(_ column: Int?) -> ByteView? {
    guard let column else { return nil }
    return row.field(column)
  }

  /// The trimmed value, or `nil` when the column is absent or the cell empty.
  @inline(__always)
  func value(_ column: Int?) -> ByteView? {
    guard let bytes = raw(column)?.trimmed, !bytes.isEmpty else { return nil }
    return bytes
  }

  /// The row's date in `column`, read by `reader`; a bad one is named as `field` (by default the
  /// reader's own).
  func date(_ column: Int?, _ reader: inout DateColumn?, as field: Field? = nil) -> Result<Day?, RowProblem> {
    guard let bytes = value(column), reader != nil else { return .success(nil) }
    return reader!.read(bytes, line: line, as: field).map { $0 }
  }

  /// The row's `amount` in the reporting currency (its `currency` column or symbol converted).
  func amount(
    _ layout: ColumnLayout, _ decimal: DecimalSeparator?, _ converter: inout CurrencyConverter
  ) -> Result<Money?, RowProblem> {
    guard let bytes = value(layout[.amount]) else { return .success(nil) }
    switch AmountReader.read(bytes, decimal: decimal) {
    case .failure(.unparseable): return .failure(.badAmount(.amount, bytes.string))
    case .failure(.tooLarge): return .failure(.tooLarge(.amount, bytes.string))
    case .success(let amount):
      if amount.minorUnits < 0 { return .failure(.negativeAmount(.amount, bytes.string)) }
      // Converted, an amount is held to the same bound as one read in the reporting currency:
      // a rate (at most a million, see the config's limits) never makes sums overflow money.
      return converter.convert(amount, currencyColumn: raw(layout[.currency])).flatMap { money in
        money.minorUnits / 100 > AmountReader.maximumUnits ? .failure(.tooLarge(.amount, bytes.string)) : .success(money)
      }
    }
  }
}

extension DateColumn {
  /// A reader for `field` when the layout has that column.
  static func make(_ field: Field, _ layout: ColumnLayout, _ options: ImportOptions, _ role: InputRole) -> DateColumn? {
    guard let column = layout[field] else { return nil }
    return DateColumn(field: field, role: role, header: layout.header[column], configured: options.dateFormats[role]?[field])
  }
}

extension Optional where Wrapped == DateColumn {
  func resolution(file: String) throws(ImportError) -> DateColumn.Resolution {
    guard let column = self else { return .asRead }
    return try column.resolve(file: file)
  }
}
