// Public, not package: the inlined per-field reads of CSVBatch name it, and an inlinable body
// may name only public types.

/// Why a row's bytes cannot be trusted, found while parsing; the importer rejects such rows.
/// (NUL bytes, UTF-8 and byte-order marks are checked in C, by `field_text_problem`.)
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
}
