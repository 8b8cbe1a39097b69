#if canImport(Glibc)
  import Glibc
#endif

/// Small byte helpers for decoding fields without making `String`s. Fields are views into the
/// parser's arena (``CSVStream/CSVRowView``), so they are raw buffers, indexed from 0.
extension UnsafeRawBufferPointer {
  /// Without leading and trailing ASCII spaces and tabs.
  @inline(__always)
  var trimmed: UnsafeRawBufferPointer {
    var start = 0
    var end = count
    while start < end, self[start] == 0x20 || self[start] == 0x09 { start += 1 }
    while end > start, self[end - 1] == 0x20 || self[end - 1] == 0x09 { end -= 1 }
    if start == 0 && end == count { return self }
    return UnsafeRawBufferPointer(rebasing: self[start..<end])
  }

  /// Bytes `range` of this one, as a buffer of their own.
  @inline(__always)
  func part(_ range: Range<Int>) -> UnsafeRawBufferPointer { UnsafeRawBufferPointer(rebasing: self[range]) }

  var string: String { String(decoding: self, as: UTF8.self) }

  /// Whether these are exactly the bytes of `other`.
  @inline(__always)
  func equals(_ other: [UInt8]) -> Bool {
    guard count == other.count else { return false }
    if count == 0 { return true }
    return other.withUnsafeBytes { memcmp(baseAddress!, $0.baseAddress!, count) == 0 }
  }
}

extension UInt8 {
  @inlinable var isDigit: Bool { self >= 0x30 && self <= 0x39 }
  @inlinable var asciiLowercased: UInt8 { self >= 0x41 && self <= 0x5A ? self | 0x20 : self }
}

/// The lower-cased ASCII letters and digits of `text`: the key under which stage values,
/// kinds and header names are compared ("Closed Won", "closed_won" and "closedwon" agree).
func compactKey<S: Sequence>(_ text: S) -> String where S.Element == UInt8 {
  var key: [UInt8] = []
  for byte in text where byte >= 0x80 || byte.isDigit || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) {
    key.append(byte.asciiLowercased)
  }
  return String(decoding: key, as: UTF8.self)
}

extension UnsafeRawBufferPointer {
  /// No bytes: an absent cell stored as empty.
  static var empty: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: nil, count: 0) }
}
