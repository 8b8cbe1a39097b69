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
  public static func quoted(_ field: String, delimiter: Character = ",") -> String {
    let needsQuotes =
      field.first == " " || field.last == " "
      || field.contains { $0 == delimiter || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
    guard needsQuotes else { return field }
    var out = "\""
    for character in field {
      if character == "\"" { out += "\"\"" } else { out.append(character) }
    }
    return out + "\""
  }
}
