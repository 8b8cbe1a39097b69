import CSVStream

/// Texts that are all one prefix followed by a decimal number, as CRM ids usually are
/// (`L0000001`, `D0000002`, `CUST-125`, a HubSpot `12345`), kept as the numbers: 4 bytes a
/// text instead of its length. ``TextColumn`` starts this way when its first text has the shape
/// and spells every text out as bytes, once, at the first one that does not.
///
/// The shape is fixed by the first text: its prefix (up to 16 bytes), and either the count of
/// its digits when it is zero-padded (`L0000001`: 7), or none (`CUST-125`: then no text may
/// have a leading zero). Each text maps to exactly one number and back, so comparing numbers is
/// comparing texts.
struct NumberedTexts: Sendable {
  private let prefix: Spelled
  private let prefixCount: Int
  /// Digits of every number when zero-padded; 0 when written without leading zeros.
  private let width: Int
  private var numbers: [UInt32] = []

  /// Marks an empty text.
  private static let none = UInt32.max
  /// At most 9 digits: every number fits 32 bits.
  private static let maximumDigits = 9

  /// The texts of `first`'s shape, after `empties` empty ones; `nil` when it has none.
  init?(first: ByteView, after empties: Int, reserving capacity: Int) {
    var digits = 0
    while digits < first.count, Self.isDigit(first[first.count - 1 - digits]) { digits += 1 }
    let prefixCount = first.count - digits
    guard digits > 0, digits <= Self.maximumDigits, prefixCount <= 16 else { return nil }
    var prefix = Spelled()
    for offset in 0..<prefixCount { prefix.set(offset, to: first[offset]) }
    self.prefix = prefix
    self.prefixCount = prefixCount
    width = digits > 1 && first[prefixCount] == 0x30 ? digits : 0
    numbers.reserveCapacity(Swift.max(capacity, empties + 1))
    numbers.append(contentsOf: repeatElement(Self.none, count: empties))
    numbers.append(number(of: first)!)
  }

  var count: Int { numbers.count }

  mutating func reserveCapacity(_ count: Int) { numbers.reserveCapacity(count) }

  func isEmpty(_ position: Int) -> Bool { numbers[position] == Self.none }

  /// Adds `text`; `false` (and nothing added) when it does not have the column's shape.
  @inline(__always)
  mutating func append(_ text: ByteView) -> Bool {
    if text.isEmpty {
      numbers.append(Self.none)
      return true
    }
    guard let number = number(of: text) else { return false }
    numbers.append(number)
    return true
  }

  /// Adds `text` if it sorts after the last text, reading its number once: `true` when added,
  /// `false` when it does not come after the last, `nil` when the numbers cannot tell (not
  /// zero-padded, or `text` empty or of another shape; then nothing is added).
  @inline(__always)
  mutating func appendIfAfterLast(_ text: ByteView) -> Bool? {
    guard sortsByNumber, !text.isEmpty, let number = number(of: text) else { return nil }
    if let last = numbers.last, last != Self.none, last >= number { return false }
    numbers.append(number)
    return true
  }

  /// Whether text `position` is exactly `other`.
  @inline(__always)
  func equals(_ position: Int, _ other: ByteView) -> Bool {
    let stored = numbers[position]
    if other.isEmpty { return stored == Self.none }
    return stored != Self.none && number(of: other) == stored
  }

  /// Whether the numbers sort like the texts (zero-padded: `L0000009` < `L0000010`), so a
  /// sorted column can be searched by number.
  var sortsByNumber: Bool { width != 0 }

  /// Whether text `position` sorts before `other` byte by byte, when the numbers can tell
  /// (zero-padded, and `other` of the column's shape); `nil` otherwise.
  @inline(__always)
  func precedes(_ position: Int, _ other: ByteView) -> Bool? {
    guard sortsByNumber else { return nil }
    let stored = numbers[position]
    if other.isEmpty { return false }
    if stored == Self.none { return true }
    return number(of: other).map { stored < $0 }
  }

