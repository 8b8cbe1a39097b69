import CSVStream
import ReferralCore

/// Referral requests: a date, the lead who was asked, who asked, and optionally what came of it.
/// Without an `ask_id` column an ask is named by its file and line.
struct AskDecoder: RowDecoder {
  static let role = InputRole.asks
  static let fields: [(field: Field, required: Bool)] = [
    (.askID, false), (.askedAt, true), (.leadID, true), (.owner, false), (.outcome, false), (.activityType, false),
  ]
  static let idFields: [Field] = [.askID, .leadID]
  private let layout: ColumnLayout
  private var asked: DateColumn?
  private(set) var asks: AskTable
  private(set) var owners = Interner()
  let warnings: [Warning] = []
  /// The names of referral requests, as keys; empty: no filter.
  private let activities: [String]
  /// The headers the activity column was looked for under (for the error without one).
  private let activityHeaders: [String]

  static let skipsRows = true

  init(layout: ColumnLayout, options: ImportOptions, file: String) {
    self.layout = layout
    activities = options.askActivities.map { compactKey($0.utf8) }.filter { !$0.isEmpty }
    activityHeaders = options.columns.headers(for: .activityType, role: Self.role)
    asks = layout[.askID] == nil ? AskTable(namedByLineOf: file.fileName) : AskTable()
    asked = .make(.askedAt, layout, options, Self.role)
  }

  mutating func decode(_ row: CSVRowView) -> RowProblem? {
    let fields = RowFields(row: row)
    let day: Day
    switch fields.date(layout[.askedAt], &asked) {
    case .failure(let problem): return problem
    case .success(nil): return .missing(.askedAt)
    case .success(let value?): day = value
    }
    guard let lead = fields.value(layout[.leadID]) else { return .missing(.leadID) }
    let outcome = fields.value(layout[.outcome]).map { asks.number(ofOutcome: $0.string) }
    asks.append(
      id: fields.value(layout[.askID]) ?? .empty, asked: day, leadID: DealDecoder.firstID(lead), owner: owners.internUnlessEmpty(fields.value(layout[.owner])),
      outcome: outcome, line: fields.line)
    return nil
  }

  /// A row whose activity type or subject names no referral request (a call, a meeting) is
  /// skipped. A name matches when the value holds it, ignoring case, spaces and punctuation:
  /// "Referral request" matches the subject "Referral request: Acme, 2nd ask".
  mutating func skips(_ row: CSVRowView) -> Bool {
    guard !activities.isEmpty, let column = layout[.activityType] else { return false }
    guard let value = RowFields(row: row).value(column) else { return true }
    let key = compactKey(value)
    return !activities.contains { key.contains($0) }
  }

  mutating func reserve(rows: Int) {
    asks.reserveCapacity(rows)
  }

  func texts(_ kind: TextKind) -> Interner? { kind == .owners ? owners : nil }

  mutating func renumber(_ maps: [TextKind: [TextID]]) {
    if let owners = maps[.owners] { asks.renumber(owners: owners) }
  }

  consuming func assemble(into dataset: inout Dataset, file: String) {
    dataset.askTable = asks
    dataset.hasAsks = true
  }

  mutating func finish(file: String) throws(ImportError) {
    // A filter with no column to read would take every activity for a referral request.
    if !activities.isEmpty, layout[.activityType] == nil {
      throw .missingColumn(
        file: file, role: Self.role, field: .activityType, expected: activityHeaders, found: layout.header,
        closest: HeaderLikeness.closest(to: activityHeaders, among: layout.ignored))
    }
    let fix = try asked.resolution(file: file)
    if fix != .asRead { asks.correctDays(fix.apply) }
  }
}
