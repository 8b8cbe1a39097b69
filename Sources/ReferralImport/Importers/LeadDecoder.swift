import CSVStream
import ReferralCore

/// Leads, contacts or MQLs: one per row, unique `lead_id`, `created_at` required.
struct LeadDecoder: RowDecoder {
  static let role = InputRole.leads
  static let fields: [(field: Field, required: Bool)] = [
    (.leadID, true), (.createdAt, true), (.source, false), (.owner, false),
    (.referrerID, false), (.company, false), (.thankedAt, false), (.stage, false), (.dealID, false),
    (.creditedTo, false), (.creditedRole, false), (.name, false), (.firstName, false), (.lastName, false), (.email, false),
  ]
  static let idFields: [Field] = [.leadID]
  // (A leads export's `created_at` is required, so it is not a key column; its referrer column
  // is not either: without it the referral share and every figure but the referrers' sections
  // stand, and a column that looks like one is a ``Notice``.)
  static let keyColumns: [[Field]] = [[.source]]
  /// (Its one group of key columns: the source.)
  static func absenceMeaning(_ fields: [Field]) -> String? { "every lead is in the Unknown channel" }
  static let lookalikeFields: [(field: Field, meaning: String)] = [(.source, "the leads' source"), (.referrerID, "the referrer")]
  private let layout: ColumnLayout
  private var created: DateColumn?
  private var thanked: DateColumn?
  private(set) var leads = LeadTable()
  private(set) var sources = Interner()
  private(set) var owners = Interner()
  /// The referrers' ids, interned once the file is read (see ``DeferredTexts``); until then
  /// each lead's referrer in ``leads`` is its referral's number among ``referrerIDs``.
  private(set) var referrers = Interner()
  private var referrerIDs = DeferredTexts()
  private let file: String
  /// E-mail values that are no address (no `@`, or nothing after it): the row is kept, its
  /// e-mail left out of matching, and the count is one warning, not one per row.
  private var badEmails = 0
  private var firstBadEmailLine = 0
  /// The column of the leads' own outcome, when there is no deals export (see
  /// ``ImportOptions/leadOutcomes``).
  private let stageColumn: Int?
  private var stages: StageReader
  /// The leads that ended, with how (positions in ``leads``), when ``stageColumn`` is read.
  private var outcomes: [(lead: Int32, outcome: DealOutcome)] = []
  /// The deal each converted lead became, by deal id (Salesforce's `Converted Opportunity ID`):
  /// the link from the other side, for deals exports that name no lead.
  private(set) var convertedDeals = ConvertedDeals()
  /// The bytes of a split name joined, reused row after row.
  private var joinedName: [UInt8] = []

  var hasThankedAt: Bool { layout[.thankedAt] != nil }
  /// Whether the export has no `created_at` column (allowed with `--all`): every lead is then
  /// given ``Day/undated``.
  var undated: Bool { layout[.createdAt] == nil }
  var warnings: [Warning] {
    guard badEmails > 0 else { return [] }
    let (values, leads) = badEmails == 1 ? ("e-mail is", "lead is") : ("e-mails are", "leads are")
    return [
      Warning(
        file: file, line: firstBadEmailLine,
        message: "\(badEmails) \(values) not an address (no '@', or nothing after it), the first on this line: the \(leads) kept, "
          + "but not matched by e-mail domain")
    ]
  }

  /// Whether the leads carry their own outcome.
  var hasOutcomes: Bool { stageColumn != nil }

  init(layout: ColumnLayout, options: ImportOptions, file: String) {
    self.layout = layout
    self.file = file
    stageColumn = options.leadOutcomes ? layout[.stage] : nil
    stages = StageReader(options.stages)
    created = .make(.createdAt, layout, options, Self.role)
    thanked = .make(.thankedAt, layout, options, Self.role)
  }

