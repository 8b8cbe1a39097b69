import CSVStream
import ReferralAttribution
import ReferralCore

/// Renders `rejects.csv`: every rejected row, whole, with its file, line and reason, under the
/// column names of the export it came from, so a person can read and fix it in a spreadsheet.
/// Cells are neutralised so a spreadsheet never runs CRM text as a formula.
package enum RejectsCSV {
  /// The file's UTF-8 bytes: the header, then the rejects sorted by file and line.
  ///
  /// Cell by cell into one builder, with the file's column plan and the reason's text taken
  /// again while they are the last row's (the rows are sorted by file, and a currency without a
  /// rate rejects row after row for one reason): 177,000 rejects at 3M leads made an array of
  /// `String`s and a dictionary lookup per row.
  package static func bytes(_ result: AttributionResult) -> [UInt8] {
    let rejects = result.quality.rejects
    let columns = RejectColumns(inputs: result.quality.inputs, rejects: rejects)
    var out = CSVBuilder(capacity: (rejects.count + 1) * 128)
    out.record(["file", "line", "reason"] + columns.names)
    var (planFile, plan): (String?, [Int?]) = (nil, [])
    var (reasonOf, reason): ((problem: RowProblem, role: InputRole)?, String) = (nil, "")
    rejects.forEachRow(in: 0..<rejects.count) { row, fields in
      let (file, problem, role) = (rejects.file(at: row), rejects.problem(at: row), rejects.role(at: row))
      if planFile != file { (planFile, plan) = (file, columns.plan(for: file)) }
      if reasonOf?.problem != problem || reasonOf?.role != role { (reasonOf, reason) = ((problem, role), problem.reason(in: role)) }
      out.cell(file)
      out.append(rejects.line(at: row))
      out.endCell()
      out.cell(reason)
      columns.write(fields, unparsed: rejects.unparsed(at: row), plan: plan, to: &out)
      out.endRecord()
    }
    return out.bytes
  }
}

/// The columns of `rejects.csv` after file, line and reason: every input's header names in
/// order (a name two exports share is one column; a name a header repeats, as often as it
/// does), then the fields past a header's end, then the raw text of rows that could not be
/// split into fields.
struct RejectColumns: Sendable {
  private(set) var names: [String] = []
  /// For each file, the column of each of its header's fields.
  private var slots: [String: [Int]] = [:]
  private var extra: [Int] = []
  private var unparsedColumn: Int?

  init(inputs: [InputAccount], rejects: RejectedRows) {
    var index: [String: [Int]] = [:]  // name → its columns, one per repeat
    let filesWithRejects = Set(rejects.files)
    for input in inputs where slots[input.file] == nil && filesWithRejects.contains(input.file) {
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
    var overflow = 0
    for file in filesWithRejects { overflow = max(overflow, rejects.mostFields(in: file) - (slots[file]?.count ?? 0)) }
    for number in 0..<max(0, overflow) {
      names.append("(extra field \(number + 1))")
      extra.append(names.count - 1)
    }
    if rejects.hasUnparsedRows {
      names.append("(unparsed line)")
      unparsedColumn = names.count - 1
    }
  }

  /// For each column, the field of a row of `file` that goes under it (`nil`: none): its
  /// header's fields, then the extra fields past its end.
  func plan(for file: String) -> [Int?] {
    var plan: [Int?] = Array(repeating: nil, count: names.count)
    let own = slots[file] ?? []
    for (position, column) in own.enumerated() { plan[column] = position }
    for (number, column) in extra.enumerated() { plan[column] = own.count + number }
    return plan
  }

  /// The cells of a rejected row, `fields`, each under its column (`plan` is its file's), or
  /// its raw text under the unparsed column for a row that could not be split.
  func write(_ fields: RejectedFields, unparsed: Bool, plan: [Int?], to out: inout CSVBuilder) {
    if unparsed, let unparsedColumn {
      for column in names.indices {
        if column == unparsedColumn {
          for field in 0..<fields.count { out.append(fields[field]) }
        }
        out.endCell()
      }
      return
    }
    for field in plan {
      if let field, field < fields.count { out.append(fields[field]) }
      out.endCell()
    }
  }
}
