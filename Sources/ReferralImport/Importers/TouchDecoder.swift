import CSVStream
import ReferralCore

/// Marketing and sales touches: the lead touched, the day, and the channel (a raw source,
/// campaign type or channel value, numbered with the lead sources so that one catalogue maps
/// both). A row with an empty channel takes its campaign's name, else it is a touch of Unknown,
/// as a lead without a source is. `touch_id` and `kind` are recognised (not listed as unread
/// columns) and not kept: the models need the lead, the day and the channel, 7 bytes a touch.
struct TouchDecoder: RowDecoder {
  static let role = InputRole.touches
  static let fields: [(field: Field, required: Bool)] = [
    (.touchID, false), (.leadID, true), (.touchedAt, true), (.channel, true), (.campaign, false), (.kind, false),
  ]
  private let layout: ColumnLayout
  private var touched: DateColumn?
  private(set) var touches = TouchTable()
  private(set) var sources = Interner()
  let warnings: [Warning] = []

  init(layout: ColumnLayout, options: ImportOptions, file: String) {
    self.layout = layout
    touched = .make(.touchedAt, layout, options, Self.role)
  }

  mutating func decode(_ row: CSVRowView) -> RowProblem? {
    let fields = RowFields(row: row)
    guard let lead = fields.value(layout[.leadID]) else { return .missing(.leadID) }
    let day: Day
    switch fields.date(layout[.touchedAt], &touched) {
    case .failure(let problem): return problem
    case .success(nil): return .missing(.touchedAt)
    case .success(let value?): day = value
    }
    let channel = fields.value(layout[.channel]) ?? fields.value(layout[.campaign]) ?? .empty
    touches.append(leadID: lead, touched: day, channel: sources.intern(channel))
    return nil
  }

  mutating func reserve(rows: Int) {
    touches.reserveCapacity(rows)
  }

  func texts(_ kind: TextKind) -> Interner? { kind == .sources ? sources : nil }

  mutating func renumber(_ maps: [TextKind: [TextID]]) {
    if let sources = maps[.sources] { touches.renumber(channels: sources) }
  }

  consuming func assemble(into dataset: inout Dataset, file: String) {
    dataset.touchTable = touches
  }

  mutating func finish(file: String) throws(ImportError) {
    let fix = try touched.resolution(file: file)
    if fix != .asRead { touches.correctDays(fix.apply) }
  }
}
