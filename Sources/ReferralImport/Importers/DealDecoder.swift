import CSVStream
import ReferralCore

/// Opportunities or deals. Without a `stage` column (which the config must declare absent, see
/// ``keyColumns``: a renamed column is never taken for one) the export is one of won
/// deals; a closed deal needs `closed_at`. A deal without an amount is kept with none (`nil`,
/// not 0): a won one is still a win, whose revenue is unknown (attribution counts it, leaves it
/// out of revenue and lists it under data quality); an amount that is there but unreadable
/// rejects the row.
struct DealDecoder: RowDecoder {
  static let role = InputRole.deals
  static let fields: [(field: Field, required: Bool)] = [
    (.dealID, false), (.leadID, false), (.stage, false), (.amount, false), (.currency, false),
    (.createdAt, false), (.closedAt, false), (.lostAt, false), (.owner, false), (.source, false),
    (.isWon, false), (.isClosed, false),
  ]
  static let idFields: [Field] = [.dealID, .leadID]
  static let keyColumns: [[Field]] = [[.stage], [.closedAt], [.amount], [.leadID, .source]]
  static func absenceMeaning(_ fields: [Field]) -> String? {
    switch fields {
    case [.stage]: "a won-deals export: every row is a won deal, and win rates are n/a"
    case [.closedAt]: "an open pipeline: a won or lost deal without a close date is rejected"
    case [.amount]: "revenue figures are n/a"
    // The channel's group, whole or in part: neither a lead to take it from nor a source.
    default: "every deal is in the Unknown channel"
    }
  }
  static let lookalikeFields: [(field: Field, meaning: String)] = [(.source, "the deals' source"), (.stage, "the deal stage")]
  private let layout: ColumnLayout
  private let options: ImportOptions
  private var created: DateColumn?
  private var closed: DateColumn?
  private(set) var deals = DealTable()
  private(set) var sources = Interner()
  private(set) var owners = Interner()
  private(set) var warnings: [Warning] = []
  private let file: String
  /// The file's name without its folders, for the names of deals without ids (made once, not
  /// per row).
  private let fileName: String
  private var stages: StageReader
  private var currencies: CurrencyConverter

  init(layout: ColumnLayout, options: ImportOptions, file: String) {
    self.layout = layout
    self.options = options
    self.file = file
    fileName = file.fileName
    stages = StageReader(options.stages)
    currencies = CurrencyConverter(options: options)
    created = .make(.createdAt, layout, options, Self.role)
    closed = .make(.closedAt, layout, options, Self.role) ?? .make(.lostAt, layout, options, Self.role)
  }

  /// The `Won` and `Closed` columns, when the export has both: they then say every deal's
  /// outcome and the stage is not read (one of them alone cannot tell lost from open).
  private var outcomeFlags: (won: Int, closed: Int)? {
    guard let won = layout[.isWon], let closed = layout[.isClosed] else { return nil }
    return (won, closed)
  }

  /// A yes/no cell as Salesforce writes it: `true`/`false` (Data Loader) or `1`/`0` (reports).
  private static func flag(_ bytes: ByteView) -> Bool? {
    let lowered = bytes.lazy.map(\.asciiLowercased)
    if lowered.elementsEqual("true".utf8) || lowered.elementsEqual("1".utf8) { return true }
    if lowered.elementsEqual("false".utf8) || lowered.elementsEqual("0".utf8) { return false }
    return nil
  }

  var hasAmounts: Bool { layout[.amount] != nil }
  var hasStages: Bool { layout[.stage] != nil || outcomeFlags != nil }

  /// Whether the export has a deal id column. Without one a deal is named by its file and
  /// line (`deals.csv:57`), and duplicates cannot be detected.
  var hasIDs: Bool { layout[.dealID] != nil }

  mutating func decode(_ row: CSVRowView) -> RowProblem? {
    let fields = RowFields(row: row)
    guard hasIDs else { return "\(fileName):\(fields.line)".withByteView { decode(fields, id: $0) } }
    guard let id = fields.value(layout[.dealID]) else { return .missing(.dealID) }
    return decode(fields, id: id)
  }

