/// Renders the report as one self-contained HTML page: inline CSS and SVG, no script, no web
/// fonts, nothing fetched. Every piece of CRM text goes through ``HTMLNode/text(_:)``.
package enum HTMLRenderer {
  /// The document as one HTML5 page.
  package static func render(_ document: ReportDocument) -> String {
    var chartCount = 0
    func render(_ section: Section) -> HTMLNode {
      HTMLNode.element(
        "section", [("id", section.id)],
        [.element("h2", [], [.text(section.title)])]
          + section.blocks.map { block in
            if case .chart = block { chartCount += 1 }
            return Self.render(block, section: section.id, chartID: "chart-\(chartCount)")
          })
    }
    // The answer first, then the contents by part (a long list of links would push the answer
    // off the first screen), then the other parts under their headings.
    let parts = Part.allCases.map { part in (part, document.sections.filter { $0.part == part }) }.filter { !$0.1.isEmpty }
    let navigation = HTMLNode.element(
      "nav", [("aria-label", "Sections")],
      [
        .element(
          "ul", [],
          parts.map { part, sections in
            let links = HTMLNode.element("ul", [], sections.map { .element("li", [], [.element("a", [("href", "#\($0.id)")], [.text($0.title)])]) })
            return .element("li", [], (part.heading.map { [.element("a", [("href", "#\($0.id)")], [.text($0.title)])] } ?? []) + [links])
          })
      ])
    var body: [HTMLNode] = []
    for (part, sections) in parts {
      if let heading = part.heading { body.append(.element("h2", [("class", "part"), ("id", heading.id)], [.text(heading.title)])) }
      body += sections.map(render)
      if part == .answer { body.append(navigation) }
    }
    let page = HTMLNode.element(
      "html", [("lang", "en")],
      [
        .element(
          "head", [],
          [
            .void("meta", [("charset", "utf-8")]),
            .void("meta", [("name", "viewport"), ("content", "width=device-width, initial-scale=1")]),
            .element("title", [], [.text(document.title)]),
            .element("style", [], [.literal(Stylesheet.css)]),
          ]),
        .element(
          "body", [],
          [
            .element(
              "main", [],
              [
                .element("header", [], [.element("h1", [], [.text(document.title)]), .element("p", [], [.text(document.summary)])])
              ]
                // Below the header, whose muted text it must not share.
                + (document.notice.map { [.element("p", [], [.element("strong", [], [.text($0)])])] } ?? []) + body + [
                  .element("footer", [], [.text("Made by referral-report from CRM exports; every figure is also in summary.json.")])
                ])
          ]),
      ])
    return "<!DOCTYPE html>\n" + page.rendered + "\n"
  }

  static func render(_ block: Block, section: String, chartID: String) -> HTMLNode {
    switch block {
    case .paragraph(let text): return .element("p", [], [.text(text)])
    case .note(let text): return .element("p", [("class", "note")], [.text(text)])
    case .linkedNote(let text): return .element("p", [("class", "note")], inline(text))
    case .list(let items):
      return .element("ul", section == "actions" || section == "at-a-glance" ? [("class", "actions")] : [], items.map { .element("li", [], inline($0)) })
    case .table(let table): return render(table)
    case .chart(let chart):
      return .element("figure", [], [.element("figcaption", [], [.text(chart.title)]), SVGChart.render(chart, id: chartID)])
    }
  }

  static func inline(_ text: Text) -> [HTMLNode] {
    text.parts.map { part in
      switch part {
      case .plain(let s), .data(let s): return .text(s)
      case .strong(let s): return .element("strong", [], [.text(s)])
      case .link(let text, let file): return .element("a", [("href", file)], [.text(text)])
      case .section(let title, let id): return .element("a", [("href", "#" + id)], [.text(title)])
      }
    }
  }

  /// Tables wider than this many columns become one card per row on a phone (see
  /// ``Stylesheet``): each cell then says its column's title itself. Five columns of figures
  /// and names are already wider than a 390 px phone (the ask list by 101 px).
  static let cardColumns = 4

  static func render(_ table: Table) -> HTMLNode {
    let wide = table.columns.count > cardColumns
    func cells(_ row: [Cell], tag: String) -> HTMLNode {
      .element(
        "tr", [],
        zip(table.columns, row).map { column, cell in
          let kind = column.alignment == .right ? "num" : (cell.isData ? "text" : "")
          var attributes = kind.isEmpty ? [] : [("class", kind)]
          if wide { attributes.append(("data-label", column.title)) }
          // A note goes on a line of its own under the figure, where it may wrap: a column of
          // figures stays as narrow as its figures.
          let note = cell.note.map { [HTMLNode.text(" "), .element("small", [("class", "marker")], [.text(Format.note($0))])] } ?? []
          return .element(tag, attributes, [.text(cell.isData && cell.text.isEmpty ? "(empty)" : cell.text)] + note)
        })
    }
    var children: [HTMLNode] = [
      .element(
        "thead", [],
        [
          .element(
            "tr", [],
            table.columns.map { .element("th", $0.alignment == .right ? [("class", "num"), ("scope", "col")] : [("scope", "col")], [.text($0.title)]) })
        ]),
      .element("tbody", [], table.rows.map { cells($0, tag: "td") }),
    ]
    if !table.footer.isEmpty { children.append(.element("tfoot", [], table.footer.map { cells($0, tag: "td") })) }
    return .element("div", [("class", "table-wrap")], [.element("table", wide ? [("class", "wide")] : [], children)])
  }
}
