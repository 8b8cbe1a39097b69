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
  /// Where the section stands in the report; ``ReportBuilder/build(_:)`` places each.
  package var part: Part = .answer
}

/// The report's parts, in reading order: the answer on the first screen, then what to do, the
/// analysis, and the deep sections in an appendix.
package enum Part: Sendable, Equatable, CaseIterable {
  /// The first screen: a failed check and the exports' notices, then the answer.
  case answer
  /// The full action list and the lists to work: who to ask, thank, pay.
  case work
  case analysis
  /// Cohorts, chains, advocates, the thank-you effect, data quality in detail.
  case appendix

  /// The part's heading (the answer has none: it is the report's top), and its anchor.
  package var heading: (title: String, id: String)? {
    switch self {
    case .answer: nil
    case .work: ("What to do", "part-work")
    case .analysis: ("Analysis", "part-analysis")
    case .appendix: ("Appendix: the deep sections", "part-appendix")
    }
  }
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
  /// A note that refers to other sections (its links are ``Text/Part/section(title:id:)``).
  case linkedNote(Text)
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
    /// A link to a section of the report, named by its title: an anchor in HTML, the
    /// heading's anchor in Markdown.
    case section(title: String, id: String)
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
    /// The column's name in `tables/` when the title says how the report writes its figures
    /// ("Leads (share)"), which `tables/` writes as columns of their own; `nil`: the title.
    package var dataTitle: String?

    package init(_ title: String, _ alignment: Alignment = .right, notes: Bool = false, data dataTitle: String? = nil) {
      self.title = title
      self.alignment = alignment
      self.notes = notes
      self.dataTitle = dataTitle
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

/// One figure of a cell as `tables/` writes it: a plain number in its unit, so that a
/// spreadsheet can sum it (`4090.00`, `0.218`), where the report shows `$4,090.00 (4.2%)`.
package struct Figure: Sendable, Equatable {
  /// What the number counts, named in the column's header in `tables/`.
  package enum Unit: Sendable, Equatable {
    case count
    /// Money in the reporting currency, two decimals: "Revenue (USD)".
    case money(currency: String)
    /// A share, rate or ratio as a fraction (0.218 for 21.8%), as in `summary.json`.
    case fraction
    /// A change of a rate in percentage points (-11.5).
    case points
    case days
  }

  /// The number as written; `nil`: unknown (an empty cell).
  package var value: String?
  package var unit: Unit
  /// What the figure is of the column, when the column holds more than one ("share").
  package var part: String?

  package init(_ value: String?, _ unit: Unit, part: String? = nil) {
    self.value = value
    self.unit = unit
    self.part = part
  }

  /// A double as `summary.json` writes it: shortest exact text, no exponent for a whole number.
  static func number(_ value: Double?) -> String? {
    guard let value, value.isFinite else { return nil }
    return value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : value.description
  }

  static func fraction(_ value: Double?, part: String? = nil) -> Figure { Figure(number(value), .fraction, part: part) }
}

/// One table cell: already formatted text, marked as tool text or CRM text, with its figures
/// as plain numbers for `tables/`.
package struct Cell: Sendable, Equatable {
  package var text: String
  package var isData: Bool
  /// Said after the figure ("too few to judge: 2 won deals", or why it is n/a); `tables/` has
  /// it in the column's note column when the column has `notes`.
  package var note: String?
  /// The figures the text shows, each a column of its own in `tables/`; empty for text.
  package var figures: [Figure] = []

  package static func plain(_ text: String) -> Cell { Cell(text: text, isData: false) }
  package static func data(_ text: String) -> Cell { Cell(text: text, isData: true) }
  /// A rate with its too-few marker, as ``Format`` writes them.
  package static func rate(_ rate: Rate) -> Cell {
    Cell(text: Format.rate(rate), isData: false, note: Format.tooFew(rate), figures: [.fraction(rate.value)])
  }
  /// A share, rate or ratio: `21.8%`.
  package static func fraction(_ value: Double?) -> Cell { Cell(text: Format.rate(value), isData: false, figures: [.fraction(value)]) }
  /// ROI as a percentage of the cost: `140%`.
  package static func roi(_ value: Double?) -> Cell { Cell(text: Format.roi(value), isData: false, figures: [.fraction(value)]) }
  package static func count(_ value: Int?) -> Cell { Cell(text: Format.count(value), isData: false, figures: [Figure(value.map(String.init), .count)]) }
  package static func money(_ value: Money?, currency: MoneyStyle) -> Cell {
    Cell(text: Format.money(value, currency: currency), isData: false, figures: [Figure(value?.description, .money(currency: currency.currency))])
  }
  package static func days(_ value: Double?) -> Cell { Cell(text: Format.days(value), isData: false, figures: [Figure(Figure.number(value), .days)]) }
  /// The change of a rate in points: `+3.0 pts`.
  package static func points(_ now: Double?, _ before: Double?) -> Cell {
    let points = now.flatMap { now in before.map { (now - $0) * 100 } }
    return Cell(text: Format.pointChange(now, before), isData: false, figures: [Figure(Figure.number(points), .points)])
  }
  /// The relative change of a count or sum as a fraction (`+9.1%` is 0.091); "new" is empty.
  package static func change(_ now: Double?, _ before: Double?) -> Cell {
    let change = now.flatMap { now in before.flatMap { $0 == 0 ? (now == 0 ? 0 : nil) : (now - $0) / abs($0) } }
    return Cell(text: Format.relativeChange(now, before), isData: false, figures: [.fraction(change)])
  }

  /// No figure because there is nothing to measure against (no target set): "—" in the report,
  /// an empty cell in `tables/`.
  package static func none(_ unit: Figure.Unit) -> Cell { Cell(text: "—", isData: false, figures: [Figure(nil, unit)]) }

  /// A figure that could not be computed, and why: "n/a (no referral revenue)" in the report,
  /// an empty cell in `tables/`, whose header still names the figure's `unit`.
  package static func unknown(because reason: String, as unit: Figure.Unit? = nil) -> Cell {
    Cell(text: Format.notAvailable, isData: false, note: reason, figures: unit.map { [Figure(nil, $0)] } ?? [])
  }

  /// Whether the cell is a figure that could not be computed: n/a in the report, empty in `tables/`.
  var isUnknown: Bool { !isData && text == Format.notAvailable }
  /// The text and its note, as the Markdown report shows them.
  var shown: String { Format.noted(text, note) }
}
