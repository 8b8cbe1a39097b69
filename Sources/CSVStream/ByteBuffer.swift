/// A growing run of bytes that a writer owns and cannot copy: appending is a capacity check
/// and a store, where an array checks its uniqueness on every append. For the writers of
/// large outputs (`summary.json`'s long lists); the memory never leaves CSVStream.
public struct ByteBuffer: ~Copyable {
  private var storage: UnsafeMutablePointer<UInt8>
  public private(set) var count = 0
  private var capacity: Int

  public init(capacity: Int) {
    self.capacity = Swift.max(capacity, 64)
    storage = .allocate(capacity: self.capacity)
  }

  deinit { storage.deallocate() }

  /// The bytes as text (they are UTF-8): how a short value formatted byte by byte becomes a
  /// `String` (one allocation, where interpolating its parts made one per part).
  public var string: String { String(decoding: UnsafeBufferPointer(start: storage, count: count), as: UTF8.self) }

  /// A copy of bytes `range`.
  public func bytes(_ range: Range<Int>) -> [UInt8] {
    precondition(range.lowerBound >= 0 && range.upperBound <= count, "byte range out of range")
    return Array(UnsafeBufferPointer(start: storage + range.lowerBound, count: range.count))
  }

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
  public mutating func append(_ byte: UInt8) {
    reserve(1)
    storage[count] = byte
    count += 1
  }

  @inline(__always)
  public mutating func append(_ bytes: ByteView) {
    guard let base = bytes.base, bytes.count > 0 else { return }
    reserve(bytes.count)
    (storage + count).update(from: base.assumingMemoryBound(to: UInt8.self), count: bytes.count)
    count += bytes.count
  }

  public mutating func append(_ literal: StaticString) {
    literal.withUTF8Buffer { append(ByteView(UnsafeRawBufferPointer($0))) }
  }

  /// `value` in decimal, zero-padded to `width` digits (written backwards in place).
  @inline(__always)
  public mutating func appendDecimal(_ value: UInt64, width: Int) {
    var remaining = value
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
}
