import ReferralCore

/// What the report could not use or had to guess, so nobody trusts a figure blindly.
package struct DataQuality: Sendable, Equatable {
  package struct ReasonCount: Sendable, Equatable {
    package var file: String
    package var reason: String
    package var count: Int
    /// The config setting that fixes it (see ``RowProblem/fix(in:)``), from its first row.
    package var fix: String?

    package init(file: String, reason: String, count: Int, fix: String? = nil) {
      (self.file, self.reason, self.count, self.fix) = (file, reason, count, fix)
    }
  }

  package struct UnmappedSource: Sendable, Equatable {
    package var value: String
    package var channel: String
  }

  /// The raw source values the exports hold that went into one channel, as written.
  package struct ChannelValues: Sendable, Equatable {
    package var channel: String
    package var values: [String]
  }

  /// One deal of an export, where it is.
  package struct DealLine: Sendable, Equatable {
    package var file: String
    package var line: Int
    package var dealID: String
  }

  package var inputs: [InputAccount]
  /// Rejects grouped by file and kind of problem (``RowProblem/summary``), most frequent first.
  package var rejectReasons: [ReasonCount]
  /// Raw source values no alias matched (each became its own channel).
  package var unmappedSources: [UnmappedSource]
  /// Every raw source value, by the channel it went into (channels and values sorted): so a
  /// merge such as "Google" into Organic Search is visible.
  package var sourceValues: [ChannelValues]
  /// Deals whose `lead_id` matched no lead (attributed by their own source).
  package var unmatchedDeals: Int
  package var unmatchedDealExamples: [String]
  /// Won deals (of all the data) without an amount, in an export with amounts: wins whose
  /// revenue is unknown, counted as wins and left out of revenue; the first ten by position.
  package var wonWithoutAmount: Int
  package var wonWithoutAmountExamples: [DealLine]
  package var warnings: [Warning]
  /// What the exports cannot tell, whatever their rows hold (an export without deal ids, one
  /// of won deals only): said in the report, so nobody reads a figure as more than it is.
  package var limits: [String]
  /// Won deals of the period whose amount dwarfs the rest, largest first.
  package var outliers: [Outlier]
  /// Every rejected row, whole, for `rejects.csv`.
  package var rejects: RejectedRows
  /// The limit on an input's rejected share, and the inputs over it: a report with any failed
  /// its check (the run exits 2), and says so at its top.
  package var maxRejectRate: Double
  package var overThreshold: [InputAccount]
  /// Whether every input stayed within ``maxRejectRate``.
  package var passed: Bool { overThreshold.isEmpty }

  init(ledger: Ledger, period: Period, outlierMultiple: Double, maxRejectRate: Double) {
    let data = ledger.dataset
    inputs = data.inputs
    self.maxRejectRate = maxRejectRate
    overThreshold = data.inputs.filter { $0.rejectRate > maxRejectRate }
    var counts: [String: [String: (count: Int, fix: String?)]] = [:]
    // Unknown stages are fixed all at once: their fix names every value of the file.
    var unknownStages: [String: [String: Int]] = [:]
    let rejected = data.rejects
    for row in rejected.indices {
      let problem = rejected.problem(at: row)
      counts[rejected.file(at: row), default: [:]][problem.summary, default: (0, problem.fix(in: rejected.role(at: row)))].count += 1
      if case .unknownStage(let value) = problem { unknownStages[rejected.file(at: row), default: [:]][value, default: 0] += 1 }
    }
    for (file, values) in unknownStages {
      counts[file]?[RowProblem.unknownStage("").summary]?.fix = RowProblem.stagesFix(values.map { ($0.key, $0.value) })
    }
    rejectReasons = counts.flatMap { file, reasons in
      reasons.map { ReasonCount(file: file, reason: $0.key, count: $0.value.count, fix: $0.value.fix) }
    }.sorted { ($1.count, $0.file, $0.reason) < ($0.count, $1.file, $1.reason) }
    unmappedSources = ledger.unmapped
      .map { UnmappedSource(value: $0.value, channel: ledger.channels[$0.channel].name) }
      .sorted { ($0.channel, $0.value) < ($1.channel, $1.value) }
    var byChannel = Array(repeating: [String](), count: ledger.channels.count)
    for (index, raw) in data.sources.enumerated() { byChannel[ledger.sourceChannel[index]].append(raw.isEmpty ? "(empty)" : raw) }
    sourceValues = ledger.channels.indices.filter { !byChannel[$0].isEmpty }.map {
      ChannelValues(channel: ledger.channels[$0].name, values: byChannel[$0].sorted())
    }.sorted { $0.channel < $1.channel }  // not the order channels were met: rows in any order give the same list
    unmatchedDeals = ledger.unmatchedDeals.count
    // The ten lowest ids, ordered by their bytes: only those ten become text.
    let deals = ledger.deals
    unmatchedDealExamples = ledger.unmatchedDeals.sorted { deals.index.precedes($0, $1) }.prefix(10).map { deals.id($0) }
    (wonWithoutAmount, wonWithoutAmountExamples) = Self.wonWithoutAmount(ledger)
    outliers = Outlier.find(in: ledger, period: period, multiple: outlierMultiple)
    limits = []
    if !data.hasLeads { limits.append(ChannelFigures.noLeads + "; deals take the channel of their own source") }
    if data.leadsUndated {
      limits.append(
        "the leads export has no created_at column: the report covers all the data as one period, and the figures that follow time "
          + "(the previous period, trend, targets, cohorts, forecast, per month, the ask list, thank-you timing) are n/a")
    }
    if !ledger.linksKnown { limits.append(ChannelFigures.noLinks + "; deals take the channel of their own source") }
    if !data.hasOutcomes {
      limits.append(ChannelFigures.noOutcomes + ": wins, losses, revenue, win rates and lead conversion are n/a")
    } else if data.outcomesFromLeads {
      limits.append(
        "the outcomes come from the leads export's stage column: a lead that ended is counted as won or lost in the period it was created, "
          + "and sales cycles are not known")
    } else if !data.dealsHaveStages {
      limits.append(ChannelFigures.wonOnly + "; win rates are n/a")
    }
    if !data.dealsHaveIDs, !data.outcomesFromLeads, data.hasOutcomes {
      limits.append("the deals export has no deal id column: each deal is named by its file and line, and a deal exported twice cannot be told from two deals")
    }
    warnings = (data.warnings + Self.wonBeforeTheirLead(ledger) + Self.lateRows(ledger) + Self.rowsNamingNoLead(ledger))
      .sorted { ($0.file, $0.line) < ($1.file, $1.line) }
    rejects = data.rejects.sortedByFileAndLine()
  }

  /// The rows dated far past the rest of the data (see ``DataSpan``): a year typed wrong or a
  /// date typed ahead, which would otherwise have made the report a month of nothing. Each is
  /// named, so it can be fixed in the CRM.
  static func lateRows(_ ledger: Ledger) -> [Warning] {
    guard let span = ledger.span else { return [] }
    let files = Dictionary(ledger.dataset.inputs.map { ($0.role, $0.file) }, uniquingKeysWith: { first, _ in first })
    return span.lateRows.map { row in
      let (kind, id, line) =
        row.role == .leads
        ? ("lead", ledger.leads.id(row.position), ledger.leads.line(row.position))
        : ("deal", ledger.deals.id(row.position), ledger.deals.line(row.position))
      return Warning(
        file: files[row.role] ?? row.role.rawValue, line: line,
        message: "\(kind) '\(id)' is dated \(row.day), \(span.end.days(to: row.day)) days past the rest of the data (which ends on \(span.end)), "
          + "so it does not choose the period; check its date in the CRM")
    }
  }

  /// The referral requests and feedback answers whose `lead_id` is none of the leads': left
  /// out of every figure, one warning per file with the count and the first line. A wrong
  /// `lead_id` mapping (a survey tool's own contact id) would otherwise make every customer
  /// "never asked" or "no answer" without a word.
  static func rowsNamingNoLead(_ ledger: Ledger) -> [Warning] {
    let data = ledger.dataset
    guard data.hasLeads else { return [] }
    let files = Dictionary(data.inputs.map { ($0.role, $0.file) }, uniquingKeysWith: { first, _ in first })
    func warning(_ role: InputRole, _ rows: [Int], line: (Int) -> Int, noun: (one: String, many: String)) -> Warning? {
      guard let first = rows.first else { return nil }
      let (count, name) = (rows.count, rows.count == 1 ? noun.one : noun.many)
      return Warning(
        file: files[role] ?? role.rawValue, line: line(first),
        message: "\(count) \(name) \(count == 1 ? "names a lead_id that matches" : "name a lead_id that matches") no lead of the leads export "
          + "and \(count == 1 ? "is" : "are") left out (this is the first); check that the column read as lead_id holds the leads' ids, "
          + "or map it under [columns.\(role.rawValue)]")
    }
    let asks = data.askTable.indices.filter { ledger.lead(ofAsk: $0) == nil }
    let answers = data.feedbackTable.indices.filter { ledger.lead(ofAnswer: $0) == nil }
    return [
      warning(.asks, asks, line: { data.askTable.line($0) }, noun: ("referral request", "referral requests")),
      warning(.feedback, answers, line: { data.feedbackTable.line($0) }, noun: ("feedback answer", "feedback answers")),
    ].compactMap { $0 }
  }

  /// The won deals without an amount, and the first ten of them; none when the export has no
  /// amount column at all (the report then has no revenue, which it says as a whole).
  static func wonWithoutAmount(_ ledger: Ledger) -> (count: Int, examples: [DealLine]) {
    let deals = ledger.deals
    guard ledger.dataset.dealsHaveAmounts else { return (0, []) }
    // Empty for deals made by hand, not read from a file.
    let file = ledger.dataset.inputs.first { $0.role == .deals }?.file ?? ""
    var count = 0
    var examples: [DealLine] = []
    for index in deals.indices where deals.outcome[index] == .won && deals.amount(index) == nil {
      count += 1
      if examples.count < 10 { examples.append(DealLine(file: file, line: deals.line(index), dealID: deals.id(index))) }
    }
    return (count, examples)
  }

  /// Won deals closed before their lead was created: their sales cycle is negative. It counts
  /// in the median like any other (the median is of all won deals), and is listed here. (A deal
  /// closed before its own creation date is listed by the import.)
  static func wonBeforeTheirLead(_ ledger: Ledger) -> [Warning] {
    let (deals, leads) = (ledger.deals, ledger.leads)
    guard let file = ledger.dataset.inputs.first(where: { $0.role == .deals })?.file else { return [] }
    var found: [Warning] = []
    for index in deals.indices where deals.outcome[index] == .won {
      guard let lead = ledger.dealLead(index), let closed = deals.closed(index), closed < leads.created(lead) else { continue }
      let created = leads.created(lead)
      found.append(
        Warning(
          file: file, line: deals.line(index),
          message: "deal '\(deals.id(index))' was won on \(closed), \(closed.days(to: created)) days before its lead '\(leads.id(lead))' "
            + "was created on \(created); its sales cycle counts as \(created.days(to: closed)) days"))
    }
    return found
  }
}
