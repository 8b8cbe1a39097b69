/// How the bytes of a file are to be read: its text encoding and its field delimiter.
package struct CSVDialect: Sendable, Equatable {
  /// A text encoding that CRM exports come in.
  package enum Encoding: String, Sendable, CaseIterable {
    /// UTF-8, with or without a byte-order mark.
    case utf8 = "utf-8"
    /// UTF-16 little-endian with a byte-order mark (Excel's "Unicode Text").
    case utf16le = "utf-16le"
    /// UTF-16 big-endian with a byte-order mark.
    case utf16be = "utf-16be"
    /// Windows code page 1252: configured, or detected for a file that is Windows-1252 and no
    /// UTF-8 throughout (see ``Windows1252Detection``).
    case windows1252 = "windows-1252"
  }

  /// `nil` means: detect from the byte-order mark (UTF-8 when there is none, Windows-1252 when
  /// the whole file is that and no UTF-8).
  package var encoding: Encoding?
  /// `nil` means: detect from the header line among `,` `;` and tab.
  package var delimiter: UInt8?

  package init(encoding: Encoding? = nil, delimiter: UInt8? = nil) {
    self.encoding = encoding
    self.delimiter = delimiter
  }
}
