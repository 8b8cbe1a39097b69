import ReferralAttribution
import ReferralCore

/// The report as a value: sections of headlines, tables and lists, built once from the
/// attribution result and rendered to Markdown and HTML by small pure functions.
package struct ReportDocument: Sendable, Equatable {
  package var title: String
  /// One-paragraph context: period, currency, attribution model.
  package var summary: String
  /// What the reader must know before any figure, in bold under the summary: how little of the
  /// period the data covers (see ``Coverage``); `nil` when nothing needs saying.
  package var notice: String?
  package var sections: [Section]
}

/// One part of the report under its own heading.
package struct Section: Sendable, Equatable {
  package var title: String
  /// A stable anchor for links (`channels`, `data-quality`).
  package var id: String
  package var blocks: [Block]
}

/// What a section is made of.
package enum Block: Sendable, Equatable {
  /// Prose written by the tool (never CRM text).
  case paragraph(String)
  case table(Table)
  /// A bulleted list; items may hold CRM text.
  case list([Text])
  /// Shown when a section has nothing to list.
  case note(String)
  /// A chart (HTML only; its figures are always in a table of the same section too).
  case chart(Chart)
}

/// A piece of text that says where it comes from, so renderers escape CRM text by type.
package struct Text: Sendable, Equatable {
  package enum Part: Sendable, Equatable {
    /// Written by the tool.
    case plain(String)
    /// Came from an input file: escaped by every renderer.
    case data(String)
    /// Emphasised tool text (a figure).
    case strong(String)
    /// A link to another file of the report folder (never to data-derived paths).
    case link(text: String, file: String)
  }

  package var parts: [Part]

  package init(_ parts: [Part]) { self.parts = parts }
  package init(plain: String) { parts = [.plain(plain)] }
}

/// Rows of cells under titled columns; numbers are right-aligned by their column.
package struct Table: Sendable, Equatable {
  package struct Column: Sendable, Equatable {
    package enum Alignment: Sendable, Equatable { case left, right }
    package var title: String
    package var alignment: Alignment
    /// Whether the column's figures may carry a note (a rate too few to judge): `tables/`
    /// gives the notes a column of their own beside it, so that the figures still sum.
    package var notes: Bool

    package init(_ title: String, _ alignment: Alignment = .right, notes: Bool = false) {
      self.title = title
      self.alignment = alignment
      self.notes = notes
    }
  }

  package var columns: [Column]
  package var rows: [[Cell]]
  /// Rows set apart at the bottom (totals).
  package var footer: [[Cell]] = []
  /// What `tables/` writes instead of the cells, when the report's cells are not one plain
  /// number each (a table of several figures per cell).
  package var numbers: PlainTable?
}

/// A table of plain numbers and names for `tables/`: what a spreadsheet sums.
package struct PlainTable: Sendable, Equatable {
  package var columns: [String]
  package var rows: [[String]]
}

/// One table cell: already formatted text, marked as tool text or CRM text.
package struct Cell: Sendable, Equatable {
  package var text: String
  package var isData: Bool
  /// Said after the figure ("too few to judge: 2 won deals", or why it is n/a); `tables/` has
  /// it in the column's note column when the column has `notes`.
  package var note: String?

  package static func plain(_ text: String) -> Cell { Cell(text: text, isData: false) }
  package static func data(_ text: String) -> Cell { Cell(text: text, isData: true) }
  /// A rate with its too-few marker, as ``Format`` writes them.
  package static func rate(_ rate: Rate) -> Cell { Cell(text: Format.rate(rate), isData: false, note: Format.tooFew(rate)) }

  /// A figure that could not be computed, and why: "n/a (no referral revenue)" in the report,
  /// an empty cell in `tables/`.
  package static func unknown(because reason: String) -> Cell { Cell(text: Format.notAvailable, isData: false, note: reason) }

  /// Whether the cell is a figure that could not be computed: n/a in the report, empty in `tables/`.
  var isUnknown: Bool { !isData && text == Format.notAvailable }
  /// The text and its note, as the Markdown report shows them.
  var shown: String { Format.noted(text, note) }
}
