import CSVStream
import ReferralCore

/// How to read the exports: header names, stage values, formats, currencies.
public struct ImportOptions: Sendable {
  /// ISO code of the reporting currency; rows without a currency are in it.
  public var currency: String
  /// Units of the reporting currency per unit of another currency (`EUR = 1.08`).
  public var rates: [String: Double]
  public var columns: ColumnNames
  public var stages: StageMap
  /// Configured date formats per input and field; detection from the column otherwise.
  public var dateFormats: [InputRole: [Field: DateFormat]]
  /// Configured decimal separators per input; detection per value otherwise.
  public var decimalSeparators: [InputRole: DecimalSeparator]
  /// Configured encodings and delimiters per input; detection otherwise.
  public var dialects: [InputRole: CSVDialect]
  /// Rows longer than this are rejected (bounded memory whatever the file holds).
  public var maxRowBytes: Int

  public init(
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

/// The paths of the inputs of one run.
public struct InputFiles: Sendable, Equatable {
  public var leads: String
  public var deals: String
  public var spend: String?
  public var payouts: String?

  /// Every path given, leads first.
  public var all: [String] { [leads, deals] + [spend, payouts].compactMap { $0 } }

  public init(leads: String, deals: String, spend: String? = nil, payouts: String? = nil) {
    self.leads = leads
    self.deals = deals
    self.spend = spend
    self.payouts = payouts
  }
}
