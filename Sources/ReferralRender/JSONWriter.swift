import ReferralCore

/// Writes pretty-printed JSON (two-space indentation, keys in the order written) straight into
/// UTF-8 bytes, as the renderer walks the result: `summary.json` lists every unpaid fee, missed
/// thank-you, customer to ask and referral partner, 49 MB at 1M leads, and a tree of values
/// built first cost several times more than writing them. Bytes rather than a `String`:
/// appending to a `String` cost 0.3 s more CPU at 1M leads (a sample profile, about 7 million
/// appends).
struct JSONWriter {
  private var bytes: [UInt8] = []
  private var depth = 0
  /// Whether the innermost open object or array has a member yet (then the next one follows a comma).
  private var hasMembers = false

  /// A line break and the indentation of the deepest member: the start of it is written before
  /// each member (one copy, no array per depth to look up).
  private static let breakAndSpaces: [UInt8] = [0x0A] + [UInt8](repeating: 0x20, count: 2 * maximumDepth)
  private static let maximumDepth = 64
  /// ``breakAndSpaces``, held by each writer: read per member without the static's check.
  private let breaks = Self.breakAndSpaces
  /// Where the bytes go while they are written, if they are not kept whole (see
  /// ``init(every:drainingInto:)``).
  private let drain: ((_ bytes: [UInt8], _ count: Int) -> Void)?

  /// A writer that keeps the document whole (see ``finished()``).
  init() { (drain, drainEvery) = (nil, .max) }

  /// A writer that hands the document on as it is written: whenever `every` bytes are
  /// written, the whole 4 KiB blocks of them go to `drain` (`bytes`' first `count`), which the
  /// report's writer takes straight to the disk; the rest goes at ``drainRest()``.
  /// `summary.json` (153 MB at 10M leads) was kept whole first: its buffer grew by doubling
  /// (copies and page faults, 2% of the run's samples) and it went to the disk only once
  /// rendered, while the other core had nothing left to do. `every` is smaller only in tests.
  init(every: Int = drainBytes, drainingInto drain: @escaping (_ bytes: [UInt8], _ count: Int) -> Void) {
    (self.drain, drainEvery) = (drain, every)
  }

  /// How many bytes a draining writer gathers before it hands them on: the size of a direct
  /// write (see `shims_write_file`).
  static let drainBytes = 1 << 22
  /// How many bytes this writer gathers before it hands them on (never, keeping them whole).
  private let drainEvery: Int
  /// A direct write takes whole blocks of this size.
  private static let blockBytes = 4096

  /// The document's UTF-8 bytes, with the final newline.
  consuming func finished() -> [UInt8] {
    precondition(drain == nil, "a draining writer keeps no document")
    bytes.append(0x0A)
    return bytes
  }

  /// Hands the rest of the document, with the final newline, to the drain.
  consuming func drainRest() {
    bytes.append(0x0A)
    drain?(bytes, bytes.count)
  }

  /// Hands the whole blocks written on once there are ``drainEvery``; the bytes after them
  /// move to the front of the same buffer (no new one per drain).
  private mutating func drainIfFull() {
    guard bytes.count >= drainEvery, let drain else { return }
    let whole = bytes.count - bytes.count % Self.blockBytes
    drain(bytes, whole)
    bytes.removeFirst(whole)
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

  /// Starts the member `name` of the open object; its value is written next. Keys are the
  /// schema's own ASCII names: they need no escaping.
  mutating func key(_ name: StaticString) {
    startMember()
    bytes.append(0x22)
    name.withUTF8Buffer { bytes.append(contentsOf: $0) }
    // Byte by byte: an array literal here was an allocation per member.
    bytes.append(0x22)
    bytes.append(0x3A)
    bytes.append(0x20)
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
    bytes.append(bracket)
    depth += 1
    precondition(depth < Self.maximumDepth, "JSON nested more than \(Self.maximumDepth) deep")
    hasMembers = false
  }

  private mutating func close(_ bracket: UInt8) {
    depth -= 1
    if hasMembers { bytes.append(contentsOf: breaks[..<(1 + 2 * depth)]) }
    bytes.append(bracket)
    hasMembers = true  // the container just closed is a member of the one around it
  }

  /// A comma after the member before, then the line break and indentation of the current depth.
  private mutating func startMember() {
    drainIfFull()
    if hasMembers { bytes.append(0x2C) }
    bytes.append(contentsOf: breaks[..<(1 + 2 * depth)])
    hasMembers = true
  }

  // MARK: Values

  mutating func null() { append("null") }

  mutating func bool(_ value: Bool) { append(value ? "true" : "false") }

  /// A count; `nil` is null.
  mutating func int(_ value: Int?) {
    guard let value else { return null() }
    append(String(value))
  }

  /// A rate or ratio: whole numbers without a fraction, others in Swift's shortest exact form;
  /// `nil` and non-finite numbers (a rate over nothing) are null.
  mutating func number(_ value: Double?) {
    guard let value, value.isFinite else { return null() }
    if value == value.rounded() && abs(value) < 1e15 {
      int(Int(value))
    } else {
      append(value.description)
    }
  }

  /// Money with exactly two decimals, never a binary fraction (``ReferralCore/Money/description``);
  /// `nil` is null.
  mutating func money(_ value: Money?) {
    guard let value else { return null() }
    append(value.description)
  }

  /// A day as `"YYYY-MM-DD"`; `nil` is null.
  mutating func day(_ value: Day?) {
    guard let value else { return null() }
    bytes.append(0x22)
    append(value.description)
    bytes.append(0x22)
  }

  /// A string, escaped; `nil` is null. U+2028 and U+2029 are escaped too, as they end lines in
  /// JavaScript.
  mutating func string(_ value: String?) {
    guard let value else { return null() }
    bytes.append(0x22)
    // Most texts need no escaping: looked for in their UTF-8 (E2 starts U+2028 and U+2029).
    if value.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0xE2 }) {
      for scalar in value.unicodeScalars {
        switch scalar {
        case "\"": append("\\\"")
        case "\\": append("\\\\")
        case "\n": append("\\n")
        case "\r": append("\\r")
        case "\t": append("\\t")
        case "\u{2028}": append("\\u2028")
        case "\u{2029}": append("\\u2029")
        case _ where scalar.value < 0x20: append((scalar.value < 0x10 ? "\\u000" : "\\u00") + String(scalar.value, radix: 16))
        default: append(String(scalar))
        }
      }
    } else {
      append(value)
    }
    bytes.append(0x22)
  }

  /// Appends `text`'s UTF-8 bytes.
  private mutating func append(_ text: String) { bytes.append(contentsOf: text.utf8) }
}
