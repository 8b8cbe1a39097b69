/// Writing CSV records (RFC 4180): the inverse of the reader, for reports and sample exports.
public enum CSVWriting {
  /// `fields` as one record, quoted where needed, ended with `terminator`.
  public static func record(_ fields: [String], delimiter: Character = ",", terminator: String = "\r\n") -> String {
    var out = ""
    for (index, field) in fields.enumerated() {
      if index > 0 { out.append(delimiter) }
      out += quoted(field, delimiter: delimiter)
    }
    return out + terminator
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
