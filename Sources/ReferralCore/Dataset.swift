/// The role a file plays in the report.
package enum InputRole: String, Sendable, CaseIterable, Comparable {
  case leads, deals, spend, payouts, asks, feedback, touches
  /// Referrals the team gave to partners and customers (`--referrals-given`).
  case referralsGiven = "referrals-given"

  package static func < (lhs: InputRole, rhs: InputRole) -> Bool {
    allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
  }
}

/// The account of one input file: every row read is accepted, rejected or skipped.
package struct InputAccount: Sendable, Equatable {
  package var role: InputRole
  package var file: String
  package var accepted: Int
  package var rejected: Int
  /// Recognised non-data lines (report footers).
  package var skipped: Int
  /// Columns of the export that mapped onto no field the report uses (listed, not an error).
  package var ignoredColumns: [String]
  /// The export's header, as it names its columns (`rejects.csv` uses these names).
  package var columns: [String] = []

  package var rows: Int { accepted + rejected + skipped }

  /// Rejected share of the rows that were data (0 when the file had none).
  package var rejectRate: Double {
    let data = accepted + rejected
    return data == 0 ? 0 : Double(rejected) / Double(data)
  }

  package init(role: InputRole, file: String, accepted: Int = 0, rejected: Int = 0, skipped: Int = 0, ignoredColumns: [String] = []) {
    self.role = role
    self.file = file
    self.accepted = accepted
    self.rejected = rejected
    self.skipped = skipped
    self.ignoredColumns = ignoredColumns
  }
}

/// One input row that the report could not use, whole, with where it was and why: a row of
/// ``RejectedRows`` as read back (which keeps them as bytes, not as these).
package struct Reject: Sendable, Equatable {
  package var file: String
  /// The input the file is: the fix a reason names is that input's setting.
  package var role: InputRole
  package var line: Int
  package var problem: RowProblem
  /// The row's fields; for a row that could not be split into fields (an unterminated quote,
  /// an over-long row), the one raw text of its line.
  package var fields: [String]

  /// The `reason` column of `rejects.csv`.
  package var reason: String { problem.reason(in: role) }
  /// Whether ``fields`` is the raw text of a line that could not be split into fields.
  package var unparsed: Bool { problem.leftRowUnsplit }

  package init(file: String, role: InputRole, line: Int, problem: RowProblem, fields: [String]) {
    self.file = file
    self.role = role
    self.line = line
    self.problem = problem
    self.fields = fields
  }
}

/// A problem in a row that was still accepted (a deal closed before it was created…).
package struct Warning: Sendable, Equatable {
  package var file: String
  package var line: Int
  package var message: String

  package init(file: String, line: Int, message: String) {
    self.file = file
    self.line = line
    self.message = message
  }
}

/// Everything the import stage hands to attribution: records, string tables, and the account.
package struct Dataset: Sendable {
  /// The leads, column by column (the importer fills it directly).
  package var leadTable = LeadTable()
  /// The deals, column by column (the importer fills it directly).
  package var dealTable = DealTable()
  package var spend: [SpendEntry] = []
  /// The referrals the team gave; `nil` when no such export was given (reciprocity is then
  /// unknown, not "no partner referred back").
  package var referralsGiven: [ReferralGiven]?
  /// The referral requests (asks), in file order, column by column (the importer fills it
  /// directly).
  package var askTable = AskTable()
  /// The feedback survey's answers, in file order, column by column.
  package var feedbackTable = FeedbackTable()
  /// The payouts, column by column (the importer fills it directly).
  package var payoutTable = PayoutTable()
  /// Distinct raw source values, as written (trimmed).
  package var sources: [String] = []
  package var owners: [String] = []
  /// Distinct referrer ids, as written (a lead's or payout's referrer is a position here).
  package var referrers: [String] = []
  /// What the deals file could say: `false` when a column was absent from the export.
  package var dealsHaveAmounts = true
  /// Whether the deals export has a stage column: without one it holds won deals only, so
  /// nothing is known of the deals that were lost.
  package var dealsHaveStages = true
  /// Whether the deals export has a deal id column: without one deals are named by file and
  /// line, and a deal exported twice cannot be told from two deals.
  package var dealsHaveIDs = true
  /// Whether a leads export was given: without one, lead counts, lead conversion and the
  /// referral share of leads are unknown, not zero.
  package var hasLeads = true
  /// Whether anything says how deals or leads ended: a deals export, or a leads export with an
  /// outcome column. Without either, wins, losses and revenue are unknown, not zero.
  package var hasOutcomes = true
  /// Whether the deals are the leads' own outcomes (a leads export with a `stage` column and no
  /// deals export): each such lead is one deal, won or lost on the day the lead was created,
  /// so its sales cycle is not known.
  package var outcomesFromLeads = false
  /// The deal each converted lead became, by deal id, when the leads export names it
  /// (Salesforce's `Converted Opportunity ID`): deals that name no lead are linked this way.
  package var convertedDeals = ConvertedDeals()
  /// `false` when the leads export has no `thanked_at` column (thank-you discipline unknown).
  package var leadsHaveThankedAt = true
  /// Whether the leads export has a `credited_to` column: without one, who sourced a referral
  /// is unknown (its owner, as far as the export says), not "nobody outside sales".
  package var leadsHaveCredits = true
  /// Whether the leads export has an `email` column: without one, eligibility compares
  /// companies by name only, and says so.
  package var leadsHaveEmails = true
  /// Whether the leads export has no `created_at` (allowed with `--all`, and only without other
  /// exports, which have dates): every lead is on ``Day/undated``, the report covers all the data
  /// as one period, and nothing is compared over time.
  package var leadsUndated = false
  package var hasSpend = false
  /// Whether a referral requests export was given (without one, asking is unknown, not zero).
  package var hasAsks = false
  package var hasPayouts = false
  /// Whether a feedback export was given (without one, nobody's feedback is known: the ask list
  /// asks as it did before, and happiness cannot be compared).
  package var hasFeedback = false
  /// The scale the feedback export's scores are on (`[feedback] scale`).
  package var feedbackScale = FeedbackScale.nps
  /// The marketing and sales touches of the leads (the multi-touch models' paths), column by
  /// column; `nil` when no touches export was given ("no file", not "no rows").
  package var touchTable: TouchTable?
  package var inputs: [InputAccount] = []
  package var rejects = RejectedRows()
  package var warnings: [Warning] = []
  /// What the exports' headers say about their shape (an unread column that looks like a
  /// source): attribution adds what their values say, and the report shows both first.
  package var notices: [Notice] = []

  package init() {}

  /// Where the data begins and really ends (see ``DataSpan``): the default period is the
  /// month of its end, so the same files always give the same report. `nil` when the leads and
  /// deals hold no dates at all. Measured once, by the import, when the dataset is complete
  /// (two or three passes over every lead and deal, which the run and the ledger both read).
  package private(set) var span: DataSpan?

  /// Measures ``span`` from the tables as they are: the importer's last step.
  package mutating func measureSpan() { span = findSpan() }
}
