/// Texts stored back to back in one byte buffer with their end offsets: one allocation for a
/// whole column instead of one `String` per row. Texts are UTF-8; an empty one is allowed.
///
/// While every text has the same length (ids such as `L0000001` or Salesforce's 18-character
/// ones usually do) no offsets are kept at all: text `n` starts at `n × width`.
struct TextColumn: Sendable {
  private var bytes: [UInt8] = []
  /// End offsets, only once the texts' lengths differ.
  private var ends: [UInt32] = []
  /// The common length of all texts so far; `nil` before the first and once they differ.
  private var width: Int?
  private(set) var count = 0
  /// How many texts the column was told to expect (for the offsets, once they are needed).
  private var reservedCount = 0

  init() {}

  subscript(position: Int) -> String {
    withBytes(at: position) { String(decoding: $0, as: UTF8.self) }
  }

  func isEmpty(_ position: Int) -> Bool { start(position) == end(position) }

  /// Calls `body` with the bytes of text `position`.
  @inline(__always)
  func withBytes<R>(at position: Int, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
    let (start, end) = (start(position), end(position))
    return try bytes.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[start..<end])) }
  }

  /// Whether text `position` is exactly `other`.
  @inline(__always)
  func equals(_ position: Int, _ other: UnsafeRawBufferPointer) -> Bool {
    let start = start(position)
    guard end(position) - start == other.count else { return false }
    if other.isEmpty { return true }
    return bytes.withUnsafeBytes { Self.same($0.baseAddress! + start, other.baseAddress!, other.count) }
  }

  mutating func append(_ text: UnsafeRawBufferPointer) {
    if count == 0 { width = text.count }
    if let common = width, text.count != common {
      // The first text of another length: the offsets so far are written out.
      ends.reserveCapacity(max(reservedCount, count + 1))
      for position in 0..<count { ends.append(UInt32((position + 1) * common)) }
      width = nil
    }
    bytes.append(contentsOf: text)
    if width == nil { ends.append(UInt32(bytes.count)) }
    count += 1
  }

  /// Room for `count` texts of `byteCount` bytes in all (offsets are reserved when needed).
  mutating func reserveCapacity(_ count: Int, bytes byteCount: Int) {
    bytes.reserveCapacity(byteCount)
    reservedCount = count
  }

  /// Byte equality, inline: ids and names are short, and a call to `memcmp` costs more than
  /// comparing them eight bytes at a time.
  @inline(__always)
  private static func same(_ a: UnsafeRawPointer, _ b: UnsafeRawPointer, _ count: Int) -> Bool {
    var offset = 0
    while offset + 8 <= count {
      if a.loadUnaligned(fromByteOffset: offset, as: UInt64.self) != b.loadUnaligned(fromByteOffset: offset, as: UInt64.self) {
        return false
      }
      offset += 8
    }
    while offset < count {
      if a.load(fromByteOffset: offset, as: UInt8.self) != b.load(fromByteOffset: offset, as: UInt8.self) { return false }
      offset += 1
    }
    return true
  }

  @inline(__always)
  private func start(_ position: Int) -> Int {
    if let width { return position * width }
    return position == 0 ? 0 : Int(ends[position - 1])
  }

  @inline(__always)
  private func end(_ position: Int) -> Int {
    if let width { return (position + 1) * width }
    return Int(ends[position])
  }
}
