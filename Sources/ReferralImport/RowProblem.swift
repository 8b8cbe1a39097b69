import CSVStream
import ReferralCore

/// Why one row was rejected; becomes the `reason` column of `rejects.csv`.
///
/// Indirect: a decoder returns one per row, nearly always `nil`, and an inline payload of two
/// strings made every return a copy of some 70 bytes; boxed, it is one word.
indirect enum RowProblem: Error, Equatable {
  case ragged(found: Int, expected: Int)
  case csv(CSVRowProblem)
  case repeatedHeader
  case missing(Field)
  case duplicate(Field, String, firstLine: Int)
  case badDate(Field, String, expected: String?)
  case badAmount(Field, String)
  case tooLarge(Field, String)
  case negativeAmount(Field, String)
  case unknownStage(String)
  case unknownKind(String)
  case noRate(String)
  case missingCloseDate(DealOutcome)
  case missingAmount

  var reason: String {
    switch self {
    case .ragged(let found, let expected): return "row has \(found) fields, the header has \(expected)"
    case .csv(.unterminatedQuote): return "unterminated quote: a quoted field never closes; the lines after this one were read as rows again"
    case .csv(.tooLong(let limit)): return "row longer than \(limit) bytes (its text was cut)"
    case .csv(.nulByte): return "contains a NUL byte"
    case .csv(.invalidUTF8): return "invalid UTF-8 (for a Windows-1252 export set encoding = \"windows-1252\" under [formats])"
    case .csv(.byteOrderMark): return "a byte-order mark inside the data (were two exports concatenated?)"
    case .repeatedHeader: return "the header row again (were two exports concatenated?)"
    case .missing(let field): return "missing \(field.rawValue)"
    case .duplicate(let field, let value, let line): return "duplicate \(field.rawValue) '\(value)' (first on line \(line))"
    case .badDate(let field, let value, let expected):
      return "unparseable or impossible \(field.rawValue) '\(value)'" + (expected.map { " (expected \($0))" } ?? "")
    case .badAmount(let field, let value): return "unparseable \(field.rawValue) '\(value)'"
    case .tooLarge(let field, let value): return "implausibly large \(field.rawValue) '\(value)'"
    case .negativeAmount(let field, let value): return "negative \(field.rawValue) '\(value)'"
    case .unknownStage(let value): return "unknown stage '\(value)' (map it under [stages] in the config)"
    case .unknownKind(let value): return "unknown payout kind '\(value)' (expected fee or gift)"
    case .noRate(let currency): return "no exchange rate for currency '\(currency)' (add it under [rates] in the config)"
    case .missingCloseDate(let outcome): return "missing closed_at for a \(outcome.rawValue) deal"
    case .missingAmount: return "missing amount for a won deal"
    }
  }
}

