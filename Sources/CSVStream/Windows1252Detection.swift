import CFieldArena

/// Whether a file with no byte-order mark and no configured encoding is Windows-1252 rather than
/// UTF-8: Salesforce and Excel on Windows write such exports (accented names, 0xA0 no-break
/// spaces in amounts), and read as UTF-8 every row with one of those bytes would be rejected.
///
/// A file is read as Windows-1252 only when the whole of it says so: it has bytes that are no
/// UTF-8, it has no UTF-8 sequence of two bytes or more at all (so it is not UTF-8 text with a
/// few damaged bytes, which keeps its row-by-row rejects and their hint), and every byte is
/// defined in Windows-1252 (0x81, 0x8D, 0x8F, 0x90 and 0x9D are not). The bytes are scanned
/// chunk by chunk; a sequence cut by a chunk's end is finished in the next.
struct Windows1252Detection {
  /// Some bytes are no UTF-8.
  private(set) var invalidUTF8 = false
  /// Some bytes are a UTF-8 sequence of two bytes or more.
  private(set) var validMultibyte = false
  /// Some bytes are undefined in Windows-1252.
  private(set) var undefinedIn1252 = false
  /// The continuation bytes still expected for the sequence being read, and the range of the next.
  private var expected = 0
  private var low: UInt8 = 0x80
  private var high: UInt8 = 0xBF

  /// Whether the bytes scanned so far (the whole file, once ``finish()`` was called) are
  /// Windows-1252 and not UTF-8.
  var isWindows1252: Bool { invalidUTF8 && !validMultibyte && !undefinedIn1252 }

  /// Scans `bytes`, the next part of the file.
  mutating func scan(_ bytes: UnsafeRawBufferPointer) {
    for byte in bytes {
      if byte >= 0x80, byte <= 0x9F, Self.undefined.contains(byte) { undefinedIn1252 = true }
      if expected > 0 {
        if byte >= low, byte <= high {
          expected -= 1
          (low, high) = (0x80, 0xBF)
          if expected == 0 { validMultibyte = true }
          continue
        }
        // A sequence broken off: its start was no UTF-8, and this byte starts afresh.
        invalidUTF8 = true
        expected = 0
        (low, high) = (0x80, 0xBF)
      }
      start(byte)
    }
  }

  /// Ends the file: a sequence still open at its end was no UTF-8.
  mutating func finish() {
    if expected > 0 { invalidUTF8 = true }
    expected = 0
  }

  /// Whether `bytes` (a file's first chunk) hold bytes that are no UTF-8, a sequence cut at
  /// their end aside: only then is the whole file scanned.
  static func hasInvalidUTF8(_ bytes: UnsafeRawBufferPointer) -> Bool {
    // The C check reads ASCII eight bytes at a time: a UTF-8 file pays no more for this. It
    // calls a sequence cut at the end invalid, so only its "valid" is final.
    if let base = bytes.baseAddress, field_is_valid_utf8(base.assumingMemoryBound(to: UInt8.self), bytes.count) != 0 { return false }
    var detection = Windows1252Detection()
    detection.scan(bytes)
    return detection.invalidUTF8
  }

  private mutating func start(_ byte: UInt8) {
    (low, high) = (0x80, 0xBF)
    switch byte {
    case 0x00..<0x80: expected = 0
    case 0xC2...0xDF: expected = 1
    case 0xE0: (expected, low) = (2, 0xA0)
    case 0xE1...0xEC, 0xEE, 0xEF: expected = 2
    case 0xED: (expected, high) = (2, 0x9F)
    case 0xF0: (expected, low) = (3, 0x90)
    case 0xF1...0xF3: expected = 3
    case 0xF4: (expected, high) = (3, 0x8F)
    default: invalidUTF8 = true
    }
  }

  /// The bytes Windows-1252 leaves undefined.
  private static let undefined: Set<UInt8> = [0x81, 0x8D, 0x8F, 0x90, 0x9D]
}
