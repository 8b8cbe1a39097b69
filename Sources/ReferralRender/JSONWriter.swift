import CSVStream
import ReferralCore

/// Writes pretty-printed JSON (two-space indentation, keys in the order written) straight into
/// UTF-8 bytes, as the renderer walks the result.
///
/// `summary.json` lists every unpaid fee and missed thank-you: tens of thousands of objects for a
/// large export. Building them as a tree of values first, with a `String` for every number and
/// date, cost several times more than writing them, and freeing the tree as much again. The
/// bytes go into a ``CSVStream/ByteBuffer`` the writer owns (it cannot be copied).
struct JSONWriter: ~Copyable {
  private var buffer: ByteBuffer
  private var depth = 0
  /// Whether the innermost open object or array has a member yet (then the next one follows a comma).
  private var hasMembers = false
  /// Items rendered apart, with the place in the document where each belongs (they are not
  /// copied in: see ``finishedRuns()``).
  private var spliced: [(at: Int, bytes: [UInt8])] = []

  /// A comma, a line break and the deepest indentation: every member starts with a slice of it.
  private static let memberBreak: [UInt8] = [0x2C, 0x0A] + Array(repeating: 0x20, count: 2 * maximumDepth)
  private static let maximumDepth = 64
  private static let hexDigits = Array("0123456789abcdef".utf8)

  init(capacity: Int = 1 << 16) {
    buffer = ByteBuffer(capacity: capacity)
  }

  /// The document's UTF-8 bytes, with the final newline.
  consuming func finished() -> [UInt8] {
    let runs = finishedRuns()
    return runs.count == 1 ? runs[0] : Array(runs.joined())
  }

  /// The document's UTF-8 bytes in runs to be written one after another: the items rendered
  /// apart stay where they are, only the bytes around them are copied out.
  consuming func finishedRuns() -> [[UInt8]] {
    append(0x0A)
    var runs: [[UInt8]] = []
    var from = 0
    for (at, bytes) in spliced {
      runs.append(buffer.bytes(from..<at))
      runs.append(bytes)
      from = at
    }
    runs.append(buffer.bytes(from..<buffer.count))
    return runs
  }

  // MARK: Objects and arrays

  /// Items of an array at `depth`, as ``array(_:_:)`` writes them (the first after earlier
  /// items when `continuing`), for ``array(spliced:)``: a long list rendered on another thread.
  static func items<Items: Sequence>(
    _ items: Items, depth: Int, continuing: Bool, capacity: Int, _ item: (inout JSONWriter, Items.Element) -> Void
  ) -> JSONItems {
    var json = JSONWriter(capacity: capacity)
    (json.depth, json.hasMembers) = (depth, continuing)
    for element in items {
      json.startMember()
      item(&json, element)
    }
    return JSONItems(bytes: json.buffer.bytes(0..<json.buffer.count), depth: depth)
  }

  /// An object whose members `members` writes (with ``key(_:)`` and a value each).
  mutating func object(_ members: (inout JSONWriter) -> Void) {
    open(0x7B)
    members(&self)
    close(0x7D)
  }

  /// An array of one value per element, written by `item`.
  mutating func array<Items: Sequence>(_ items: Items, _ item: (inout JSONWriter, Items.Element) -> Void) {
    open(0x5B)
    for element in items {
      startMember()
      item(&self, element)
    }
    close(0x5D)
  }

  /// An array whose items were rendered apart (``JSONItems``), one piece after another.
  mutating func array(spliced pieces: [JSONItems]) {
    open(0x5B)
    for piece in pieces where !piece.bytes.isEmpty {
      precondition(piece.depth == depth, "items rendered for another depth")
      spliced.append((buffer.count, piece.bytes))
      hasMembers = true
    }
    close(0x5D)
  }

