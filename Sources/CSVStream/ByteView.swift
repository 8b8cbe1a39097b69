// Public, not package: the per-field reads are inlined into the decoders of other modules,
// which Swift 6.3 does only for public bodies; see docs/PERFORMANCE.md.

#if canImport(Glibc)
  import Glibc
#endif

/// A read-only view of bytes that someone else owns (a parser's arena, a column's storage),
/// handed out for the length of one call (so never sent to another thread): the one way the
/// stages read bytes without making
/// `String`s. Every access is bounds-checked; the pointer behind it never leaves CSVStream.
///
/// Indexed from 0. A view must not outlive the call that gave it out (a field of a batch that
/// is refilled, a column that grows): take what you need from it, as a value, inside the call.
///
/// Why not `RawSpan`, which would make the compiler hold that rule: with Swift 6.3.1 a type
/// that keeps one must be `~Escapable`, and then its initializer and getters do not compile
/// ("an initializer cannot return a ~Escapable result") without
/// `-enable-experimental-feature Lifetimes` and the underscored `@_lifetime` on each; nor can a
/// row's fields be an array of spans ("type 'RawSpan' does not conform to protocol
/// 'Escapable'"). Every decoder reads fields through a row view, so the switch waits for
/// lifetimes to be a language feature (checked 2026-12-07).
@frozen
public struct ByteView: RandomAccessCollection {
  @usableFromInline let base: UnsafeRawPointer?
  public let count: Int

  @inlinable
  init(_ buffer: UnsafeRawBufferPointer) {
    base = buffer.baseAddress
    count = buffer.count
  }

  /// No bytes: an absent cell stored as empty.
  public static var empty: ByteView { ByteView(UnsafeRawBufferPointer(start: nil, count: 0)) }

  public var startIndex: Int { 0 }
  public var endIndex: Int { count }

  @inlinable @inline(__always)
  public subscript(position: Int) -> UInt8 {
    precondition(position >= 0 && position < count, "byte index out of range")
    return base.unsafelyUnwrapped.load(fromByteOffset: position, as: UInt8.self)
  }

  /// Bytes `range` of this view, as a view of its own (indexed from 0 again).
  @inlinable @inline(__always)
  public func part(_ range: Range<Int>) -> ByteView {
    precondition(range.lowerBound >= 0 && range.upperBound <= count, "byte range out of range")
    return ByteView(UnsafeRawBufferPointer(start: base.map { $0 + range.lowerBound }, count: range.count))
  }

  /// The `size` bytes at `offset` as one little-endian integer: for hashing and comparing
  /// short values a word at a time.
  @inlinable @inline(__always)
  public func word<Word: FixedWidthInteger>(at offset: Int, as _: Word.Type) -> Word {
    precondition(offset >= 0 && offset + MemoryLayout<Word>.size <= count, "word out of range")
    return base.unsafelyUnwrapped.loadUnaligned(fromByteOffset: offset, as: Word.self)
  }

  /// The first and the last eight bytes, of a view of eight bytes or more: with the count, all
  /// of a text of up to sixteen bytes (a date), and a quick key for a longer one.
  @inlinable
  public var edgeWords: (first: UInt64, last: UInt64) { (word(at: 0, as: UInt64.self), word(at: count - 8, as: UInt64.self)) }

  public func withContiguousStorageIfAvailable<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R? {
    try body(UnsafeBufferPointer(start: base?.assumingMemoryBound(to: UInt8.self), count: count))
  }

  /// Whether every byte is ASCII: then byte order is `String`'s order.
  public var isASCII: Bool { allSatisfy { $0 < 0x80 } }

  /// Without leading and trailing ASCII spaces and tabs.
  @inlinable @inline(__always)
  public var trimmed: ByteView {
    var start = 0
    var end = count
    while start < end, self[start] == 0x20 || self[start] == 0x09 { start += 1 }
    while end > start, self[end - 1] == 0x20 || self[end - 1] == 0x09 { end -= 1 }
    return start == 0 && end == count ? self : part(start..<end)
  }

  /// The bytes as UTF-8 text.
  public var string: String { String(decoding: self, as: UTF8.self) }

  /// A copy of the bytes.
  public var bytes: [UInt8] { Array(self) }

