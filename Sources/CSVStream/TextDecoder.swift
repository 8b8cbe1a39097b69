/// Turns the raw bytes of an export into UTF-8 for libcsv, chunk by chunk.
///
/// Excel saves "Unicode Text" as UTF-16LE with a byte-order mark and older exports come as
/// Windows-1252; libcsv only splits bytes, so everything is made UTF-8 before it gets there.
/// Files whose lines end in a bare CR (Excel for Mac's "CSV (Macintosh)") get LF line ends
/// here, because the reader finds rows by their line feeds.
struct TextDecoder {
  private(set) var encoding: CSVDialect.Encoding
  /// Whether CR and CRLF line ends are turned into LF (set for CR-only files).
  var endsLinesWithLineFeeds = false
  private var pendingByte: UInt8?
  private var pendingHighSurrogate: UInt16?
  /// The last byte decoded was a CR turned into LF: an LF right after it is dropped.
  private var afterCarriageReturn = false

  init(encoding: CSVDialect.Encoding) { self.encoding = encoding }

  /// Detects the encoding from a byte-order mark at the start of `prefix` and returns how many
  /// bytes the mark takes. `configured` wins over detection, but a matching mark is still skipped.
  static func detect(prefix: UnsafeRawBufferPointer, configured: CSVDialect.Encoding?) -> (CSVDialect.Encoding, Int) {
    let utf8BOM = prefix.count >= 3 && prefix[0] == 0xEF && prefix[1] == 0xBB && prefix[2] == 0xBF
    let utf16BOM = prefix.count >= 2 && prefix[0] == 0xFF && prefix[1] == 0xFE
    let utf16BigEndianBOM = prefix.count >= 2 && prefix[0] == 0xFE && prefix[1] == 0xFF
    switch configured {
    case .utf8?: return (.utf8, utf8BOM ? 3 : 0)
    case .utf16le?: return (.utf16le, utf16BOM ? 2 : 0)
    case .utf16be?: return (.utf16be, utf16BigEndianBOM ? 2 : 0)
    case .windows1252?: return (.windows1252, 0)
    case nil:
      if utf16BOM { return (.utf16le, 2) }
      if utf16BigEndianBOM { return (.utf16be, 2) }
      return (.utf8, utf8BOM ? 3 : 0)
    }
  }

  /// Whether the first line of `text` ends in a bare CR (not CRLF): the file's lines end so.
  /// Line breaks inside quotes are data. `nil` while the first line break, or the byte after
  /// a CR, has not arrived yet.
  static func endsLinesWithCarriageReturns(_ text: [UInt8], complete: Bool) -> Bool? {
    var quoted = false
    for (index, byte) in text.enumerated() {
      if byte == 0x22 { quoted.toggle() }
      if quoted || (byte != 0x0A && byte != 0x0D) { continue }
      if byte == 0x0A { return false }
      if index + 1 < text.count { return text[index + 1] != 0x0A }
      return complete ? true : nil
    }
    return complete ? false : nil
  }

  /// Turns CR and CRLF into LF in `output[start...]`, the text just decoded. A CR inside a
  /// quoted field becomes LF too: quotes are not tracked here, so a stray quote cannot make
  /// the rest of the file one row.
  mutating func endLinesWithLineFeeds(_ output: inout [UInt8], from start: Int) {
    var kept = start
    for index in start..<output.count {
      let byte = output[index]
      if afterCarriageReturn, byte == 0x0A {
        afterCarriageReturn = false
        continue
      }
      afterCarriageReturn = byte == 0x0D
      output[kept] = afterCarriageReturn ? 0x0A : byte
      kept += 1
    }
    output.removeSubrange(kept...)
  }

  /// Appends the UTF-8 form of `input` to `output`.
  mutating func decode(_ input: UnsafeRawBufferPointer, into output: inout [UInt8]) {
    let start = output.count
    decodeText(input, into: &output)
    if endsLinesWithLineFeeds { endLinesWithLineFeeds(&output, from: start) }
  }

  private mutating func decodeText(_ input: UnsafeRawBufferPointer, into output: inout [UInt8]) {
    switch encoding {
    case .utf8:
      output.append(contentsOf: input)
    case .windows1252:
      for byte in input { appendScalar(Self.windows1252[Int(byte)], to: &output) }
    case .utf16le, .utf16be:
      let bigEndian = encoding == .utf16be
      func unit(_ first: UInt8, _ second: UInt8) -> UInt16 {
        bigEndian ? UInt16(first) << 8 | UInt16(second) : UInt16(first) | UInt16(second) << 8
      }
      var index = 0
      if let first = pendingByte, input.count > 0 {
        decodeUnit(unit(first, input[0]), into: &output)
        pendingByte = nil
        index = 1
      }
      while index + 1 < input.count {
        decodeUnit(unit(input[index], input[index + 1]), into: &output)
        index += 2
      }
      if index < input.count { pendingByte = input[index] }
    }
  }

  /// Flushes what a truncated file left half-decoded, as U+FFFD.
  mutating func finish(into output: inout [UInt8]) {
    if pendingByte != nil || pendingHighSurrogate != nil { appendScalar(0xFFFD, to: &output) }
    pendingByte = nil
    pendingHighSurrogate = nil
  }

  private mutating func decodeUnit(_ unit: UInt16, into output: inout [UInt8]) {
    if let high = pendingHighSurrogate {
      pendingHighSurrogate = nil
      if unit & 0xFC00 == 0xDC00 {
        let scalar = 0x10000 + ((UInt32(high) - 0xD800) << 10) + (UInt32(unit) - 0xDC00)
        appendScalar(scalar, to: &output)
        return
      }
      appendScalar(0xFFFD, to: &output)
    }
    switch unit & 0xFC00 {
    case 0xD800: pendingHighSurrogate = unit
    case 0xDC00: appendScalar(0xFFFD, to: &output)
    default: appendScalar(UInt32(unit), to: &output)
    }
  }

  private func appendScalar(_ scalar: UInt32, to output: inout [UInt8]) {
    switch scalar {
    case 0..<0x80:
      output.append(UInt8(scalar))
    case 0x80..<0x800:
      output.append(UInt8(0xC0 | scalar >> 6))
      output.append(UInt8(0x80 | scalar & 0x3F))
    case 0x800..<0x10000:
      output.append(UInt8(0xE0 | scalar >> 12))
      output.append(UInt8(0x80 | (scalar >> 6) & 0x3F))
      output.append(UInt8(0x80 | scalar & 0x3F))
    default:
      output.append(UInt8(0xF0 | scalar >> 18))
      output.append(UInt8(0x80 | (scalar >> 12) & 0x3F))
      output.append(UInt8(0x80 | (scalar >> 6) & 0x3F))
      output.append(UInt8(0x80 | scalar & 0x3F))
    }
  }

  /// Code points of Windows-1252; 0x80–0x9F differ from Latin-1 (undefined ones map to U+FFFD).
  private static let windows1252: [UInt32] = {
    var table = (0..<256).map { UInt32($0) }
    let high: [UInt32] = [
      0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039,
      0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
      0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
    ]
    for (offset, scalar) in high.enumerated() { table[0x80 + offset] = scalar }
    return table
  }()
}
