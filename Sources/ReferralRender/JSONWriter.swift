import ReferralCore

/// Writes pretty-printed JSON (two-space indentation, keys in the order written) straight into
/// text, as the renderer walks the result: `summary.json` lists every unpaid fee, missed
/// thank-you and customer to ask, tens of thousands of objects for a large export, and a tree
/// of values built first cost several times more than writing them.
struct JSONWriter {
  private var text = ""
  private var depth = 0
  /// Whether the innermost open object or array has a member yet (then the next one follows a comma).
  private var hasMembers = false

  /// The line break and indentation before a member at each depth.
  private static let breaks = (0..<maximumDepth).map { "\n" + String(repeating: " ", count: 2 * $0) }
  private static let maximumDepth = 64

  /// The document, with the final newline.
  consuming func finished() -> String {
    text += "\n"
    return text
  }

  // MARK: Objects and arrays

  /// An object whose members `members` writes (with ``key(_:)`` and a value each).
  mutating func object(_ members: (inout JSONWriter) -> Void) {
    open("{")
    members(&self)
    close("}")
  }

  /// An array of one value per element, written by `item`.
  mutating func array<Items: Sequence>(_ items: Items, _ item: (inout JSONWriter, Items.Element) -> Void) {
    open("[")
    for element in items {
      startMember()
      item(&self, element)
    }
    close("]")
  }

  /// Starts the member `name` of the open object; its value is written next. Keys are the
  /// schema's own ASCII names: they need no escaping.
  mutating func key(_ name: StaticString) {
    startMember()
    text += "\"\(name)\": "
  }

  /// A value with no members of its own, for ``member(_:_:)``.
  enum Scalar {
    case string(String?)
    case int(Int?)
    /// A rate or ratio (see ``number(_:)``).
    case number(Double?)
    case money(Money?)
    case day(Day?)
    case bool(Bool?)
  }

  /// The member `name` of the open object, with a value that has no members of its own: one
  /// line of the schema per member.
  mutating func member(_ name: StaticString, _ value: Scalar) {
    key(name)
    switch value {
    case .string(let text): string(text)
    case .int(let count): int(count)
    case .number(let rate): number(rate)
    case .money(let amount): money(amount)
    case .day(let date): day(date)
    case .bool(let flag):
      if let flag { bool(flag) } else { null() }
    }
  }

  private mutating func open(_ bracket: String) {
    text += bracket
    depth += 1
    precondition(depth < Self.maximumDepth, "JSON nested more than \(Self.maximumDepth) deep")
    hasMembers = false
  }

  private mutating func close(_ bracket: String) {
    depth -= 1
    if hasMembers { text += Self.breaks[depth] }
    text += bracket
    hasMembers = true  // the container just closed is a member of the one around it
  }

  /// A comma after the member before, then the line break and indentation of the current depth.
  private mutating func startMember() {
    if hasMembers { text += "," }
    text += Self.breaks[depth]
    hasMembers = true
  }

  // MARK: Values

  mutating func null() { text += "null" }

  mutating func bool(_ value: Bool) { text += value ? "true" : "false" }

  /// A count; `nil` is null.
  mutating func int(_ value: Int?) {
    guard let value else { return null() }
    text += String(value)
  }

  /// A rate or ratio: whole numbers without a fraction, others in Swift's shortest exact form;
  /// `nil` and non-finite numbers (a rate over nothing) are null.
  mutating func number(_ value: Double?) {
    guard let value, value.isFinite else { return null() }
    if value == value.rounded() && abs(value) < 1e15 {
      int(Int(value))
    } else {
      text += value.description
    }
  }

  /// Money with exactly two decimals, never a binary fraction (``ReferralCore/Money/description``);
  /// `nil` is null.
  mutating func money(_ value: Money?) {
    guard let value else { return null() }
    text += value.description
  }

  /// A day as `"YYYY-MM-DD"`; `nil` is null.
  mutating func day(_ value: Day?) {
    guard let value else { return null() }
    text += "\"\(value)\""
  }

  /// A string, escaped; `nil` is null. U+2028 and U+2029 are escaped too, as they end lines in
  /// JavaScript.
  mutating func string(_ value: String?) {
    guard let value else { return null() }
    text += "\""
    // Most texts need no escaping: looked for in their UTF-8 (E2 starts U+2028 and U+2029).
    if value.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0xE2 }) {
      for scalar in value.unicodeScalars {
        switch scalar {
        case "\"": text += "\\\""
        case "\\": text += "\\\\"
        case "\n": text += "\\n"
        case "\r": text += "\\r"
        case "\t": text += "\\t"
        case "\u{2028}": text += "\\u2028"
        case "\u{2029}": text += "\\u2029"
        case _ where scalar.value < 0x20: text += (scalar.value < 0x10 ? "\\u000" : "\\u00") + String(scalar.value, radix: 16)
        default: text.unicodeScalars.append(scalar)
        }
      }
    } else {
      text += value
    }
    text += "\""
  }
}
