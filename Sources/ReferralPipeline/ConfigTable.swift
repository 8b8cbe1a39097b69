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

  /// A string that is not blank: an empty path, header, sheet or name means nothing, and an
  /// empty `output` would put the report at the root of the file system.
  mutating func string(_ key: String) throws(ConfigError) -> String? {
    allowed.insert(key)
    guard let value = table[key] else { return nil }
    guard let string = value.string else {
      throw error(key, "'\(qualified(key))' must be a string, e.g. \(key) = \"…\", not \(Self.shown(value))")
    }
    guard !string.allSatisfy(\.isWhitespace) else {
      throw error(key, "'\(qualified(key))' must be a string that is not empty, not \(Self.shown(value))")
    }
    return string
  }

  /// A number (written as a whole number or not) inside `range`: NaN, the infinities and
  /// anything huge are outside every range a setting has (see ``ConfigLimits``).
  mutating func number(_ key: String, in range: ClosedRange<Double>, what: String = "a number") throws(ConfigError) -> Double? {
    allowed.insert(key)
    guard let value = table[key] else { return nil }
    let allowed = "'\(qualified(key))' must be \(what) from \(Self.plain(range.lowerBound)) to \(Self.plain(range.upperBound))"
    guard let number = value.double ?? value.int.map(Double.init), range.contains(number) else {
      throw error(key, "\(allowed), not \(Self.shown(value))")
    }
    return number
  }

  /// A whole number inside `range` (see ``ConfigLimits``).
  mutating func integer(_ key: String, in range: ClosedRange<Int>) throws(ConfigError) -> Int? {
    allowed.insert(key)
    guard let value = table[key] else { return nil }
    guard let int = value.int, range.contains(int) else {
      throw error(key, "'\(qualified(key))' must be a whole number from \(range.lowerBound) to \(range.upperBound), not \(Self.shown(value))")
    }
    return int
  }

  mutating func bool(_ key: String) throws(ConfigError) -> Bool? {
    allowed.insert(key)
    guard let value = table[key] else { return nil }
    guard let bool = value.bool else { throw error(key, "'\(qualified(key))' must be true or false, not \(Self.shown(value))") }
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
    if let string = value.string {
      guard !string.allSatisfy(\.isWhitespace) else {
        throw error(key, "'\(qualified(key))' must be a string that is not empty, not \(Self.shown(value))")
      }
      return .header(string)
    }
    guard value.bool == false else {
      throw error(key, "'\(qualified(key))' must be the column's header, e.g. \(key) = \"…\", or false when the export has no such column")
    }
    return .absent
  }

  mutating func strings(_ key: String) throws(ConfigError) -> [String]? {
    allowed.insert(key)
    guard let value = table[key] else { return nil }
    let example = "e.g. [\"a\", \"b\"]"
    guard let array = value.array else { throw error(key, "'\(qualified(key))' must be a list of strings, \(example), not \(Self.shown(value))") }
    var result: [String] = []
    for item in array {
      guard let string = item.string, !string.allSatisfy(\.isWhitespace) else {
        throw error(key, "'\(qualified(key))' must be a list of strings that are not empty, \(example), not one holding \(Self.shown(item))")
      }
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
    guard let array = value.array else {
      throw error(key, "'\(qualified(key))' must be a list of stage values, \(example), not \(Self.shown(value))")
    }
    var result: [String] = []
    for item in array {
      if let string = item.string {
        result.append(string)
      } else if let int = item.int {
        result.append(String(int))
      } else {
        throw error(key, "'\(qualified(key))' must hold strings or whole numbers, \(example), not \(Self.shown(item))")
      }
    }
    return result
  }

  mutating func subtable(_ key: String) throws(ConfigError) -> ConfigTable? {
    allowed.insert(key)
    guard let value = table[key] else { return nil }
    guard let sub = value.table else {
      throw error(key, "'\(qualified(key))' must be a table ([\(qualified(key))]), not \(Self.shown(value))")
    }
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

  /// A value as the message quotes it: a string in quotes, a number as TOML writes it (`nan`,
  /// `inf`, `1e+308`), a list or a table by its kind (their contents can be long).
  static func shown(_ convertible: any TOMLValueConvertible) -> String {
    let value = convertible.tomlValue
    switch value.type {
    case .string: return "\"\(value.string ?? "")\""
    case .int: return value.int.map { String($0) } ?? "?"
    case .double:
      // `4.0` stays `4.0`, so "must be a whole number …, not 4.0" says what is wrong.
      guard let double = value.double else { return "?" }
      let text = plain(double)
      return text.allSatisfy({ $0.isNumber || $0 == "-" }) ? text + ".0" : text
    case .bool: return value.bool.map { String($0) } ?? "?"
    case .array: return "a list"
    case .table: return "a table"
    case .date, .time, .dateTime: return "a date or time"
    }
  }

  /// A number as a person writes it: `0`, `1.5`, `0.000001`, `1000000`; `nan`, `inf` and
  /// `-inf` as TOML does, and the very large or small in exponent form (`1e+308`).
  static func plain(_ number: Double) -> String {
    if number.isNaN { return "nan" }
    if number.isInfinite { return number < 0 ? "-inf" : "inf" }
    if number == number.rounded(), abs(number) < 1e15 { return String(Int64(number)) }
    if abs(number) >= 1e-6, abs(number) < 1e15 {
      var text = String(format: "%.6f", number)
      while text.hasSuffix("0") { text.removeLast() }
      return text
    }
    return String(number)
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
    // Compared without spaces and quotes: `[fees."Referral"]` and `[fees.Referral]` are one table.
    func bare(_ text: String) -> String { text.filter { $0 != " " && $0 != "\"" } }
    let full = bare(path.isEmpty ? key : "\(path).\(key)")
    let table = bare(path)
    var current = ""
    for (index, raw) in lines.enumerated() {
      let line = raw.trimmingCharacters(in: .whitespaces)
      if line.hasPrefix("[") {
        current = bare(line.trimmingCharacters(in: CharacterSet(charactersIn: "[] ")))
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
