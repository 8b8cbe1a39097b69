import CSVStream

/// Every table of the report as a CSV file of its own, for finance's spreadsheet: one column per
/// figure, each a plain number in the unit its header names (`Revenue (USD)`, `Win rate
/// (fraction)`), the totals rows last; CRM text neutralised like `rejects.csv`'s so that none
/// runs as a formula, while a number is written as it is.
package enum TableFiles {
  /// The folder of the report the tables go into.
  package static let folder = "tables"

  /// One file per table, named by its section (`tables/channels.csv`; a section's second table
  /// is `tables/<section>-2.csv`), in report order.
  package static func files(_ document: ReportDocument) -> [RenderedFile] {
    tables(document).map { RenderedFile($0.path, bytes: bytes($0.table)) }
  }

  /// The paths of ``files(_:)``, without rendering them.
  package static func paths(_ document: ReportDocument) -> [String] { tables(document).map(\.path) }

  /// The document's tables, each with its file's path.
  private static func tables(_ document: ReportDocument) -> [(path: String, table: Table)] {
    document.sections.flatMap { section in
      let tables = section.blocks.compactMap { block -> Table? in if case .table(let table) = block { table } else { nil } }
      return tables.enumerated().map { index, table in ("\(folder)/\(section.id)\(index == 0 ? "" : "-\(index + 1)").csv", table) }
    }
  }

  /// The table's header, rows and footer as CSV (or its ``Table/numbers``, a table of its own
  /// for a spreadsheet, when the report's table is a cross-tab of several figures). A cell of figures (`12 (21.8%)`) is one
  /// column per figure (`Leads`, `Leads: share (fraction)`); a figure that could not be computed
  /// is an empty cell (a spreadsheet skips it, where "n/a" would be text among numbers); a
  /// column whose figures may carry a note has the notes in a column of their own after it,
  /// and one whose rows hold figures of different units (a table of figure and value) says
  /// each row's unit in a column of its own.
  static func bytes(_ table: Table) -> [UInt8] {
    if let numbers = table.numbers {
      var out: [UInt8] = []
      for record in [numbers.columns] + numbers.rows { CSVWriting.append(record: record, to: &out) }
      return out
    }
    let all = table.rows + table.footer
    let slots = table.columns.indices.map { column in Slot.of(all.map { $0.indices.contains(column) ? $0[column] : .plain("") }) }
    var out: [UInt8] = []
    let header = zip(table.columns, slots).flatMap { column, slots in
      let title = column.dataTitle ?? column.title
      return (slots.isEmpty ? [title] : slots.flatMap { $0.titles(title) }) + (column.notes ? [title + ": note"] : [])
    }
    CSVWriting.append(record: header, to: &out)
    for row in all {
      let fields = zip(zip(table.columns, slots), row).flatMap { columnSlots, cell in
        let (column, slots) = columnSlots
        let text = cell.isUnknown ? "" : cell.text
        // A cell without figures in a column of figures ("not yet", "—") keeps its words in the first.
        let values =
          slots.isEmpty ? [text] : slots.enumerated().flatMap { index, slot in slot.fields(of: cell, text: index == 0 && cell.figures.isEmpty ? text : "") }
        return values + (column.notes ? [cell.note ?? ""] : [])
      }
      CSVWriting.append(record: fields, to: &out)
    }
    return out
  }

  /// One figure's column (or two, with its unit) of a report column: the figures of that part.
  struct Slot {
    var part: String?
    var units: [Figure.Unit]

    /// The slots of a column, in the order the cells give their figures.
    static func of(_ cells: [Cell]) -> [Slot] {
      var slots: [Slot] = []
      for figure in cells.flatMap(\.figures) {
        if let index = slots.firstIndex(where: { $0.part == figure.part }) {
          if !slots[index].units.contains(figure.unit) { slots[index].units.append(figure.unit) }
        } else {
          slots.append(Slot(part: figure.part, units: [figure.unit]))
        }
      }
      return slots
    }

    func titles(_ title: String) -> [String] {
      let name = title + (part.map { ": \($0)" } ?? "")
      return units.count == 1 ? [name + Self.suffix(units[0])] : [name, name + ": unit"]
    }

    func fields(of cell: Cell, text: String) -> [String] {
      let figure = cell.figures.first { $0.part == part }
      let value = figure.map { $0.value ?? "" } ?? text
      return units.count == 1 ? [value] : [value, figure.map { Self.name($0.unit) } ?? ""]
    }

    /// The unit in a header: nothing for a count.
    static func suffix(_ unit: Figure.Unit) -> String {
      if case .count = unit { return "" }
      return " (\(name(unit)))"
    }

    static func name(_ unit: Figure.Unit) -> String {
      switch unit {
      case .count: "count"
      case .money(let currency): currency
      case .fraction: "fraction"
      case .points: "points"
      case .days: "days"
      }
    }
  }
}
