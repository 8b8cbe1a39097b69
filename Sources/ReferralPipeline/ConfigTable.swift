import Foundation
import TOMLKit

/// A table of the config file with typed, checked access: every read names its key, a wrong
/// type is an error naming the key and its line, and keys nobody read are reported as unknown.
struct ConfigTable {
  let table: TOMLTable
  /// Dotted path of the table (`report`, `fees."Referral"`), for messages.
  let path: String
  let source: ConfigSource
  private(set) var allowed: Set<String> = []

  init(_ table: TOMLTable, path: String, source: ConfigSource) {
    self.table = table
    self.path = path
    self.source = source
  }

  func qualified(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

  func error(_ key: String, _ message: String) -> ConfigError {
    ConfigError(file: source.file, line: source.line(of: key, in: path), message: message)
  }

  mutating func string(_ key: String) throws(ConfigError) -> String? {
    allowed.insert(key)
    guard let value = table[key] else { return nil }
    guard let string = value.string else { throw error(key, "'\(qualified(key))' must be a string, e.g. \(key) = \"…\"") }
    return string
  }

  mutating func number(_ key: String, in range: ClosedRange<Double>? = nil) throws(ConfigError) -> Double? {
    allowed.insert(key)
    guard let value = table[key] else { return nil }
    guard let number = value.double ?? value.int.map(Double.init) else {
      throw error(key, "'\(qualified(key))' must be a number")
    }
    if let range, !range.contains(number) {
      throw error(key, "'\(qualified(key))' must be between \(range.lowerBound) and \(range.upperBound), not \(number)")
    }
    return number
  }

  mutating func integer(_ key: String, in range: ClosedRange<Int>) throws(ConfigError) -> Int? {
    allowed.insert(key)
    guard let value = table[key] else { return nil }
    guard let int = value.int else { throw error(key, "'\(qualified(key))' must be a whole number") }
    guard range.contains(int) else {
      throw error(key, "'\(qualified(key))' must be between \(range.lowerBound) and \(range.upperBound), not \(int)")
    }
    return int
  }

  mutating func bool(_ key: String) throws(ConfigError) -> Bool? {
    allowed.insert(key)
    guard let value = table[key] else { return nil }
    guard let bool = value.bool else { throw error(key, "'\(qualified(key))' must be true or false") }
    return bool
  }

  /// What a `[columns.<input>]` key says: the header of the field's column, or (`false`) that
  /// the export has none.
  enum ColumnSetting: Equatable {
    case header(String)
    case absent
  }

  /// A `[columns.<input>]` key: a header name, or `false` for a column the export does not have;
  /// `true` means nothing and is refused.
  mutating func column(_ key: String) throws(ConfigError) -> ColumnSetting? {
    allowed.insert(key)
    guard let value = table[key] else { return nil }
    if let string = value.string { return .header(string) }
    guard value.bool == false else {
      throw error(key, "'\(qualified(key))' must be the column's header, e.g. \(key) = \"…\", or false when the export has no such column")
    }
    return .absent
  }

  mutating func strings(_ key: String) throws(ConfigError) -> [String]? {
    allowed.insert(key)
    guard let value = table[key] else { return nil }
    guard let array = value.array else { throw error(key, "'\(qualified(key))' must be a list of strings, e.g. [\"a\", \"b\"]") }
    var result: [String] = []
    for item in array {
      guard let string = item.string else { throw error(key, "'\(qualified(key))' must be a list of strings") }
      result.append(string)
    }
    return result
  }

  /// A list of values written as strings or as whole numbers (`won = ["Won", 1]`: a 0/1
  /// outcome column), each as its text.
  mutating func stageValues(_ key: String) throws(ConfigError) -> [String]? {
    allowed.insert(key)
    guard let value = table[key] else { return nil }
    let example = "e.g. [\"Closed Won\"] or [1]"
    guard let array = value.array else { throw error(key, "'\(qualified(key))' must be a list of stage values, \(example)") }
    var result: [String] = []
    for item in array {
      if let string = item.string {
        result.append(string)
      } else if let int = item.int {
        result.append(String(int))
      } else {
        throw error(key, "'\(qualified(key))' must hold strings or whole numbers, \(example)")
      }
    }
    return result
  }

  mutating func subtable(_ key: String) throws(ConfigError) -> ConfigTable? {
    allowed.insert(key)
    guard let value = table[key] else { return nil }
    guard let sub = value.table else { throw error(key, "'\(qualified(key))' must be a table ([\(qualified(key))])") }
    return ConfigTable(sub, path: qualified(Self.quotedIfNeeded(key)), source: source)
  }

  /// Every key of the table, in order, for tables whose keys are data (rates, channels).
  var keys: [String] { table.keys.sorted() }

  /// Throws for the first key that no reader asked for: a typo must not be silently ignored.
  func rejectUnknownKeys() throws(ConfigError) {
    for key in table.keys.sorted() where !allowed.contains(key) {
      let known = allowed.sorted().joined(separator: ", ")
      throw error(key, "unknown key '\(qualified(key))'" + (known.isEmpty ? "" : " (known keys here: \(known))"))
    }
  }

  static func quotedIfNeeded(_ key: String) -> String {
    key.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" } ? key : "\"\(key)\""
  }
}

/// The text of the config file, to find the line of a key for messages (TOMLKit gives lines
/// for syntax errors only).
struct ConfigSource {
  let file: String
  let lines: [String]

  init(file: String, text: String) {
    self.file = file
    lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
  }

  /// The line of `key` inside table `path`: its `key = …` line, or the header of its table.
  func line(of key: String, in path: String) -> Int? {
    let full = (path.isEmpty ? ConfigTable.quotedIfNeeded(key) : "\(path).\(ConfigTable.quotedIfNeeded(key))")
      .replacingOccurrences(of: " ", with: "")
    let table = path.replacingOccurrences(of: " ", with: "")
    var current = ""
    for (index, raw) in lines.enumerated() {
      let line = raw.trimmingCharacters(in: .whitespaces)
      if line.hasPrefix("[") {
        current = line.trimmingCharacters(in: CharacterSet(charactersIn: "[] ")).replacingOccurrences(of: " ", with: "")
        if current == full || current.hasPrefix(full + ".") { return index + 1 }
        continue
      }
      guard current == table else { continue }
      let name = line.split(separator: "=", maxSplits: 1).first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
      if name == key || name == "\"\(key)\"" { return index + 1 }
    }
    return nil
  }
}