  /// Starts the member `name` of the open object; its value is written next. Keys are the
  /// schema's own ASCII names: they need no escaping.
  mutating func key(_ name: StaticString) {
    startMember()
    append(0x22)
    append(literal: name)
    append(0x22)
    append(0x3A)
    append(0x20)
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

  private mutating func open(_ bracket: UInt8) {
    append(bracket)
    depth += 1
    precondition(depth < Self.maximumDepth, "JSON nested more than \(Self.maximumDepth) deep")
    hasMembers = false
  }

  private mutating func close(_ bracket: UInt8) {
    depth -= 1
    if hasMembers { appendBreak(comma: false) }
    append(bracket)
    hasMembers = true  // the container just closed is a member of the one around it
  }

  private mutating func startMember() {
    appendBreak(comma: hasMembers)
    hasMembers = true
  }

  /// A line break (after a comma) and the indentation of the current depth.
  @inline(__always)
  private mutating func appendBreak(comma: Bool) {
    let end = 2 + 2 * depth
    Self.memberBreak.withByteView((comma ? 0 : 1)..<end) { buffer.append($0) }
  }

  // MARK: Values

  mutating func null() { append(literal: "null") }

  mutating func bool(_ value: Bool) { append(literal: value ? "true" : "false") }

  /// A count; `nil` is null.
  mutating func int(_ value: Int?) {
    guard let value else { return null() }
    if value < 0 { append(0x2D) }
    digits(value.magnitude, width: 1)
  }

  /// A rate or ratio: whole numbers without a fraction, others in Swift's shortest exact form;
  /// `nil` and non-finite numbers (a rate over nothing) are null.
  mutating func number(_ value: Double?) {
    guard let value, value.isFinite else { return null() }
    if value == value.rounded() && abs(value) < 1e15 {
      int(Int(value))
    } else {
      value.description.withByteView { buffer.append($0) }
    }
  }

  /// Money with exactly two decimals, never a binary fraction; `nil` is null.
  mutating func money(_ value: Money?) {
    guard let value else { return null() }
    value.appendPlain(to: &buffer)
  }

  /// A day as `YYYY-MM-DD`; `nil` is null.
  mutating func day(_ value: Day?) {
    guard let value else { return null() }
    append(0x22)
    value.appendISO(to: &buffer)
    append(0x22)
  }

  /// A string, escaped; `nil` is null.
  mutating func string(_ value: String?) {
    guard let value else { return null() }
    append(0x22)
    value.withByteView { writeEscaped($0) }
    append(0x22)
  }

  // MARK: Bytes

  @inline(__always)
  private mutating func append(_ byte: UInt8) { buffer.append(byte) }

  private mutating func append(literal: StaticString) { buffer.append(literal) }

  /// `value` in decimal, zero-padded to `width` digits.
  @inline(__always)
  private mutating func digits<Value: UnsignedInteger>(_ value: Value, width: Int) { buffer.appendDecimal(UInt64(value), width: width) }

  /// The bytes of a string's contents; U+2028 and U+2029 (E2 80 A8/A9) are escaped too, as
  /// they end lines in JavaScript.
  private mutating func writeEscaped(_ text: ByteView) {
    var plain = true
    for byte in text where byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0xE2 {
      plain = false
      break
    }
    if plain { return buffer.append(text) }
    var index = 0
    while index < text.count {
      let byte = text[index]
      switch byte {
      case 0x22: append(literal: "\\\"")
      case 0x5C: append(literal: "\\\\")
      case 0x0A: append(literal: "\\n")
      case 0x0D: append(literal: "\\r")
      case 0x09: append(literal: "\\t")
      case 0..<0x20:
        append(literal: "\\u00")
        append(Self.hexDigits[Int(byte >> 4)])
        append(Self.hexDigits[Int(byte & 0x0F)])
      case 0xE2 where index + 2 < text.count && text[index + 1] == 0x80 && (text[index + 2] == 0xA8 || text[index + 2] == 0xA9):
        append(literal: text[index + 2] == 0xA8 ? "\\u2028" : "\\u2029")
        index += 2
      default: append(byte)
      }
      index += 1
    }
  }
}

/// Array items rendered apart from their document, at the depth they have in it.
package struct JSONItems: Sendable {
  let bytes: [UInt8]
  let depth: Int
}
