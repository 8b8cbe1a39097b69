/// Why one row was rejected: typed from the decoder that found it to the data-quality section,
/// which counts rejects by ``summary``; ``reason`` is the `reason` column of `rejects.csv`.
///
/// Indirect: a decoder returns one per row, nearly always `nil`, and an inline payload of two
/// strings made every return a copy of some 70 bytes; boxed, it is one word.
package indirect enum RowProblem: Error, Equatable, Hashable, Sendable {
  case ragged(found: Int, expected: Int)
  /// A quoted field never closed; the lines after this one were read as rows again.
  case unterminatedQuote
  /// The row is longer than the limit (its text was cut).
  case tooLong(limit: Int)
  case nulByte
  case invalidUTF8
  /// U+FEFF inside the data: usually two exports concatenated.
  case byteOrderMark
  case repeatedHeader
  case missing(Field)
  case duplicate(Field, String, firstLine: Int)
  case badDate(Field, String, expected: String?)
  case badAmount(Field, String)
  case tooLarge(Field, String)
  case negativeAmount(Field, String)
  case unknownStage(String)
  /// A yes/no column (Salesforce's `Won` and `Closed`) holding neither.
  case badFlag(Field, String)
  case unknownKind(String)
  case noRate(String)
  case missingCloseDate(DealOutcome)
  /// A feedback score that is not a whole number on the survey's scale: the value, and the
  /// scale's name and ends (`nps`, 0, 10).
  case badScore(String, scale: String, lowest: Int, highest: Int)

  /// The whole reason, with the value it is about and, where the config can fix it, the fix
  /// for a file of `role` (see ``fix(in:)``).
  package func reason(in role: InputRole) -> String {
    guard let fix = fix(in: role) else { return problem }
    return "\(problem) (\(fix))"
  }

  /// The config setting that fixes this problem in a file of `role`, written as TOML a user can
  /// paste (`[table] key = value`: the table's header, then the line); `<…>` marks what only the
  /// user knows. `nil` when only the export can be fixed.
  package func fix(in role: InputRole) -> String? {
    switch self {
    case .invalidUTF8: "for a Windows-1252 export set [formats.\(role.rawValue)] encoding = \"windows-1252\""
    case .unknownStage(let value): Self.stagesFix([(value, 1)])
    case .noRate(let currency): "add its rate to the reporting currency under [rates], e.g. [rates] \(Self.tomlKey(currency)) = <rate>"
    case .badScore(_, let scale, _, _):
      "if the survey is on the other scale set [feedback] scale = \(scale == "nps" ? "\"csat\"" : "\"nps\"")"
    default: nil
    }
  }

  /// The fix for every unknown stage of one file at once, as the data-quality section and the
  /// run's error give it: one `[stages]` line to paste that names them all, most rows first,
  /// with how many rows each holds (a pipeline of ten custom stages is one edit, not ten runs).
  /// One unknown stage has the fix of its row.
  package static func stagesFix(_ unknown: [(value: String, rows: Int)]) -> String {
    if unknown.count == 1 { return "add it to won, lost or open under [stages], e.g. [stages] open = [\"\(tomlEscaped(unknown[0].value))\"]" }
    let sorted = unknown.sorted { ($1.rows, $0.value) < ($0.rows, $1.value) }
    let values = sorted.map { "\"\(tomlEscaped($0.value))\"" }.joined(separator: ", ")
    let counts = sorted.map { "\($0.value) \($0.rows)" }.joined(separator: ", ")
    return "add them to won, lost or open under [stages], e.g. [stages] open = [\(values)] (rows: \(counts))"
  }

  /// `text` inside a TOML basic string.
  private static func tomlEscaped(_ text: String) -> String {
    String(text.flatMap { $0 == "\\" || $0 == "\"" ? ["\\", $0] : [$0] })
  }

  /// `key` as a TOML key: bare when it can be, quoted otherwise.
  private static func tomlKey(_ key: String) -> String {
    let bare =
      !key.isEmpty && key.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == "-") }
    return bare ? key : "\"\(tomlEscaped(key))\""
  }

  /// What is wrong with the row, with the value it is about.
  private var problem: String {
    switch self {
    case .ragged(let found, let expected): return "row has \(found) fields, the header has \(expected)"
    case .unterminatedQuote: return "unterminated quote: a quoted field never closes; the lines after this one were read as rows again"
    case .tooLong(let limit): return "row longer than \(limit) bytes (its text was cut)"
    case .nulByte: return "contains a NUL byte"
    case .invalidUTF8: return "invalid UTF-8"
    case .byteOrderMark: return "a byte-order mark inside the data (were two exports concatenated?)"
    case .repeatedHeader: return "the header row again (were two exports concatenated?)"
    case .missing(let field): return "missing \(field.rawValue)"
    case .duplicate(let field, let value, let line): return "duplicate \(field.rawValue) '\(value)' (first on line \(line))"
    case .badDate(let field, let value, let expected):
      return "unparseable or impossible \(field.rawValue) '\(value)'" + (expected.map { " (expected \($0))" } ?? "")
    case .badAmount(let field, let value): return "unparseable \(field.rawValue) '\(value)'"
    case .tooLarge(let field, let value): return "implausibly large \(field.rawValue) '\(value)'"
    case .negativeAmount(let field, let value): return "negative \(field.rawValue) '\(value)'"
    case .unknownStage(let value): return "unknown stage '\(value)'"
    case .badFlag(let field, let value): return "unparseable \(field.rawValue) '\(value)' (expected true or false, 1 or 0)"
    case .unknownKind(let value): return "unknown payout kind '\(value)' (expected fee or gift)"
    case .noRate(let currency): return "no exchange rate for currency '\(currency)'"
    case .missingCloseDate(let outcome): return "missing closed_at for a \(outcome.rawValue) deal"
    case .badScore(let value, let scale, let lowest, let highest):
      return "score '\(value)' is not a whole number from \(lowest) to \(highest) (the \(scale) scale)"
    }
  }

  /// The kind of problem, without the values of one row: rejects with the same summary are
  /// one reason in the data-quality section ("wrong number of fields", "duplicate lead_id").
  package var summary: String {
    switch self {
    case .ragged: return "wrong number of fields"
    case .unterminatedQuote: return "unterminated quote"
    case .tooLong(let limit): return "row longer than \(limit) bytes"
    case .nulByte, .invalidUTF8, .byteOrderMark, .repeatedHeader, .missing, .missingCloseDate: return problem
    case .duplicate(let field, _, _): return "duplicate \(field.rawValue)"
    case .badDate(let field, _, _): return "unparseable or impossible \(field.rawValue)"
    case .badAmount(let field, _): return "unparseable \(field.rawValue)"
    case .tooLarge(let field, _): return "implausibly large \(field.rawValue)"
    case .negativeAmount(let field, _): return "negative \(field.rawValue)"
    case .unknownStage: return "unknown stage"
    case .badFlag(let field, _): return "unparseable \(field.rawValue)"
    case .unknownKind: return "unknown payout kind"
    case .noRate(let currency): return "no exchange rate for currency '\(currency)'"
    case .badScore(_, let scale, _, _): return "score not on the \(scale) scale"
    }
  }

  /// Whether the row kept its line's raw text as one field, not the fields it was meant to
  /// have (the parser could not finish it).
  package var leftRowUnsplit: Bool {
    switch self {
    case .unterminatedQuote, .tooLong: true
    default: false
    }
  }
}
