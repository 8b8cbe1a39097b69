import CSVStream
import ReferralAttribution
import ReferralCore

/// Renders `rejects.csv`: every rejected row, whole (its fields after `reason`), with its file,
/// line and reason. Cells are neutralised so a spreadsheet never runs CRM text as a formula.
public enum RejectsCSV {
  /// The rejects of `result`, sorted by file and line, with a header row.
  public static func render(_ result: AttributionResult) -> String {
    let rejects = result.quality.rejects
    let width = rejects.map(\.fields.count).max() ?? 0
    var out = CSVText.line(["file", "line", "reason"] + (0..<width).map { "field_\($0 + 1)" })
    for reject in rejects {
      out += CSVText.line([reject.file, String(reject.line), reject.reason] + reject.fields)
    }
    return out
  }
}

/// Writing CSV that is safe to open in a spreadsheet.
public enum CSVText {
  /// One CRLF-terminated record; fields quoted when needed, formula-like cells neutralised.
  public static func line(_ fields: [String]) -> String {
    CSVWriting.record(fields.map(neutralise))
  }

  /// Prefixes a cell that a spreadsheet would evaluate (`=`, `+`, `-`, `@`, tab, CR) with `'`.
  public static func neutralise(_ cell: String) -> String {
    guard let first = cell.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) else { return cell }
    return "'" + cell
  }
}
