/// Small byte helpers for decoding fields without making `String`s (the views themselves,
/// ``CSVStream/ByteView``, come from the parser's arena).
extension UInt8 {
  var isDigit: Bool { self >= 0x30 && self <= 0x39 }
  var asciiLowercased: UInt8 { self >= 0x41 && self <= 0x5A ? self | 0x20 : self }
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