  /// The position of `text` in a column sorted byte by byte (``sortsByNumber``), found by
  /// interpolation: ids are mostly consecutive numbers, so the first guess nearly always hits;
  /// after a few guesses the search halves instead, so no spread of numbers makes it slow.
  func sortedPosition(of text: ByteView) -> Int? {
    precondition(sortsByNumber, "numbers searched that do not sort like their texts")
    guard numbers.count > 0 else { return nil }
    if text.isEmpty { return numbers[0] == Self.none ? 0 : nil }  // an empty text sorts first
    guard let wanted = number(of: text) else { return nil }
    var (low, high) = (numbers[0] == Self.none ? 1 : 0, numbers.count - 1)
    var guesses = 0
    while low <= high {
      let (first, last) = (numbers[low], numbers[high])
      guard wanted >= first, wanted <= last else { return nil }
      var probe = (low + high) / 2
      if guesses < 4, last > first {
        probe = low + Int(UInt64(wanted - first) * UInt64(high - low) / UInt64(last - first))
        guesses += 1
      }
      let found = numbers[probe]
      if found == wanted { return probe }
      if found < wanted { low = probe + 1 } else { high = probe - 1 }
    }
    return nil
  }

  /// Calls `body` with the bytes of text `position`, spelled out in a buffer on the stack.
  /// Inlined, so a closure passed through ``TextColumn/withBytes(at:_:)`` needs no context
  /// (its captures were copied per call).
  @inline(__always)
  func withBytes<R>(at position: Int, _ body: (ByteView) throws -> R) rethrows -> R {
    let number = numbers[position]
    if number == Self.none { return try body(.empty) }
    var digits = width
    if digits == 0 {
      digits = 1
      var rest = number / 10
      while rest > 0 { (digits, rest) = (digits + 1, rest / 10) }
    }
    var text = prefix  // 16 + 9 bytes fit
    var rest = number
    for offset in stride(from: prefixCount + digits - 1, through: prefixCount, by: -1) {
      text.set(offset, to: 0x30 + UInt8(truncatingIfNeeded: rest % 10))
      rest /= 10
    }
    return try withByteView(of: text, count: prefixCount + digits, body)
  }

  /// The number `text` stands for, when it has the column's shape.
  @inline(__always)
  private func number(of text: ByteView) -> UInt32? {
    let digits = text.count - prefixCount
    guard digits > 0, digits <= Self.maximumDigits, width == 0 || digits == width else { return nil }
    for offset in 0..<prefixCount where prefix[offset] != text[offset] { return nil }
    guard width != 0 || digits == 1 || text[prefixCount] != 0x30 else { return nil }
    var value: UInt32 = 0
    for offset in prefixCount..<text.count {
      let digit = text[offset] &- 0x30
      guard digit < 10 else { return nil }
      value = value &* 10 &+ UInt32(digit)
    }
    return value
  }

  private static func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }
}

/// Up to 32 bytes of text in four words, little-endian, set and read byte by byte with shifts:
/// a prefix and its number spelled out on the stack, with no buffer to allocate.
struct Spelled: Sendable {
  private var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

  subscript(offset: Int) -> UInt8 {
    let shift = UInt64(offset & 7) << 3
    switch offset >> 3 {
    case 0: return UInt8(truncatingIfNeeded: words.0 >> shift)
    case 1: return UInt8(truncatingIfNeeded: words.1 >> shift)
    case 2: return UInt8(truncatingIfNeeded: words.2 >> shift)
    case 3: return UInt8(truncatingIfNeeded: words.3 >> shift)
    default: preconditionFailure("byte \(offset) of 32")
    }
  }

  mutating func set(_ offset: Int, to byte: UInt8) {
    let shift = UInt64(offset & 7) << 3
    let (clear, value) = (~(UInt64(0xFF) << shift), UInt64(byte) << shift)
    switch offset >> 3 {
    case 0: words.0 = words.0 & clear | value
    case 1: words.1 = words.1 & clear | value
    case 2: words.2 = words.2 & clear | value
    case 3: words.3 = words.3 & clear | value
    default: preconditionFailure("byte \(offset) of 32")
    }
  }
}
