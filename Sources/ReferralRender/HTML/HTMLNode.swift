/// A piece of HTML or SVG built from values: text is escaped when rendered, attributes too, so
/// CRM text can never become markup. The only unescaped content is a compile-time literal
/// (`StaticString`: the stylesheet), which no data can reach.
package struct HTMLNode: Sendable, Equatable {
  enum Content: Sendable, Equatable {
    case element(name: String, attributes: [(String, String)], children: [HTMLNode], end: End)
    case text(String)
    case literal(String)

    static func == (lhs: Content, rhs: Content) -> Bool { HTMLNode(lhs).rendered == HTMLNode(rhs).rendered }
  }

  /// How an element ends: with an end tag, not at all (HTML void elements), or self-closed
  /// (SVG shapes: in foreign content `<rect>` without `/>` would stay open).
  enum End: Sendable, Equatable { case tag, none, selfClosing }

  let content: Content

  init(_ content: Content) { self.content = content }

  /// An element; attribute names are written by the tool, their values are escaped.
  package static func element(_ name: String, _ attributes: [(String, String)] = [], _ children: [HTMLNode] = []) -> HTMLNode {
    HTMLNode(.element(name: name, attributes: attributes, children: children, end: .tag))
  }

  /// An element without content or end tag (`meta`, `br`).
  package static func void(_ name: String, _ attributes: [(String, String)] = []) -> HTMLNode {
    HTMLNode(.element(name: name, attributes: attributes, children: [], end: .none))
  }

  /// An SVG element without content (`rect`, `line`, `polyline`).
  package static func shape(_ name: String, _ attributes: [(String, String)] = []) -> HTMLNode {
    HTMLNode(.element(name: name, attributes: attributes, children: [], end: .selfClosing))
  }

  package static func text(_ text: String) -> HTMLNode { HTMLNode(.text(text)) }

  /// Source text written into the program itself, inserted as is.
  package static func literal(_ text: StaticString) -> HTMLNode { HTMLNode(.literal(text.description)) }

  package var rendered: String {
    var out = ""
    render(into: &out)
    return out
  }

  func render(into out: inout String) {
    switch content {
    case .text(let text): out += Self.escape(text)
    case .literal(let text): out += text
    case .element(let name, let attributes, let children, let end):
      out += "<" + name
      for (key, value) in attributes { out += " \(key)=\"\(Self.escape(value))\"" }
      out += end == .selfClosing ? "/>" : ">"
      if end != .tag { return }
      for child in children { child.render(into: &out) }
      out += "</\(name)>"
    }
  }

  /// `&`, `<`, `>`, `"` and `'` as character references: safe in text and in quoted attributes.
  package static func escape(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for character in text {
      switch character {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      default: out.append(character)
      }
    }
    return out
  }
}
