/// Writing CSV records (RFC 4180): the inverse of the reader, for reports and sample exports.
/// Every CSV the tool writes goes through ``record(_:delimiter:terminator:)``, so no cell can
/// reach a spreadsheet as a formula.
public enum CSVWriting {
  /// `fields` as one record, neutralised and quoted where needed, ended with `terminator`.
  public static func record(_ fields: [String], delimiter: Character = ",", terminator: String = "\r\n") -> String {
    var out = ""
    for (index, field) in fields.enumerated() {
      if index > 0 { out.append(delimiter) }
      out += quoted(neutralised(field), delimiter: delimiter)
    }
    return out + terminator
  }

  /// Prefixes a cell that a spreadsheet would evaluate (`=`, `+`, `-`, `@`, tab, CR) with `'`.
  public static func neutralised(_ cell: String) -> String {
    guard let first = cell.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) else { return cell }
    return "'" + cell
  }

  /// The field, in quotes (inner quotes doubled) when it holds the delimiter, a quote, a line
  /// break, or spaces at either end that a reader would trim.
  /// Looked at as UTF-8 bytes: the delimiters are ASCII, and characters would cost grapheme
  /// breaking per cell.
  public static func quoted(_ field: String, delimiter: Character = ",") -> String {
    let separator = delimiter.asciiValue ?? 0x2C
    let bytes = field.utf8
    let needsQuotes =
      bytes.first == 0x20 || bytes.last == 0x20 || bytes.contains { $0 == separator || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
    guard needsQuotes else { return field }
    return "\"" + field.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
  }
}
