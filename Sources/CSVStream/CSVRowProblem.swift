/// Why a row's bytes cannot be trusted, found while parsing; the importer rejects such rows.
public enum CSVRowProblem: Sendable, Equatable {
  /// A quoted field never closed (by the end of the file, or within the row size limit); the
  /// row's first line is kept and the lines after it are parsed again as rows.
  case unterminatedQuote
  /// The row is longer than the limit; its bytes were dropped.
  case tooLong(limit: Int)
  case nulByte
  case invalidUTF8
  /// U+FEFF inside the data: usually two exports concatenated.
  case byteOrderMark

  /// The first problem of a field that has a NUL or non-ASCII byte, if any.
  static func inspect(_ bytes: UnsafeRawBufferPointer) -> CSVRowProblem? {
    if bytes.contains(0) { return .nulByte }
    guard isValidUTF8(bytes) else { return .invalidUTF8 }
    var index = bytes.startIndex
    while let lead = bytes[index...].firstIndex(of: 0xEF) {
      if lead + 2 < bytes.endIndex, bytes[lead + 1] == 0xBB, bytes[lead + 2] == 0xBF { return .byteOrderMark }
      index = lead + 1
    }
    return nil
  }

  /// Whether `bytes` are well-formed UTF-8 (the Unicode standard's table 3-7: no overlong
  /// forms, surrogates or values past U+10FFFF). By hand, without building a `String`: every
  /// row with an accented name comes here, and `String(validating:)` allocated for each.
  static func isValidUTF8(_ bytes: UnsafeRawBufferPointer) -> Bool {
    var index = 0
    while index < bytes.count {
      let lead = bytes[index]
      if lead < 0x80 {
        index += 1
        continue
      }
      var (continuations, low, high): (Int, UInt8, UInt8) = (0, 0x80, 0xBF)
      switch lead {
      case 0xC2...0xDF: continuations = 1
      case 0xE0: (continuations, low) = (2, 0xA0)
      case 0xE1...0xEC, 0xEE...0xEF: continuations = 2
      case 0xED: (continuations, high) = (2, 0x9F)
      case 0xF0: (continuations, low) = (3, 0x90)
      case 0xF1...0xF3: continuations = 3
      case 0xF4: (continuations, high) = (3, 0x8F)
      default: return false
      }
      guard index + continuations < bytes.count, (low...high).contains(bytes[index + 1]) else { return false }
      for offset in stride(from: 2, through: continuations, by: 1) where bytes[index + offset] & 0xC0 != 0x80 {
        return false
      }
      index += continuations + 1
    }
    return true
  }
}