  mutating func decode(_ row: CSVRowView) -> RowProblem? {
    let fields = RowFields(row: row)
    guard let id = fields.value(layout[.leadID]) else { return .missing(.leadID) }
    let createdDay: Day
    switch fields.date(layout[.createdAt], &created) {
    case .failure(let problem): return problem
    case .success(nil) where undated: createdDay = .undated
    case .success(nil): return .missing(.createdAt)
    case .success(let day?): createdDay = day
    }
    let thankedDay: Day?
    switch fields.date(layout[.thankedAt], &thanked) {
    case .failure(let problem): return problem
    case .success(let day): thankedDay = day
    }
    // An empty outcome is a lead still open; a value the stages do not name is refused, as in
    // a deals export.
    var outcome = DealOutcome.open
    if let stageColumn, let stage = fields.value(stageColumn) {
      guard let mapped = stages.outcome(of: stage) else { return .unknownStage(stage.string) }
      outcome = mapped
    }
    // One hash checks for a duplicate and claims the id; only then are texts interned.
    if let first = leads.claim(id) { return .duplicate(.leadID, id.string, firstLine: leads.line(first)) }
    // A full name as written; else the first and last names, joined by a space (either
    // alone is the name).
    let full = fields.value(layout[.name])
    let first = full == nil ? fields.value(layout[.firstName]) : nil
    let last = full == nil ? fields.value(layout[.lastName]) : nil
    let company = fields.value(layout[.company]) ?? .empty
    let (credited, creditedRole) = (fields.value(layout[.creditedTo]), fields.value(layout[.creditedRole]))
    let source = sources.intern(fields.value(layout.column(.source, in: fields)) ?? .empty)
    let owner = owners.internUnlessEmpty(fields.value(layout[.owner]))
    let referrer = fields.value(layout.column(.referrerID, in: fields)).map { referrerIDs.append($0) }
    let email = fields.value(layout[.email])
    let emailDomain = email.flatMap(EmailDomain.of)
    if email != nil, emailDomain == nil {
      if badEmails == 0 { firstBadEmailLine = fields.line }
      badEmails += 1
    }
    if let first, let last {
      // The buffer is taken out while the table is filled (one exclusive access to `self`).
      var joined: [UInt8] = []
      swap(&joined, &joinedName)
      joined.removeAll(keepingCapacity: true)
      joined.append(contentsOf: first)
      joined.append(UInt8(ascii: " "))
      joined.append(contentsOf: last)
      joined.withByteView { name in
        leads.fill(
          created: createdDay, source: source, owner: owner, referrer: referrer, company: company, thanked: thankedDay,
          line: fields.line, credited: credited, creditedRole: creditedRole, name: name, emailDomain: emailDomain)
      }
      joinedName = joined
    } else {
      leads.fill(
        created: createdDay, source: source, owner: owner, referrer: referrer, company: company, thanked: thankedDay,
        line: fields.line, credited: credited, creditedRole: creditedRole, name: full ?? first ?? last ?? .empty,
        emailDomain: emailDomain)
    }
    if outcome != .open { outcomes.append((Int32(leads.count - 1), outcome)) }
    // The first lead that names a deal keeps it.
    if let deal = fields.value(layout[.dealID]) { convertedDeals.add(deal: deal, lead: Int32(leads.count - 1)) }
    return nil
  }

  /// The leads' own outcomes as deals: one per lead that ended, named by the lead's file and
  /// line, won or lost on the day the lead was created (no close date is known).
  func outcomeDeals(file: String) -> DealTable {
    let name = file.fileName
    var deals = DealTable()
    deals.reserveCapacity(outcomes.count)
    for (lead, outcome) in outcomes {
      let position = Int(lead)
      let (created, line) = (leads.created(position), leads.line(position))
      // Named by file and line, so no two are the same deal.
      guard "\(name):\(line)".withByteView({ deals.claim($0) }) == nil else { continue }
      leads.id(position).withByteView { id in
        deals.fill(leadID: id, outcome: outcome, amount: nil, created: created, closed: created, owner: nil, source: nil, line: line)
      }
    }
    return deals
  }

  mutating func reserve(rows: Int) {
    leads.reserveCapacity(rows)
  }

  func texts(_ kind: TextKind) -> Interner? {
    switch kind {
    case .sources: sources
    case .owners: owners
    case .referrers: referrers
    }
  }

  // (The leads come first: their tables are taken over as they are, never renumbered.)

  /// The leads, and, without a deals export, the leads' own outcomes as the deals (see
  /// ``Dataset/outcomesFromLeads``).
  consuming func assemble(into dataset: inout Dataset, file: String) {
    if hasOutcomes {
      dataset.dealTable = outcomeDeals(file: file)
      dataset.outcomesFromLeads = true
      (dataset.dealsHaveAmounts, dataset.dealsHaveIDs) = (false, false)
    }
    dataset.leadTable = leads
    dataset.leadsHaveThankedAt = hasThankedAt
    dataset.leadsHaveCredits = layout[.creditedTo] != nil
    dataset.leadsHaveEmails = layout[.email] != nil
    dataset.leadsUndated = undated
    dataset.convertedDeals = convertedDeals
  }

  static func absent(from dataset: inout Dataset) {
    dataset.hasLeads = false
    dataset.leadsHaveThankedAt = false
    dataset.leadsHaveCredits = false
    dataset.leadsHaveEmails = false
  }

  mutating func finish(file: String) throws(ImportError) {
    let createdFix = try created.resolution(file: file)
    let thankedFix = try thanked.resolution(file: file)
    let (index, positions) = referrerIDs.interned()
    referrerIDs = DeferredTexts()
    referrers = Interner(index: index)
    leads.numberReferrers(positions)
    guard createdFix != .asRead || thankedFix != .asRead else { return }
    leads.correctDays(created: createdFix.apply, thanked: thankedFix.apply)
  }
}
