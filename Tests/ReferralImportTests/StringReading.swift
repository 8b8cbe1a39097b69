import ReferralCore

@testable import ReferralImport

// The readers take fields as raw bytes of the parser's arena; the tests write them as strings.

extension DateReader {
  static func read(_ text: String) -> DateReading {
    var text = text
    return text.withUTF8 { read(UnsafeRawBufferPointer($0)) }
  }

  static func read(_ text: String, as format: DateFormat) -> Day? {
    var text = text
    return text.withUTF8 { read(UnsafeRawBufferPointer($0), as: format) }
  }
}

extension AmountReader {
  static func read(_ text: String, decimal: DecimalSeparator? = nil) -> Result<Amount, Failure> {
    var text = text
    return text.withUTF8 { read(UnsafeRawBufferPointer($0), decimal: decimal) }
  }
}

extension DateColumn {
  mutating func read(_ text: String, line: Int) -> Result<Day, RowProblem> {
    var text = text
    return text.withUTF8 { read(UnsafeRawBufferPointer($0), line: line) }
  }
}
