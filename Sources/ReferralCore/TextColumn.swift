/// Texts stored back to back in one byte buffer with their end offsets: one allocation for a
/// whole column instead of one `String` per row. Texts are UTF-8; an empty one is allowed.
struct TextColumn: Sendable {
  private var bytes: [UInt8] = []
  private var ends: [UInt32] = []

  init() {}

  var count: Int { ends.count }

  subscript(position: Int) -> String {
    withBytes(at: position) { String(decoding: $0, as: UTF8.self) }
  }

  func isEmpty(_ position: Int) -> Bool { start(position) == Int(ends[position]) }

  /// Calls `body` with the bytes of text `position`.
  @inline(__always)
  func withBytes<R>(at position: Int, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
    let start = start(position)
    let end = Int(ends[position])
    return try bytes.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[start..<end])) }
  }

  /// Whether text `position` is exactly `other`.
  @inline(__always)
  func equals(_ position: Int, _ other: UnsafeRawBufferPointer) -> Bool {
    let start = start(position)
    guard Int(ends[position]) - start == other.count else { return false }
    if other.isEmpty { return true }
    return bytes.withUnsafeBytes { Self.same($0.baseAddress! + start, other.baseAddress!, other.count) }
  }

  mutating func append(_ text: UnsafeRawBufferPointer) {
    bytes.append(contentsOf: text)
    ends.append(UInt32(bytes.count))
  }

  mutating func reserveCapacity(_ count: Int, bytes byteCount: Int) {
    ends.reserveCapacity(count)
    bytes.reserveCapacity(byteCount)
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
  private func start(_ position: Int) -> Int { position == 0 ? 0 : Int(ends[position - 1]) }
}
