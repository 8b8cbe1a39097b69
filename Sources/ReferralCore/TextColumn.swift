#if canImport(Glibc)
  import Glibc
#endif

/// Texts stored back to back in one byte buffer with their end offsets: one allocation for a
/// whole column instead of one `String` per row. Texts are UTF-8; an empty one is allowed.
public struct TextColumn: Sendable {
  private var bytes: [UInt8] = []
  private var ends: [UInt32] = []

  public init() {}

  public var count: Int { ends.count }

  public subscript(position: Int) -> String {
    withBytes(at: position) { String(decoding: $0, as: UTF8.self) }
  }

  public func isEmpty(_ position: Int) -> Bool { start(position) == Int(ends[position]) }

  /// Calls `body` with the bytes of text `position`.
  @inline(__always)
  public func withBytes<R>(at position: Int, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
    let start = start(position)
    let end = Int(ends[position])
    return try bytes.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[start..<end])) }
  }

  /// Whether text `position` is exactly `other`.
  @inline(__always)
  public func equals(_ position: Int, _ other: UnsafeRawBufferPointer) -> Bool {
    let start = start(position)
    guard Int(ends[position]) - start == other.count else { return false }
    if other.isEmpty { return true }
    return bytes.withUnsafeBytes { memcmp($0.baseAddress! + start, other.baseAddress!, other.count) == 0 }
  }

  public mutating func append(_ text: UnsafeRawBufferPointer) {
    bytes.append(contentsOf: text)
    ends.append(UInt32(bytes.count))
  }

  public mutating func reserveCapacity(_ count: Int, bytes byteCount: Int) {
    ends.reserveCapacity(count)
    bytes.reserveCapacity(byteCount)
  }

  @inline(__always)
  private func start(_ position: Int) -> Int { position == 0 ? 0 : Int(ends[position - 1]) }
}
