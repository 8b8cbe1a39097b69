/// Renders the report as GitHub-flavoured Markdown, for the close-out e-mail.
package enum MarkdownRenderer {
  /// The document as one Markdown page (charts are left out: their figures are in tables).
  package static func render(_ document: ReportDocument) -> String {
    var out = "# \(document.title)\n\n\(document.summary)\n"
    if let notice = document.notice { out += "\n**\(notice)**\n" }
    var part = Part.answer
    for section in document.sections {
      if section.part != part, let heading = section.part.heading { out += "\n# \(heading.title)\n" }
      part = section.part
      out += "\n## \(section.title)\n"
      for block in section.blocks {
        let text = render(block)
        if !text.isEmpty { out += "\n" + text }
      }
    }
    return out
  }

  static func render(_ block: Block) -> String {
    switch block {
    case .paragraph(let text): return text + "\n"
    case .note(let text): return "_\(text)_\n"
    case .linkedNote(let text): return "_\(inline(text))_\n"
    case .list(let items): return items.map { "- " + inline($0) + "\n" }.joined()
    case .table(let table): return render(table)
    case .chart: return ""
    }
  }

  static func render(_ table: Table) -> String {
    func line(_ cells: [String]) -> String { "| " + cells.joined(separator: " | ") + " |\n" }
    var out = line(table.columns.map(\.title))
    out += line(table.columns.map { $0.alignment == .right ? "---:" : ":---" })
    for row in table.rows { out += line(row.map(cell)) }
    for row in table.footer { out += line(row.map { "**\(cell($0))**" }) }
    return out
  }

  static func cell(_ cell: Cell) -> String { cell.isData ? escape(cell.text) : cell.shown }

  static func inline(_ text: Text) -> String {
    text.parts.map { part in
      switch part {
      case .plain(let s): return s
      case .strong(let s): return "**\(s)**"
      case .data(let s): return escape(s)
      case .link(let text, let file): return "[\(text)](\(file))"
      case .section(let title, _): return "[\(title)](#\(anchor(title)))"
      }
    }.joined()
  }

  /// The anchor GitHub gives a heading: lower case, spaces as hyphens, punctuation other than
  /// hyphens and underscores dropped ("Thank-you discipline" → `thank-you-discipline`).
  static func anchor(_ heading: String) -> String {
    String(
      heading.lowercased().compactMap { character -> Character? in
        if character == " " { return "-" }
        return character.isLetter || character.isNumber || character == "-" || character == "_" ? character : nil
      })
  }

  /// CRM text as literal Markdown: characters that start inline markup are escaped everywhere,
  /// those that start a block (`#`, `-`, `+`, `!`, digits with `.`) only at the start; line
  /// breaks become spaces (a table row is one line), and empty text shows as "(empty)".
  package static func escape(_ text: String) -> String {
    if text.isEmpty { return "(empty)" }
    var out = ""
    for character in text {
      switch character {
      case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "~", "&":
        out.append("\\")
        out.append(character)
      case "#", "-", "+", "!", "=":
        if out.isEmpty { out.append("\\") }
        out.append(character)
      case "\n", "\r", "\r\n", "\t": out.append(" ")
      default: out.append(character)
      }
    }
    return out
  }
}
