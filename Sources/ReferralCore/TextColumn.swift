import CSVStream

/// Texts stored back to back in one byte buffer with their end offsets: one allocation for a
/// whole column instead of one `String` per row. Texts are UTF-8; an empty one is allowed.
///
/// Ids are usually cheaper still. While every text is one prefix and a number (`L0000001`,
/// `CUST-125`) only the numbers are kept (``NumberedTexts``, 4 bytes a text). Otherwise, while
/// every non-empty text has the same length (Salesforce's 18-character ids) no offsets are kept
/// at all: text `n` starts at `n × width`, and an empty text (a deal that names no lead) is a bit
/// in `empties` over `width` unused bytes, cheaper than four bytes of offset for every row.
struct TextColumn: Sendable {
  /// The texts as numbers, while they all have that shape (the byte storage is unused then).
  private var numbered: NumberedTexts?
  /// Cleared for good once a text did not have the numbered shape.
  private var mayBeNumbered = true
  private var bytes: [UInt8] = []
  /// End offsets, only once the texts' lengths differ.
  private var ends: [UInt32] = []
  /// The common length of the non-empty texts so far; `nil` before the first and once they
  /// differ (then `ends` is used).
  private var width: Int?
  private var usesOffsets = false
  /// While no offsets are kept: one bit per text, set for an empty one (words allocated only
  /// up to the last empty text).
  private var empties: [UInt64] = []
  private(set) var count = 0
  /// How many texts of how many bytes the column was told to expect (reserved once the
  /// storage they need is known).
  private var reserved = (count: 0, bytes: 0)

  init() {}

  subscript(position: Int) -> String {
    withBytes(at: position) { String(decoding: $0, as: UTF8.self) }
  }

  func isEmpty(_ position: Int) -> Bool {
    if let numbered { return numbered.isEmpty(position) }
    return start(position) == end(position)
  }

  /// Calls `body` with the bytes of text `position`.
  @inline(__always)
  func withBytes<R>(at position: Int, _ body: (ByteView) throws -> R) rethrows -> R {
    if let numbered { return try numbered.withBytes(at: position, body) }
    let (start, end) = (start(position), end(position))
    return try bytes.withByteView(start..<end, body)
  }

  /// Whether text `position` is exactly `other`.
  @inline(__always)
  func equals(_ position: Int, _ other: ByteView) -> Bool {
    if let numbered { return numbered.equals(position, other) }
    let start = start(position)
    guard end(position) - start == other.count else { return false }
    if other.isEmpty { return true }
    return bytes.withByteView(start..<(start + other.count)) { $0.equals(other) }
  }

  /// Whether text `position` sorts before `other`, byte by byte.
  @inline(__always)
  func precedes(_ position: Int, _ other: ByteView) -> Bool {
    if let answer = numbered?.precedes(position, other) { return answer }
    return withBytes(at: position) { Self.ordered($0, other) }
  }

  /// Whether the column, sorted, is searched by number (see ``sortedPosition(of:)``).
  var searchesByNumber: Bool { numbered?.sortsByNumber ?? false }

  /// The position of `text` in a column whose texts increase byte by byte: by interpolation
  /// over the numbers when ``searchesByNumber``, else by halving.
  func sortedPosition(of text: ByteView) -> Int? {
    if let numbered, numbered.sortsByNumber { return numbered.sortedPosition(of: text) }
    var (low, high) = (0, count - 1)
    while low <= high {
      let middle = (low + high) / 2
      let (before, after) = withBytes(at: middle) { (Self.ordered($0, text), Self.ordered(text, $0)) }
      if !before && !after { return middle }
      if before { low = middle + 1 } else { high = middle - 1 }
    }
    return nil
  }

  /// Whether `a` sorts before `b`, byte by byte (a prefix before the longer text).
  static func ordered(_ a: ByteView, _ b: ByteView) -> Bool { a.precedes(b) }

  mutating func append(_ text: ByteView) {
    if numbered != nil {
      if numbered!.append(text) {
        count += 1
        return
      }
      spellOut()
    }
    if !usesOffsets {
      if text.isEmpty {
        markEmpty(count)
        if let width { bytes.append(contentsOf: repeatElement(0, count: width)) }
        count += 1
        return
      }
      if width == nil {
        // The first text that is not empty decides how the column is kept.
        if mayBeNumbered, let numbers = NumberedTexts(first: text, after: count, reserving: reserved.count) {
          (numbered, empties) = (numbers, [])
          count += 1
          return
        }
        width = text.count
        bytes.reserveCapacity(reserved.bytes)
        bytes.append(contentsOf: repeatElement(0, count: count * text.count))  // the empty texts before
      } else if text.count != width {
        switchToOffsets()
      }
    }
    text.append(to: &bytes)
    if usesOffsets { ends.append(UInt32(bytes.count)) }
    count += 1
  }

  /// Appends `text` if the column is empty or `text` sorts after the last text, byte by byte;
  /// whether it did. (A sorted id index adds each id this way: numbered ids are read once.)
  mutating func appendInOrder(_ text: ByteView) -> Bool {
    if numbered != nil, let added = numbered!.appendIfAfterLast(text) {
      if added { count += 1 }
      return added
    }
    guard count == 0 || precedes(count - 1, text) else { return false }
    append(text)
    return true
  }

  /// Room for `count` texts of `byteCount` bytes in all (reserved when the column knows how it
  /// keeps them).
  mutating func reserveCapacity(_ count: Int, bytes byteCount: Int) {
    reserved = (count, byteCount)
    if numbered != nil {
      numbered!.reserveCapacity(count)
    } else if width != nil || usesOffsets {
      bytes.reserveCapacity(byteCount)
    }
  }

  /// The first text without the numbered shape: every text so far is spelled out as bytes.
  private mutating func spellOut() {
    guard let numbers = numbered else { return }
    (numbered, count, mayBeNumbered) = (nil, 0, false)
    for position in 0..<numbers.count { numbers.withBytes(at: position) { append($0) } }
  }

  private mutating func markEmpty(_ position: Int) {
    let word = position >> 6
    if empties.count <= word { empties.append(contentsOf: repeatElement(0, count: word + 1 - empties.count)) }
    empties[word] |= 1 << UInt64(position & 63)
  }

  /// The first text of another length: from here on every text has its end offset, and the
  /// empty texts' filler goes.
  private mutating func switchToOffsets() {
    var packed: [UInt8] = []
    packed.reserveCapacity(bytes.capacity)
    ends.reserveCapacity(Swift.max(reserved.count, count + 1))
    for position in 0..<count {
      withBytes(at: position) { $0.append(to: &packed) }
      ends.append(UInt32(packed.count))
    }
    bytes = packed
    (width, empties, usesOffsets) = (nil, [], true)
  }

  @inline(__always)
  private func start(_ position: Int) -> Int {
    if usesOffsets { return position == 0 ? 0 : Int(ends[position - 1]) }
    return position * (width ?? 0)
  }

  @inline(__always)
  private func end(_ position: Int) -> Int {
    if usesOffsets { return Int(ends[position]) }
    guard let width else { return 0 }
    let word = position >> 6
    let empty = word < empties.count && empties[word] >> UInt64(position & 63) & 1 == 1
    return empty ? position * width : (position + 1) * width
  }
}
