import ReferralCore

/// Writes pretty-printed JSON (two-space indentation, keys in the order written) straight into
/// UTF-8 bytes, as the renderer walks the result.
///
/// `summary.json` lists every unpaid fee and missed thank-you: tens of thousands of objects for a
/// large export. Building them as a tree of values first, with a `String` for every number and
/// date, cost several times more than writing them, and freeing the tree as much again.
struct JSONWriter {
  private(set) var bytes: [UInt8] = []
  private var depth = 0
  /// Whether the innermost open object or array has a member yet (then the next one follows a comma).
  private var hasMembers = false

  init(capacity: Int = 1 << 16) {
    bytes.reserveCapacity(capacity)
  }

  /// The document's UTF-8 bytes, with the final newline.
  consuming func finished() -> [UInt8] {
    bytes.append(0x0A)
    return bytes
  }

  // MARK: Objects and arrays

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

  /// Starts the member `name` of the open object; its value is written next.
  mutating func key(_ name: String) {
    startMember()
    string(name)
    bytes.append(0x3A)
    bytes.append(0x20)
  }

  private mutating func open(_ bracket: UInt8) {
    bytes.append(bracket)
    depth += 1
    hasMembers = false
  }

  private mutating func close(_ bracket: UInt8) {
    depth -= 1
    if hasMembers {
      bytes.append(0x0A)
      indent()
    }
    bytes.append(bracket)
    hasMembers = true  // the container just closed is a member of the one around it
  }

  private mutating func startMember() {
    if hasMembers { bytes.append(0x2C) }
    bytes.append(0x0A)
    indent()
    hasMembers = true
  }

  private mutating func indent() {
    bytes.append(contentsOf: repeatElement(0x20, count: depth * 2))
  }

  // MARK: Values

  mutating func null() { bytes.append(contentsOf: "null".utf8) }

  mutating func bool(_ value: Bool) { bytes.append(contentsOf: (value ? "true" : "false").utf8) }

  /// A count; `nil` is null.
  mutating func int(_ value: Int?) {
    guard let value else { return null() }
    if value < 0 { bytes.append(0x2D) }
    digits(value.magnitude, width: 1)
  }

  /// A rate or ratio: whole numbers without a fraction, others in Swift's shortest exact form;
  /// `nil` and non-finite numbers (a rate over nothing) are null.
  mutating func number(_ value: Double?) {
    guard let value, value.isFinite else { return null() }
    if value == value.rounded() && abs(value) < 1e15 {
      int(Int(value))
    } else {
      bytes.append(contentsOf: value.description.utf8)
    }
  }

  /// Money with exactly two decimals, never a binary fraction; `nil` is null.
  mutating func money(_ value: Money?) {
    guard let value else { return null() }
    if value.minorUnits < 0 { bytes.append(0x2D) }
    let units = value.minorUnits.magnitude
    digits(units / 100, width: 1)
    bytes.append(0x2E)
    digits(units % 100, width: 2)
  }

  /// A day as `YYYY-MM-DD`; `nil` is null.
  mutating func day(_ value: Day?) {
    guard let value else { return null() }
    let (year, month, day) = value.components
    bytes.append(0x22)
    digits(UInt64(year), width: 4)
    bytes.append(0x2D)
    digits(UInt64(month), width: 2)
    bytes.append(0x2D)
    digits(UInt64(day), width: 2)
    bytes.append(0x22)
  }

  /// A string, escaped; `nil` is null.
  mutating func string(_ value: String?) {
    guard var value else { return null() }
    bytes.append(0x22)
    value.withUTF8 { writeEscaped($0) }
    bytes.append(0x22)
  }

  /// `value` in decimal, zero-padded to `width` digits.
  private mutating func digits<Value: UnsignedInteger>(_ value: Value, width: Int) {
    var scratch: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes: room for any 64-bit number
    withUnsafeMutableBytes(of: &scratch) { buffer in
      var remaining = UInt64(value)
      var start = buffer.count
      repeat {
        start -= 1
        buffer[start] = 0x30 + UInt8(remaining % 10)
        remaining /= 10
      } while remaining > 0 || buffer.count - start < width
      bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[start...]))
    }
  }

  /// The bytes of a string's contents; U+2028 and U+2029 (E2 80 A8/A9) are escaped too, as
  /// they end lines in JavaScript.
  private mutating func writeEscaped(_ text: UnsafeBufferPointer<UInt8>) {
    if !text.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0xE2 }) {
      bytes.append(contentsOf: text)
      return
    }
    var index = 0
    while index < text.count {
      let byte = text[index]
      switch byte {
      case 0x22: bytes.append(contentsOf: "\\\"".utf8)
      case 0x5C: bytes.append(contentsOf: "\\\\".utf8)
      case 0x0A: bytes.append(contentsOf: "\\n".utf8)
      case 0x0D: bytes.append(contentsOf: "\\r".utf8)
      case 0x09: bytes.append(contentsOf: "\\t".utf8)
      case 0..<0x20:
        bytes.append(contentsOf: "\\u00".utf8)
        bytes.append(contentsOf: String(byte >> 4, radix: 16).utf8)
        bytes.append(contentsOf: String(byte & 0x0F, radix: 16).utf8)
      case 0xE2 where index + 2 < text.count && text[index + 1] == 0x80 && (text[index + 2] == 0xA8 || text[index + 2] == 0xA9):
        bytes.append(contentsOf: (text[index + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8)
        index += 2
      default: bytes.append(byte)
      }
      index += 1
    }
  }
}
