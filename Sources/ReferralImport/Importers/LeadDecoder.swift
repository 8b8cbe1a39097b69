import CSVStream
import ReferralCore

/// Leads, contacts or MQLs: one per row, unique `lead_id`, `created_at` required.
struct LeadDecoder: RowDecoder {
  static let role = InputRole.leads
  private let layout: ColumnLayout
  private var created: DateColumn?
  private var thanked: DateColumn?
  private(set) var leads = LeadTable()
  private(set) var sources = Interner()
  private(set) var owners = Interner()
  private(set) var referrers = Interner()
  let warnings: [Warning] = []

  var hasThankedAt: Bool { layout[.thankedAt] != nil }

  init(layout: ColumnLayout, options: ImportOptions, file: String) {
    self.layout = layout
    created = .make(.createdAt, layout, options, Self.role)
    thanked = .make(.thankedAt, layout, options, Self.role)
  }

  mutating func decode(_ row: CSVRowView) -> RowProblem? {
    let fields = RowFields(row: row)
    guard let id = fields.value(layout[.leadID]) else { return .missing(.leadID) }
    let createdDay: Day
    switch fields.date(layout[.createdAt], &created) {
    case .failure(let problem): return problem
    case .success(nil): return .missing(.createdAt)
    case .success(let day?): createdDay = day
    }
    let thankedDay: Day?
    switch fields.date(layout[.thankedAt], &thanked) {
    case .failure(let problem): return problem
    case .success(let day): thankedDay = day
    }
    // One hash checks for a duplicate and claims the id; only then are texts interned.
    if let first = leads.claim(id) { return .duplicate(.leadID, id.string, firstLine: leads.line(first)) }
    leads.fill(
      created: createdDay,
      source: sources.intern(fields.raw(layout[.source])?.trimmed ?? .empty),
      owner: owners.internUnlessEmpty(fields.raw(layout[.owner])),
      referrer: referrers.internUnlessEmpty(fields.raw(layout[.referrerID])),
      company: fields.value(layout[.company]) ?? .empty, thanked: thankedDay, line: fields.line)
    return nil
  }

  mutating func prefetch(_ row: CSVRowView) {
    let fields = RowFields(row: row)
    if let id = fields.value(layout[.leadID]) { leads.prefetch(id) }
    if let referrer = fields.value(layout[.referrerID]) { referrers.prefetch(referrer) }
  }

  /// Referrer ids come in no order: their table is always hashed.
  var prefetches: Bool { layout[.referrerID] != nil || leads.hashesIDs }

  mutating func reserve(rows: Int) {
    leads.reserveCapacity(rows)
  }

  mutating func finish(file: String) throws(ImportError) {
    let createdFix = try created.resolution(file: file)
    let thankedFix = try thanked.resolution(file: file)
    guard createdFix != .asRead || thankedFix != .asRead else { return }
    leads.correctDays(created: createdFix.apply, thanked: thankedFix.apply)
  }
}
