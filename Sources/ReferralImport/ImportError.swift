/// Why an input stops the run: problems no single row rejection can account for.
public enum ImportError: Error, Equatable, Sendable {
  case unreadable(file: String, reason: String)
  case empty(file: String)
  case missingColumn(file: String, field: String, expected: [String], found: [String])
  case duplicateColumn(file: String, field: String, columns: [Int], header: String)
  case ambiguousDates(file: String, column: String, example: String)
  case mixedDates(file: String, column: String, monthFirstLine: Int, dayFirstLine: Int)

  /// The file the problem is in.
  public var file: String {
    switch self {
    case .unreadable(let file, _), .empty(let file), .missingColumn(let file, _, _, _), .duplicateColumn(let file, _, _, _),
      .ambiguousDates(let file, _, _), .mixedDates(let file, _, _, _):
      return file
    }
  }
}

extension ImportError: CustomStringConvertible {
  /// One line, compiler style: where, what, and what to do.
  public var description: String {
    switch self {
    case .unreadable(let file, let reason):
      return "\(file): error: cannot read the file (\(reason)); check the path and its permissions"
    case .empty(let file):
      return "\(file): error: the file is empty (no header row); export it again"
    case .missingColumn(let file, let field, let expected, let found):
      let names = expected.map { "'\($0)'" }.joined(separator: " or ")
      let columns = found.map { "'\($0)'" }.joined(separator: ", ")
      return "\(file):1: error: missing column for \(field) (looked for \(names)); found \(columns); "
        + "choose the right --preset or map the column under [columns] in the config"
    case .duplicateColumn(let file, let field, let columns, let header):
      let list = columns.map(String.init).joined(separator: " and ")
      return "\(file):1: error: columns \(list) are both '\(header)', so \(field) is ambiguous; rename or remove one in the export"
    case .ambiguousDates(let file, let column, let example):
      return "\(file): error: column '\(column)' is ambiguous: every date (e.g. '\(example)') reads as MM/DD/YYYY "
        + "and as DD/MM/YYYY; set its format in the config ([formats] \(column) = \"MM/DD/YYYY\")"
    case .mixedDates(let file, let column, let monthFirstLine, let dayFirstLine):
      return "\(file): error: column '\(column)' mixes MM/DD/YYYY (line \(monthFirstLine)) and DD/MM/YYYY "
        + "(line \(dayFirstLine)) dates; fix the export or set the column's format in the config"
    }
  }
}
