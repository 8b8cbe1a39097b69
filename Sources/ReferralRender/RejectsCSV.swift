import CSVStream
import ReferralAttribution
import ReferralCore

/// Renders `rejects.csv`: every rejected row, whole, with its file, line and reason, under the
/// column names of the export it came from, so a person can read and fix it in a spreadsheet.
/// Cells are neutralised so a spreadsheet never runs CRM text as a formula.
public enum RejectsCSV {
  /// The rejects of `result`, sorted by file and line, with a header row: the file's UTF-8 bytes.
  public static func bytes(_ result: AttributionResult) -> [UInt8] {
    let rejects = result.quality.rejects
    let columns = RejectColumns(inputs: result.quality.inputs, rejects: rejects)
    var out: [UInt8] = []
    CSVWriting.append(record: ["file", "line", "reason"] + columns.names, to: &out)
    for reject in rejects {
      CSVWriting.append(record: [reject.file, String(reject.line), reject.reason] + columns.cells(of: reject), to: &out)
    }
    return out
  }
}

/// The columns of `rejects.csv` after file, line and reason: every input's header names in
/// order (a name two exports share is one column; a name a header repeats, as often as it
/// does), then the fields past a header's end, then the raw text of rows that could not be
/// split into fields.
struct RejectColumns {
  private(set) var names: [String] = []
  /// For each file, the column of each of its header's fields.
  private var slots: [String: [Int]] = [:]
  private var extra: [Int] = []
  private var unparsedColumn: Int?

  init(inputs: [InputAccount], rejects: [Reject]) {
    var index: [String: [Int]] = [:]  // name → its columns, one per repeat
    for input in inputs where slots[input.file] == nil && rejects.contains(where: { $0.file == input.file }) {
      var seen: [String: Int] = [:]
      slots[input.file] = input.columns.enumerated().map { position, raw in
        let name = raw.isEmpty ? "(column \(position + 1))" : raw
        let occurrence = seen[name, default: 0]
        seen[name] = occurrence + 1
        if let columns = index[name], occurrence < columns.count { return columns[occurrence] }
        names.append(name)
        index[name, default: []].append(names.count - 1)
        return names.count - 1
      }
    }
    let overflow = rejects.filter { !$0.unparsed }.map { $0.fields.count - (slots[$0.file]?.count ?? 0) }.max() ?? 0
    for number in 0..<max(0, overflow) {
      names.append("(extra field \(number + 1))")
      extra.append(names.count - 1)
    }
    if rejects.contains(where: \.unparsed) {
      names.append("(unparsed line)")
      unparsedColumn = names.count - 1
    }
  }

  /// The cells of `reject`'s row, each under its column.
  func cells(of reject: Reject) -> [String] {
    var cells = Array(repeating: "", count: names.count)
    if reject.unparsed, let unparsedColumn {
      cells[unparsedColumn] = reject.fields.joined()
      return cells
    }
    let own = slots[reject.file] ?? []
    for (position, field) in reject.fields.enumerated() {
      cells[position < own.count ? own[position] : extra[position - own.count]] = field
    }
    return cells
  }
}
