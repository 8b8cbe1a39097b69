import CSVStream

/// Every table of the report as a CSV file of its own, for finance's spreadsheet: the cells as
/// the report shows them, the totals rows last, neutralised like `rejects.csv`'s so that no CRM
/// text runs as a formula.
package enum TableFiles {
  /// The folder of the report the tables go into.
  package static let folder = "tables"

  /// One file per table, named by its section (`tables/channels.csv`; a section's second table
  /// is `tables/<section>-2.csv`), in report order.
  package static func files(_ document: ReportDocument) -> [(name: String, bytes: [UInt8])] {
    document.sections.flatMap { section in
      let tables = section.blocks.compactMap { block -> Table? in if case .table(let table) = block { table } else { nil } }
      return tables.enumerated().map { index, table in
        ("\(folder)/\(section.id)\(index == 0 ? "" : "-\(index + 1)").csv", bytes(table))
      }
    }
  }

  /// The table's header, rows and footer as CSV. A figure that could not be computed is an
  /// empty cell (a spreadsheet skips it, where "n/a" would be text among numbers), and a column
  /// whose figures may carry a note has the notes in a column of their own right after it.
  static func bytes(_ table: Table) -> [UInt8] {
    var out: [UInt8] = []
    if let numbers = table.numbers {
      for record in [numbers.columns] + numbers.rows { CSVWriting.append(record: record, to: &out) }
      return out
    }
    CSVWriting.append(record: table.columns.flatMap { $0.notes ? [$0.title, $0.title + ": note"] : [$0.title] }, to: &out)
    for row in table.rows + table.footer {
      let fields = zip(table.columns, row).flatMap { column, cell in
        let text = cell.isUnknown ? "" : cell.text
        return column.notes ? [text, cell.note ?? ""] : [text]
      }
      CSVWriting.append(record: fields, to: &out)
    }
    return out
  }
}
