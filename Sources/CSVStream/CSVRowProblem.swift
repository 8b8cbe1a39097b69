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
    guard String(validating: bytes, as: UTF8.self) != nil else { return .invalidUTF8 }
    var index = bytes.startIndex
    while let lead = bytes[index...].firstIndex(of: 0xEF) {
      if lead + 2 < bytes.endIndex, bytes[lead + 1] == 0xBB, bytes[lead + 2] == 0xBF { return .byteOrderMark }
      index = lead + 1
    }
    return nil
  }
}
