import CSVStream

/// The domain of an e-mail address, the one part of it the report compares (a referred
/// lead's company may be known under another name, but not under another domain).
enum EmailDomain {
  /// The bytes after the last `@`, up to a space, comma, semicolon or `>` (a cell holding
  /// `Ana <ana@acme.com>`, or two addresses, gives the last address's domain); `nil` when there
  /// is no `@` or nothing after it: a value that is no address, ignored for matching.
  static func of(_ address: ByteView) -> ByteView? {
    guard let at = address.lastIndex(of: UInt8(ascii: "@")) else { return nil }
    let rest = address.part(at + 1..<address.count)
    let end = rest.firstIndex { $0 == 0x20 || $0 == 0x09 || $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: ";") || $0 == UInt8(ascii: ">") }
    let domain = rest.part(0..<(end ?? rest.count))
    return domain.isEmpty ? nil : domain
  }
}
