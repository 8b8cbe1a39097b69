import CSVStream

/// Texts stored back to back in one byte buffer with their end offsets: one allocation for a
/// whole column instead of one `String` per row. Texts are UTF-8; an empty one is allowed.
struct TextColumn: Sendable {
  private var bytes: [UInt8] = []
  /// The end offset of every text in `bytes`.
  private var ends: [UInt32] = []

  init() {}

  var count: Int { ends.count }

  /// The bytes of all the texts.
  var byteCount: Int { bytes.count }

  subscript(position: Int) -> String {
    withBytes(at: position) { String(decoding: $0, as: UTF8.self) }
  }

  func isEmpty(_ position: Int) -> Bool { start(position) == Int(ends[position]) }

  /// Calls `body` with the bytes of text `position`.
  func withBytes<R>(at position: Int, _ body: (ByteView) throws -> R) rethrows -> R {
    try bytes.withByteView(start(position)..<Int(ends[position]), body)
  }

  /// Whether text `position` is exactly `other`.
  func equals(_ position: Int, _ other: ByteView) -> Bool {
    let start = start(position)
    guard Int(ends[position]) - start == other.count else { return false }
    if other.isEmpty { return true }
    return bytes.withByteView(start..<(start + other.count)) { $0.equals(other) }
  }

  /// The position of `text` among the texts of `range`, which increase byte by byte, by
  /// halving.
  func sortedPosition(of text: ByteView, in range: Range<Int>) -> Int? {
    var (low, high) = (range.lowerBound, range.upperBound - 1)
    while low <= high {
      let middle = (low + high) / 2
      let order = withBytes(at: middle) { $0.order(text) }
      if order == 0 { return middle }
      if order < 0 { low = middle + 1 } else { high = middle - 1 }
    }
    return nil
  }

  /// Whether `a` sorts before `b`, byte by byte (a prefix before the longer text).
  static func ordered(_ a: ByteView, _ b: ByteView) -> Bool { a.precedes(b) }

  mutating func append(_ text: ByteView) {
    text.append(to: &bytes)
    ends.append(UInt32(bytes.count))
  }

  /// Appends `text` if the column is empty or `text` sorts after the last text, byte by byte
  /// (how a sorted id index adds each id): how `text` compares with the last text, `1` when it
  /// was appended (`0`: it is the last text; `-1`: it sorts before it).
  mutating func appendInOrder(_ text: ByteView) -> Int {
    let order = count == 0 ? 1 : -withBytes(at: count - 1) { $0.order(text) }
    if order > 0 { append(text) }
    return order.signum()
  }

  /// Room for `count` texts of `byteCount` bytes in all.
  mutating func reserveCapacity(_ count: Int, bytes byteCount: Int) {
    ends.reserveCapacity(count)
    bytes.reserveCapacity(byteCount)
  }

  private func start(_ position: Int) -> Int { position == 0 ? 0 : Int(ends[position - 1]) }
}
