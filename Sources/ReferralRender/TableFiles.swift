import CSVStream

/// Every table of the report as a CSV file of its own, for finance's spreadsheet: the cells as
/// the report shows them, the totals rows last, neutralised like `rejects.csv`'s so that no CRM
/// text runs as a formula.
public enum TableFiles {
  /// The folder of the report the tables go into.
  public static let folder = "tables"

  /// One file per table, named by its section (`tables/channels.csv`; a section's second table
  /// is `tables/<section>-2.csv`), in report order.
  public static func files(_ document: ReportDocument) -> [(name: String, bytes: [UInt8])] {
    document.sections.flatMap { section in
      let tables = section.blocks.compactMap { block -> Table? in if case .table(let table) = block { table } else { nil } }
      return tables.enumerated().map { index, table in
        ("\(folder)/\(section.id)\(index == 0 ? "" : "-\(index + 1)").csv", bytes(table))
      }
    }
  }

  /// The table's header, rows and footer as CSV.
  static func bytes(_ table: Table) -> [UInt8] {
    var out: [UInt8] = []
    CSVWriting.append(record: table.columns.map(\.title), to: &out)
    for row in table.rows + table.footer { CSVWriting.append(record: row.map(\.text), to: &out) }
    return out
  }
}
