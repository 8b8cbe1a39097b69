import CSVStream
import ReferralAttribution
import ReferralCore

/// Renders `rejects.csv`: every rejected row, whole (its fields after `reason`), with its file,
/// line and reason. Cells are neutralised so a spreadsheet never runs CRM text as a formula.
public enum RejectsCSV {
  /// The rejects of `result`, sorted by file and line, with a header row: the file's UTF-8 bytes.
  public static func bytes(_ result: AttributionResult) -> [UInt8] {
    let rejects = result.quality.rejects
    let width = rejects.map(\.fields.count).max() ?? 0
    var out: [UInt8] = []
    CSVWriting.append(record: ["file", "line", "reason"] + (0..<width).map { "field_\($0 + 1)" }, to: &out)
    for reject in rejects {
      CSVWriting.append(record: [reject.file, String(reject.line), reject.reason] + reject.fields, to: &out)
    }
    return out
  }
}