  private mutating func decode(_ fields: RowFields, id: ByteView) -> RowProblem? {
    var outcome = DealOutcome.won
    if let flags = outcomeFlags {
      guard let closed = fields.value(flags.closed) else { return .missing(.isClosed) }
      guard let isClosed = Self.flag(closed) else { return .badFlag(.isClosed, closed.string) }
      guard let won = fields.value(flags.won) else { return .missing(.isWon) }
      guard let isWon = Self.flag(won) else { return .badFlag(.isWon, won.string) }
      outcome = isClosed ? (isWon ? .won : .lost) : .open
    } else if let stageColumn = layout[.stage] {
      guard let stage = fields.value(stageColumn) else { return .missing(.stage) }
      guard let mapped = stages.outcome(of: stage) else { return .unknownStage(stage.string) }
      outcome = mapped
    }
    let createdDay: Day?
    switch fields.date(layout[.createdAt], &created) {
    case .failure(let problem): return problem
    case .success(let day): createdDay = day
    }
    var closedDay: Day?
    switch fields.date(layout[.closedAt], &closed) {
    case .failure(let problem): return problem
    case .success(let day): closedDay = day
    }
    // A lost deal's date may sit in a column of its own; read with the close dates' format.
    if closedDay == nil, outcome == .lost, let lostColumn = layout[.lostAt] {
      switch fields.date(lostColumn, &closed, as: .lostAt) {
      case .failure(let problem): return problem
      case .success(let day): closedDay = day
      }
    }
    if outcome != .open, closedDay == nil { return .missingCloseDate(outcome) }
    let amount: Money?
    switch fields.amount(layout, options.decimalSeparators[Self.role], &currencies) {
    case .failure(let problem): return problem
    case .success(let value): amount = value
    }

    // One hash checks for a duplicate and claims the id; only then are texts interned.
    if let first = deals.claim(id) { return .duplicate(.dealID, id.string, firstLine: deals.line(first)) }
    if let createdDay, let closedDay, closedDay < createdDay {
      warnings.append(
        Warning(file: file, line: fields.line, message: "deal '\(id.string)' closed on \(closedDay), before it was created on \(createdDay)"))
    }
    deals.fill(
      leadID: fields.value(layout[.leadID]).map(Self.firstID) ?? .empty, outcome: outcome, amount: amount,
      created: createdDay, closed: closedDay, owner: owners.internUnlessEmpty(fields.value(layout[.owner])),
      source: fields.value(layout.column(.source, in: fields)).map { sources.intern($0) }, line: fields.line)
    return nil
  }

  func texts(_ kind: TextKind) -> Interner? {
    switch kind {
    case .sources: sources
    case .owners: owners
    case .referrers: nil
    }
  }

  mutating func renumber(_ maps: [TextKind: [TextID]]) {
    deals.renumber(sources: maps[.sources], owners: maps[.owners])
  }

  consuming func assemble(into dataset: inout Dataset, file: String) {
    dataset.dealTable = deals
    dataset.dealsHaveAmounts = hasAmounts
    dataset.dealsHaveStages = hasStages
    dataset.dealsHaveIDs = hasIDs
  }

  /// Without a deals export the leads' own outcomes are the deals, if they have any (see
  /// ``LeadDecoder/assemble(into:file:)``); else nothing says how deals or leads ended.
  static func absent(from dataset: inout Dataset) {
    guard !dataset.outcomesFromLeads else { return }
    dataset.hasOutcomes = false
    (dataset.dealsHaveAmounts, dataset.dealsHaveStages, dataset.dealsHaveIDs) = (false, false, false)
  }

  /// The first of several associated ids ("101;205", as HubSpot writes them).
  static func firstID(_ bytes: ByteView) -> ByteView {
    guard let cut = bytes.firstIndex(of: 0x3B) else { return bytes }
    return bytes.part(0..<cut).trimmed
  }

  mutating func reserve(rows: Int) {
    deals.reserveCapacity(rows)
  }

  mutating func finish(file: String) throws(ImportError) {
    let createdFix = try created.resolution(file: file)
    let closedFix = try closed.resolution(file: file)
    guard createdFix != .asRead || closedFix != .asRead else { return }
    deals.correctDays(created: createdFix.apply, closed: closedFix.apply)
  }
}
