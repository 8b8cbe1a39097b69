import CSVStream
import ReferralCore

/// Marketing spend: one source, one month (`2026-10`, or any date in the month), one amount.
struct SpendDecoder: RowDecoder {
  static let role = InputRole.spend
  static let fields: [(field: Field, required: Bool)] = [(.month, true), (.source, true), (.amount, true), (.currency, false)]
  static let idFields: [Field] = [.month]
  private let layout: ColumnLayout
  private let options: ImportOptions
  private var monthDates: DateColumn?
  private(set) var entries: [SpendEntry] = []
  private var days: [Day] = []
  private(set) var sources = Interner()
  let warnings: [Warning] = []
  private var currencies: CurrencyConverter

  init(layout: ColumnLayout, options: ImportOptions, file: String) {
    self.layout = layout
    self.options = options
    currencies = CurrencyConverter(options: options)
    monthDates = .make(.month, layout, options, Self.role)
  }

  mutating func decode(_ row: CSVRowView) -> RowProblem? {
    let fields = RowFields(row: row)
    guard let monthBytes = fields.value(layout[.month]) else { return .missing(.month) }
    let day: Day
    if let month = Month(monthBytes.string) {
      day = month.firstDay
    } else {
      switch fields.date(layout[.month], &monthDates) {
      case .failure(let problem): return problem
      case .success(let value): day = value!
      }
    }
    guard let source = fields.value(layout[.source]) else { return .missing(.source) }
    let amount: Money
    switch fields.amount(layout, options.decimalSeparators[Self.role], &currencies) {
    case .failure(let problem): return problem
    case .success(nil): return .missing(.amount)
    case .success(let value?): amount = value
    }
    days.append(day)
    entries.append(SpendEntry(month: day.month, source: sources.intern(source), amount: amount, line: fields.line))
    return nil
  }

  mutating func reserve(rows: Int) {
    entries.reserveCapacity(rows)
  }

  func texts(_ kind: TextKind) -> Interner? { kind == .sources ? sources : nil }

  mutating func renumber(_ maps: [TextKind: [TextID]]) {
    guard let sources = maps[.sources] else { return }
    for i in entries.indices { entries[i].source = sources[Int(entries[i].source)] }
  }

  consuming func assemble(into dataset: inout Dataset, file: String) {
    dataset.spend = entries
    dataset.hasSpend = true
  }

  mutating func finish(file: String) throws(ImportError) {
    let fix = try monthDates.resolution(file: file)
    for i in entries.indices { entries[i].month = fix.apply(days[i]).month }
  }
}
