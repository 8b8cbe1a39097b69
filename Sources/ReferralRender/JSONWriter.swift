import ReferralCore

/// Writes pretty-printed JSON (two-space indentation, keys in the order written) straight into
/// UTF-8 bytes, as the renderer walks the result.
///
/// `summary.json` lists every unpaid fee and missed thank-you: tens of thousands of objects for a
/// large export. Building them as a tree of values first, with a `String` for every number and
/// date, cost several times more than writing them, and freeing the tree as much again. The
/// bytes go into memory the writer owns (it cannot be copied): appending is a capacity check and
/// a store, where an array checks its uniqueness on every append.
struct JSONWriter: ~Copyable {
  private var storage: UnsafeMutablePointer<UInt8>
  private var count = 0
  private var capacity: Int
  private var depth = 0
  /// Whether the innermost open object or array has a member yet (then the next one follows a comma).
  private var hasMembers = false
  /// Items rendered apart, with the place in the document where each belongs (they are not
  /// copied in: see ``finishedRuns()``).
  private var spliced: [(at: Int, bytes: [UInt8])] = []

  /// A comma, a line break and the deepest indentation: every member starts with a slice of it.
  private static let memberBreak: [UInt8] = [0x2C, 0x0A] + Array(repeating: 0x20, count: 2 * maximumDepth)
  private static let maximumDepth = 64

  init(capacity: Int = 1 << 16) {
    self.capacity = Swift.max(capacity, 64)
    storage = .allocate(capacity: self.capacity)
  }

  deinit { storage.deallocate() }

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
      runs.append(Array(UnsafeBufferPointer(start: storage + from, count: at - from)))
      runs.append(bytes)
      from = at
    }
    runs.append(Array(UnsafeBufferPointer(start: storage + from, count: count - from)))
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
    return JSONItems(bytes: Array(UnsafeBufferPointer(start: json.storage, count: json.count)), depth: depth)
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
      spliced.append((count, piece.bytes))
      hasMembers = true
    }
    close(0x5D)
  }

  /// Starts the member `name` of the open object; its value is written next. Keys are the
  /// schema's own ASCII names: they need no escaping.
  mutating func key(_ name: StaticString) {
    startMember()
    append(0x22)
    name.withUTF8Buffer { append($0) }
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
    case bool(Bool)
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
    case .bool(let flag): bool(flag)
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
    Self.memberBreak.withUnsafeBufferPointer { append(UnsafeBufferPointer(rebasing: $0[(comma ? 0 : 1)..<end])) }
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
      var text = value.description
      text.withUTF8 { append($0) }
    }
  }

  /// Money with exactly two decimals, never a binary fraction; `nil` is null.
  mutating func money(_ value: Money?) {
    guard let value else { return null() }
    if value.minorUnits < 0 { append(0x2D) }
    let units = value.minorUnits.magnitude
    digits(units / 100, width: 1)
    append(0x2E)
    digits(units % 100, width: 2)
  }

  /// A day as `YYYY-MM-DD`; `nil` is null.
  mutating func day(_ value: Day?) {
    guard let value else { return null() }
    let (year, month, day) = value.components
    append(0x22)
    digits(UInt(year), width: 4)
    append(0x2D)
    digits(UInt(month), width: 2)
    append(0x2D)
    digits(UInt(day), width: 2)
    append(0x22)
  }

  /// A string, escaped; `nil` is null.
  mutating func string(_ value: String?) {
    guard var value else { return null() }
    append(0x22)
    value.withUTF8 { writeEscaped($0) }
    append(0x22)
  }

  // MARK: Bytes

  @inline(__always)
  private mutating func reserve(_ extra: Int) {
    if count + extra > capacity { grow(to: count + extra) }
  }

  private mutating func grow(to needed: Int) {
    var grown = capacity * 2
    while grown < needed { grown *= 2 }
    let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
    moved.update(from: storage, count: count)
    storage.deallocate()
    (storage, capacity) = (moved, grown)
  }

  @inline(__always)
  private mutating func append(_ byte: UInt8) {
    reserve(1)
    storage[count] = byte
    count += 1
  }

  @inline(__always)
  private mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
    guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
    reserve(bytes.count)
    (storage + count).update(from: base, count: bytes.count)
    count += bytes.count
  }

  private mutating func append(literal: StaticString) {
    literal.withUTF8Buffer { append($0) }
  }

  /// `value` in decimal, zero-padded to `width` digits (written backwards in place).
  @inline(__always)
  private mutating func digits<Value: UnsignedInteger>(_ value: Value, width: Int) {
    var remaining = UInt64(value)
    var length = 1
    var rest = remaining / 10
    while rest > 0 { (length, rest) = (length + 1, rest / 10) }
    length = Swift.max(length, width)
    reserve(length)
    var position = count + length
    for _ in 0..<length {
      position -= 1
      storage[position] = 0x30 + UInt8(truncatingIfNeeded: remaining % 10)
      remaining /= 10
    }
    count += length
  }

  /// The bytes of a string's contents; U+2028 and U+2029 (E2 80 A8/A9) are escaped too, as
  /// they end lines in JavaScript.
  private mutating func writeEscaped(_ text: UnsafeBufferPointer<UInt8>) {
    var plain = true
    for byte in text where byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0xE2 {
      plain = false
      break
    }
    if plain { return append(text) }
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
        let hex: StaticString = "0123456789abcdef"
        append(literal: "\\u00")
        hex.withUTF8Buffer { digits in
          append(digits[Int(byte >> 4)])
          append(digits[Int(byte & 0x0F)])
        }
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
public struct JSONItems: Sendable {
  let bytes: [UInt8]
  let depth: Int
}