  /// Whether these are exactly the bytes of `other`. Inline: ids and names are short, and a
  /// call to `memcmp` costs more than comparing them eight bytes at a time. The last word (or
  /// half or quarter word) overlaps the one before, so no byte is compared on its own unless
  /// the text is under two bytes.
  @inlinable @inline(__always)
  public func equals(_ other: ByteView) -> Bool {
    guard count == other.count else { return false }
    @inline(__always) func equal<Word: FixedWidthInteger>(_ offset: Int, _: Word.Type) -> Bool {
      base.unsafelyUnwrapped.loadUnaligned(fromByteOffset: offset, as: Word.self)
        == other.base.unsafelyUnwrapped.loadUnaligned(fromByteOffset: offset, as: Word.self)
    }
    switch count {
    case 8...:
      var offset = 0
      while offset + 8 < count {
        if !equal(offset, UInt64.self) { return false }
        offset += 8
      }
      return equal(count - 8, UInt64.self)
    case 4..<8: return equal(0, UInt32.self) && equal(count - 4, UInt32.self)
    case 2..<4: return equal(0, UInt16.self) && equal(count - 2, UInt16.self)
    case 1: return equal(0, UInt8.self)
    default: return true
    }
  }

  /// Whether these are exactly the bytes of `other`.
  @inlinable
  public func equals(_ other: [UInt8]) -> Bool { other.withByteView { equals($0) } }

  /// Whether these bytes sort before `other`'s, byte by byte (a prefix first).
  @inlinable
  public func precedes(_ other: ByteView) -> Bool { order(other) < 0 }

  /// Below zero when these bytes sort before `other`'s, above zero when after, zero when they
  /// are the same (one comparison where `precedes` both ways would make two). Eight bytes at a
  /// time, as big-endian words, then byte by byte: ids are short, and a call to `memcmp` per
  /// comparison cost more than the comparing (a tenth of the joins' time at 1M leads).
  @inlinable
  public func order(_ other: ByteView) -> Int {
    let common = Swift.min(count, other.count)
    var offset = 0
    while offset + 8 <= common {
      let (mine, theirs) = (word(at: offset, as: UInt64.self), other.word(at: offset, as: UInt64.self))
      if mine != theirs { return mine.bigEndian < theirs.bigEndian ? -1 : 1 }
      offset += 8
    }
    while offset < common {
      let (mine, theirs) = (self[offset], other[offset])
      if mine != theirs { return mine < theirs ? -1 : 1 }
      offset += 1
    }
    return count - other.count
  }

  /// Appends the bytes to `array`.
  @inlinable
  public func append(to array: inout [UInt8]) {
    guard count > 0 else { return }
    array.append(contentsOf: UnsafeRawBufferPointer(start: base, count: count))
  }
}

extension Array where Element == UInt8 {
  /// Calls `body` with a view of the array's bytes `range` (all of them by default).
  @inlinable
  public func withByteView<R>(_ range: Range<Int>? = nil, _ body: (ByteView) throws -> R) rethrows -> R {
    try withUnsafeBytes { buffer in
      let view = ByteView(buffer)
      return try body(range.map { view.part($0) } ?? view)
    }
  }

  /// Overwrites the bytes from `offset` on with `view`'s (which must fit).
  @inlinable
  public mutating func replaceBytes(at offset: Int, with view: ByteView) {
    precondition(offset >= 0 && offset + view.count <= count, "bytes out of range")
    guard view.count > 0 else { return }
    withUnsafeMutableBytes { $0.baseAddress.unsafelyUnwrapped.advanced(by: offset).copyMemory(from: view.base.unsafelyUnwrapped, byteCount: view.count) }
  }
}

/// Calls `body` with a view of the first `count` bytes of `value`'s memory: a small text
/// spelled out in a tuple of words on the stack, read without a heap buffer.
@inlinable
public func withByteView<Value, R>(of value: Value, count: Int, _ body: (ByteView) throws -> R) rethrows -> R {
  precondition(count >= 0 && count <= MemoryLayout<Value>.size, "more bytes than the value has")
  return try withUnsafeBytes(of: value) { try body(ByteView(UnsafeRawBufferPointer(rebasing: $0[..<count]))) }
}

extension String {
  /// Calls `body` with a view of the text's UTF-8 bytes: for the few places that start from a
  /// `String` (values built by hand, the config) what the tables take as bytes.
  @inlinable
  public func withByteView<R>(_ body: (ByteView) throws -> R) rethrows -> R {
    var text = self
    return try text.withUTF8 { try body(ByteView(UnsafeRawBufferPointer($0))) }
  }
}
