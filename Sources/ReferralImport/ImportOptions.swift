import CSVStream
import ReferralCore

/// How to read the exports: header names, stage values, formats, currencies.
package struct ImportOptions: Sendable {
  /// ISO code of the reporting currency; rows without a currency are in it.
  package var currency: String
  /// Units of the reporting currency per unit of another currency (`EUR = 1.08`).
  package var rates: [String: Double]
  package var columns: ColumnNames
  package var stages: StageMap
  /// Configured date formats per input and field; detection from the column otherwise.
  package var dateFormats: [InputRole: [Field: DateFormat]]
  /// Configured decimal separators per input; detection per value otherwise.
  package var decimalSeparators: [InputRole: DecimalSeparator]
  /// Configured encodings and delimiters per input; detection otherwise.
  package var dialects: [InputRole: CSVDialect]
  /// The sheet to read of an Excel workbook input, by input (`nil`: the first sheet whose header
  /// row the input's columns are found in).
  package var sheets: [InputRole: String] = [:]
  /// Rows longer than this are rejected (bounded memory whatever the file holds).
  package var maxRowBytes: Int
  /// The most rows one export may have accepted: what an id index holds (``IDIndex/maximumCount``,
  /// about 134 million, a 10 GB export). A row after them stops the run with an error.
  package var maxAcceptedRows = IDIndex.maximumCount
  /// The activity types (or subjects) that make a row of an activity export a referral request
  /// (`[asks] activities`); empty: every row of the asks export is one.
  package var askActivities: [String] = []
  /// The scale of the feedback export's scores (`[feedback] scale`): a score off it is rejected.
  package var feedbackScale = FeedbackScale.nps
  /// Whether a leads export may come without `created_at` (`--all`, which reports on all the
  /// data and needs no period): its leads are then undated, see ``Dataset/leadsUndated``.
  package var undatedLeads = false
  /// Whether a leads export's `stage` column is read as the lead's outcome: set by the importer
  /// when there is no deals export (which would say how the leads ended otherwise).
  var leadOutcomes = false

  package init(
    currency: String = "USD", rates: [String: Double] = [:], columns: ColumnNames = ColumnNames(),
    stages: StageMap = .standard, dateFormats: [InputRole: [Field: DateFormat]] = [:],
    decimalSeparators: [InputRole: DecimalSeparator] = [:], dialects: [InputRole: CSVDialect] = [:],
    maxRowBytes: Int = CSVReader.defaultMaxRowBytes
  ) {
    self.currency = currency
    self.rates = rates
    self.columns = columns
    self.stages = stages
    self.dateFormats = dateFormats
    self.decimalSeparators = decimalSeparators
    self.dialects = dialects
    self.maxRowBytes = maxRowBytes
  }
}

/// The paths of the inputs of one run, by role: any of them may be absent, but not both the
/// leads and the deals (the run checks that before importing).
package struct InputFiles: Sendable, Equatable {
  private var paths: [InputRole: String] = [:]

  package init(
    leads: String? = nil, deals: String? = nil, spend: String? = nil, payouts: String? = nil, asks: String? = nil, feedback: String? = nil
  ) {
    paths[.feedback] = feedback
    paths[.leads] = leads
    paths[.deals] = deals
    paths[.spend] = spend
    paths[.payouts] = payouts
    paths[.asks] = asks
  }

  /// The path of the input with `role`, if given.
  package subscript(role: InputRole) -> String? {
    get { paths[role] }
    set { paths[role] = newValue }
  }

  /// The roles given, in report order (the order the importer reads and accounts for them).
  package var roles: [InputRole] { InputRole.allCases.filter { paths[$0] != nil } }

  /// Every path given, leads first.
  package var all: [String] { roles.compactMap { paths[$0] } }
}
