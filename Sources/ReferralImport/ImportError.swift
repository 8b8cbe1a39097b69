import ReferralCore
import Workbook

/// Why an input stops the run: problems no single row rejection can account for.
package enum ImportError: Error, Equatable, Sendable {
  case unreadable(file: String, reason: String)
  case empty(file: String)
  /// No column for a field the export must have; `closest` is the unread header most like the
  /// names looked for (see ``HeaderLikeness``).
  case missingColumn(file: String, role: InputRole, field: Field, expected: [String], found: [String], closest: String?)
  /// No column for a key field (``RowDecoder/keyColumns``; `fields` are a group of which one
  /// would do), and the config does not declare it absent: the figures would silently mean
  /// something else. `closest` is the unread header most like the names looked for.
  case missingKeyColumn(file: String, role: InputRole, fields: [Field], expected: [String], found: [String], closest: String?)
  case duplicateColumn(file: String, field: String, columns: [Int], header: String)
  case ambiguousDates(file: String, column: String, setting: DateSetting, example: String)
  case mixedDates(file: String, column: String, setting: DateSetting, monthFirstLine: Int, dayFirstLine: Int)
  /// An Excel workbook that cannot be read (or an old `.xls`).
  case workbook(file: String, WorkbookError)
  /// A leads export without `created_at` beside exports that have dates: its leads cannot be
  /// set beside theirs.
  case undatedLeads(file: String)
  /// A row at `line` after `limit` accepted ones, the most the id indexes hold.
  case tooManyRows(file: String, line: Int, limit: Int)
}

/// Where the config sets the format of one date column: `[formats.<role>] <field> = "…"`.
package struct DateSetting: Equatable, Sendable {
  package var role: String
  package var field: String

  package init(role: String, field: String) {
    self.role = role
    self.field = field
  }

  /// The setting as TOML a user can paste (one line: the table, then the key).
  package func toml(_ format: String) -> String { "[formats.\(role)] \(field) = \"\(format)\"" }
}

extension ImportError: CustomStringConvertible {
  /// One line, compiler style: where, what, and what to do.
  package var description: String {
    switch self {
    case .unreadable(let file, let reason):
      return "\(file): error: cannot read the file (\(reason)); check the path and its permissions"
    case .empty(let file):
      return "\(file): error: the file is empty (no header row); export it again"
    case .missingColumn(let file, let role, let field, let expected, let found, let closest):
      let names = expected.map { "'\(Self.shown($0))'" }.joined(separator: " or ")
      let columns = found.map { "'\(Self.shown($0))'" }.joined(separator: ", ")
      let fix =
        closest.map {
          "the closest header is '\(Self.shown($0))': if it holds the \(field.rawValue), map it: \(ColumnNames.mapping(field, role: role, header: $0))"
        }
        ?? "choose the right --preset or map the column under [columns] in the config"
      // A lead list without creation dates can still be reported on as a whole.
      let undated = field == .createdAt ? "; a lead list without dates can be reported on whole with --all" : ""
      return "\(file):1: error: missing column for \(field.rawValue) (looked for \(names)); found \(columns); \(fix)\(undated)"
    case .missingKeyColumn(let file, let role, let fields, let expected, let found, let closest):
      let names = expected.map { "'\(Self.shown($0))'" }.joined(separator: " or ")
      let columns = found.map { "'\(Self.shown($0))'" }.joined(separator: ", ")
      let what = fields.map(\.rawValue).joined(separator: " or ")
      let map = ColumnNames.mapping(fields[0], role: role, header: closest ?? "…")
      let mapping =
        closest.map { "the closest header is '\(Self.shown($0))': if it holds the \(fields[0].rawValue), map it: \(map)" }
        ?? "map the column that holds it: \(map)"
      let absent = fields.map { ColumnNames.absence($0, role: role) }.joined(separator: " and ")
      let (none, it) = fields.count == 1 ? ("none", "it") : ("neither", "both")
      let meaning = role.decoder.absenceMeaning(fields).map { " (\($0))" } ?? ""
      return "\(file):1: error: no column for \(what) (looked for \(names)); found \(columns); \(mapping); "
        + "if the export has \(none)\(meaning), declare \(it): \(absent)"
    case .duplicateColumn(let file, let field, let columns, let header):
      let list = columns.map(String.init).joined(separator: " and ")
      return "\(file):1: error: columns \(list) are both '\(Self.shown(header))', so \(field) is ambiguous; rename or remove one in the export"
    case .ambiguousDates(let file, let column, let setting, let example):
      return "\(file): error: column '\(Self.shown(column))' is ambiguous: every date (e.g. '\(Self.shown(example))') reads as MM/DD/YYYY "
        + "and as DD/MM/YYYY; set its format in the config: \(setting.toml("MM/DD/YYYY")) (or \"DD/MM/YYYY\")"
    case .workbook(let file, let error):
      return "\(file): error: \(error)"
    case .undatedLeads(let file):
      return "\(file):1: error: the leads export has no created_at column, so its leads cannot be set beside the other exports' dates; "
        + "map the creation date under [columns.leads] created_at, or report on the leads export alone with --all"
    case .tooManyRows(let file, let line, let limit):
      return "\(file):\(line): error: the export goes on past \(limit) accepted rows, the most one run holds; "
        + "split it (by year, say) and report on each part"
    case .mixedDates(let file, let column, let setting, let monthFirstLine, let dayFirstLine):
      return "\(file): error: column '\(Self.shown(column))' mixes MM/DD/YYYY (line \(monthFirstLine)) and DD/MM/YYYY "
        + "(line \(dayFirstLine)) dates; fix the export, or set its format in the config: \(setting.toml("MM/DD/YYYY"))"
    }
  }

  /// Export text as it appears in a message: control characters (a line break inside a quoted
  /// header) written as escapes, so the message stays one line.
  static func shown(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else { return text }
    return text.unicodeScalars.map { scalar in
      switch scalar {
      case "\n": "\\n"
      case "\r": "\\r"
      case "\t": "\\t"
      case _ where scalar.properties.generalCategory == .control: "\\u{\(String(scalar.value, radix: 16))}"
      default: String(scalar)
      }
    }.joined()
  }
}
