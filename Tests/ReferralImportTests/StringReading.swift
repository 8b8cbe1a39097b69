import CSVStream
import ReferralCore

@testable import ReferralImport

// The readers take fields as raw bytes of the parser's arena; the tests write them as strings.

extension DateReader {
  static func read(_ text: String) -> DateReading {
    return text.withByteView { read($0) }
  }

  static func read(_ text: String, as format: DateFormat) -> Day? {
    return text.withByteView { read($0, as: format) }
  }
}

extension AmountReader {
  static func read(_ text: String, decimal: DecimalSeparator? = nil) -> Result<Amount, Failure> {
    return text.withByteView { read($0, decimal: decimal) }
  }
}

extension DateColumn {
  mutating func read(_ text: String, line: Int) -> Result<Day, RowProblem> {
    return text.withByteView { read($0, line: line) }
  }
}
