import CSVStream
import ReferralCore

/// One input, whole: its role, its fields, how a row becomes a record (or a ``RowProblem``),
/// and how its records join the dataset. The decoder is the input's one definition: the
/// importer, the row accounting, the config's `[columns.<input>]` keys, `--help` and the
/// fuzzer read it through ``InputRole/decoder``, so a new input is a new decoder and its line
/// there (see CONTRIBUTING's "Adding an input").
protocol RowDecoder: Sendable {
  static var role: InputRole { get }
  /// The fields of this input, and which of them an export must have (a missing one stops the
  /// import, naming the columns that were found).
  static var fields: [(field: Field, required: Bool)] { get }
  /// The fields whose absence changes what the figures mean, in groups of which one column is
  /// enough (a deal's channel comes from its lead or from its own source). Such a column is
  /// never assumed absent: it is found by the preset or mapping, or the config declares it
  /// absent (`[columns.deals] stage = false`), or the import stops. A deals export without
  /// `stage` would otherwise read every lost and open deal as won, one without `closed_at`
  /// would reject every closed deal, one without `amount` has no revenue, and a lead or deal
  /// without a source is `Unknown`. None by default.
  static var keyColumns: [[Field]] { get }
  /// What declaring `fields` (a group of ``keyColumns``, or the part of it not declared absent
  /// yet) absent means for the figures, said in the error that asks for them, so nobody declares
  /// them to make the error go away without knowing. `nil` by default: the error then only says
  /// how to declare them, rather than guess what another input's figures would mean.
  static func absenceMeaning(_ fields: [Field]) -> String?
  /// The fields an unread column is checked against (a ``Notice`` offers the mapping that
  /// would read it): those whose values decide a lead's or a deal's channel, or whether a deal
  /// was won. None by default.
  static var lookalikeFields: [(field: Field, meaning: String)] { get }
  /// The fields that identify a row: a formatted report's total row (`Total`, `Grand Totals (12
  /// records)`) has none of them filled but the one its label sits in (see ``ReportChrome``).
  /// None by default: no row of the input is taken for a total.
  static var idFields: [Field] { get }
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
  /// The table of texts of `kind` that this input's records number their values in, if it
  /// keeps one. The importer merges each kind's tables in role order into the dataset's.
  func texts(_ kind: TextKind) -> Interner?
  /// Renumbers the records' texts into the merged tables: `maps[kind]` is old id → merged id,
  /// absent for a table that was taken over as it was (the first of its kind).
  mutating func renumber(_ maps: [TextKind: [TextID]])
  /// Puts the records into `dataset` (its texts already renumbered), with what its file could
  /// say (`has…` flags). Called in role order, so an input may read what those before it put.
  consuming func assemble(into dataset: inout Dataset, file: String)
  /// What the dataset says when no file of this input was given, after the given ones are
  /// assembled (without a leads export, lead counts are unknown, not zero).
  static func absent(from dataset: inout Dataset)
  /// Reads the file at `path` as this input (see ``FileImporter``).
  static func read(path: String, options: ImportOptions, progress: ((Int, Int?) -> Void)?) throws(ImportError) -> any ReadFile
}

extension RowDecoder {
  static var keyColumns: [[Field]] { [] }
  static func absenceMeaning(_ fields: [Field]) -> String? { nil }
  static var lookalikeFields: [(field: Field, meaning: String)] { [] }
  static var idFields: [Field] { [] }
  static var skipsRows: Bool { false }
  mutating func skips(_ row: CSVRowView) -> Bool { false }
  func texts(_ kind: TextKind) -> Interner? { nil }
  mutating func renumber(_ maps: [TextKind: [TextID]]) {}
  static func absent(from dataset: inout Dataset) {}

  // A requirement with this default, so each input's reading is compiled for its own decoder.
  static func read(path: String, options: ImportOptions, progress: ((Int, Int?) -> Void)?) throws(ImportError) -> any ReadFile {
    try FileImporter.run(Self.self, path: path, options: options, progress: progress)
  }
}

extension InputRole {
  /// The definition of this input: the one list of the inputs' decoders (a new role makes the
  /// compiler ask for its line).
  var decoder: any RowDecoder.Type {
    switch self {
    case .leads: LeadDecoder.self
    case .deals: DealDecoder.self
    case .spend: SpendDecoder.self
    case .payouts: PayoutDecoder.self
    case .asks: AskDecoder.self
    case .feedback: FeedbackDecoder.self
    case .touches: TouchDecoder.self
    case .referralsGiven: ReferralGivenDecoder.self
    }
  }

  /// The fields of this input, and which of them an export must have.
  package var fields: [(field: Field, required: Bool)] { decoder.fields }

  /// The key columns of this input (see ``RowDecoder/keyColumns``).
  package var keyColumns: [[Field]] { decoder.keyColumns }
}

/// The kinds of text that records number rather than keep (a `TextID` each): each kind's
/// tables, one per input that has one, are merged into one table of the dataset.
enum TextKind: CaseIterable {
  case sources, owners, referrers

  /// Puts the merged table into `dataset`.
  func store(_ merged: TableMerger, in dataset: inout Dataset) {
    switch self {
    case .sources: dataset.sources = merged.values
    case .owners: dataset.owners = merged.values
    case .referrers: dataset.referrers = merged.values
    }
  }
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

  /// The trimmed value, or `nil` when the column is absent or the cell empty or `null`.
  @inline(__always)
  func value(_ column: Int?) -> ByteView? {
    guard let bytes = raw(column)?.trimmed, !bytes.isEmpty, !Self.isNull(bytes) else { return nil }
    return bytes
  }

  /// Whether a cell is `null` in any case: how databases and APIs (Marketo's bulk extracts) write
  /// an empty field. Read as text, every lead without a company would be one company "null",
  /// and each of their referrals a duplicate of the first.
  @inline(__always)
  static func isNull(_ bytes: ByteView) -> Bool {
    bytes.count == 4 && bytes[0] | 0x20 == 0x6E && bytes[1] | 0x20 == 0x75 && bytes[2] | 0x20 == 0x6C && bytes[3] | 0x20 == 0x6C
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
