import CFieldArena
import Testing

/// The per-row scan (16 bytes at a time, the last block overlapping) against a byte-by-byte
/// count, for every row length up to 40 and every position of a line feed, NUL or high byte.
@Suite struct RowScanTests {
  func scan(_ bytes: [UInt8]) -> (lineFeeds: Int, unusual: Bool) {
    var feeds = 0
    let unusual = bytes.withUnsafeBufferPointer { field_scan_row($0.baseAddress, $0.count, &feeds) }
    return (feeds, unusual != 0)
  }

  @Test(arguments: [UInt8(0x0A), 0x00, 0x80, 0xC3, 0xFF])
  func everyLengthAndPosition(special: UInt8) {
    for length in 0...40 {
      let plain = [UInt8](repeating: 0x61, count: length)
      #expect(scan(plain) == (0, false))
      for position in 0..<length {
        var row = plain
        row[position] = special
        row.append(contentsOf: [0x0A, 0x80, 0x00])  // past the row: must not be seen
        let found = row.withUnsafeBufferPointer { buffer in
          var feeds = 0
          let unusual = field_scan_row(buffer.baseAddress, length, &feeds)
          return (feeds, unusual != 0)
        }
        #expect(found == (special == 0x0A ? 1 : 0, special != 0x0A), "length \(length), position \(position)")
      }
    }
    #expect(scan([0x0A, 0x61, 0x0A] + [UInt8](repeating: 0x0A, count: 17)) == (19, false))
  }
}
