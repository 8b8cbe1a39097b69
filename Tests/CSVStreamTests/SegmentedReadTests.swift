import Testing

@testable import CSVStream

/// A file read by two readers (segments) must give exactly the rows, lines and problems one
/// reader gives, in the same order, whatever falls on a segment's start.
@Suite struct SegmentedReadTests {
  struct Row: Equatable {
    var fields: [String]
    var line: Int
    var problem: CSVRowProblem?
  }

  func rows(_ bytes: [UInt8], segmentBytes: Int, chunkSize: Int = 16, maxRowBytes: Int = 1 << 20) throws -> [Row] {
    var rows: [Row] = []
    _ = try CSVReader.read(bytes: bytes, chunkSize: chunkSize, maxRowBytes: maxRowBytes, segmentBytes: segmentBytes) { batch in
      for row in batch.rows { rows.append(Row(fields: batch.strings(of: row), line: row.line, problem: row.problem)) }
    }
    return rows
  }

  /// The line starts a reader of `bytes` in segments of `segmentBytes` cuts them at.
  func starts(_ bytes: [UInt8], segmentBytes: Int, after: Int) throws -> [Int] {
    let source = MemorySource(bytes: bytes)
    return try CSVReader.segmentStarts(in: source, total: bytes.count, after: after, segmentBytes: segmentBytes)
  }

  @Test func plainRowsAreTheSameAsOneReadersWithTheirFileLines() throws {
    let text = "id,name\n" + (1...200).map { "L\($0),name \($0)\n" }.joined()
    let bytes = Array(text.utf8)
    let segmented = try rows(bytes, segmentBytes: 100)
    #expect(try self.starts(bytes, segmentBytes: 100, after: 16).count > 10)
    #expect(segmented == (try rows(bytes, segmentBytes: 0)))
    // Row n (1-based, after the header) is on line n + 1.
    #expect(segmented.count == 201)
    #expect(segmented[150] == Row(fields: ["L150", "name 150"], line: 151, problem: nil))
  }

  /// A quoted field whose line breaks straddle a segment's start: the line start found there is
  /// inside the field, so the first reader ends its segment inside a row and reads on alone;
  /// the rows, their lines and the row after the field are one reader's.
  @Test func aQuotedFieldWithLineBreaksOverASegmentStartFallsBackToOneReader() throws {
    let head = "id,note\n" + (1...9).map { "L\($0),plain\n" }.joined()  // 8 + 9 × 9 = 89 bytes
    let note = "\"first line\nsecond line\nthird line\nfourth line\""
    let tail = (11...60).map { "L\($0),after\n" }.joined()
    let bytes = Array((head + "L10," + note + "\n" + tail).utf8)
    // The segment start after byte 100 is the line start inside the quoted field.
    let cut = try starts(bytes, segmentBytes: 100, after: 16)[1]
    let fieldStart = head.utf8.count + 4
    #expect(cut > fieldStart && cut < fieldStart + note.utf8.count)
    let segmented = try rows(bytes, segmentBytes: 100)
    #expect(segmented == (try rows(bytes, segmentBytes: 0)))
    #expect(segmented[10] == Row(fields: ["L10", "first line\nsecond line\nthird line\nfourth line"], line: 11, problem: nil))
    #expect(segmented[11] == Row(fields: ["L11", "after"], line: 15, problem: nil))
    #expect(segmented.count == 61)
  }

  /// The second reader's segment holds such a field over the next segment's start: it reads on
  /// alone to the end, and the first reader's work on later segments is dropped.
  @Test func theSecondReadersSegmentEndingInsideARowReadsOnAlone() throws {
    let rowsBefore = (1...30).map { "L\($0),plain\n" }.joined()
    let note = "\"" + (1...12).map { "note line \($0)" }.joined(separator: "\n") + "\""
    let bytes = Array(("id,note\n" + rowsBefore + "L31," + note + "\n" + (32...90).map { "L\($0),after\n" }.joined()).utf8)
    for segmentBytes in [64, 100, 128, 200] {
      #expect(try rows(bytes, segmentBytes: segmentBytes) == (try rows(bytes, segmentBytes: 0)), "segments of \(segmentBytes)")
    }
  }

  /// Broken rows keep their file lines and their place: an unterminated quote near the end,
  /// rows over the limit, CRLF line ends and blank lines, whatever the segment size.
  @Test func brokenRowsCRLFAndBlankLinesAreOneReadersInEverySegmentSize() throws {
    var text = "id,name\r\n"
    for number in 1...120 {
      switch number % 17 {
      case 3: text += "L\(number),\(String(repeating: "x", count: 70))\r\n"  // over the limit of 64
      case 5: text += "\r\n"
      case 11: text += "L\(number),\"two\r\nlines\"\r\n"
      default: text += "L\(number),n\(number)\r\n"
      }
    }
    text += "L999,\"never closed\nL1000,last\n"
    let bytes = Array(text.utf8)
    let one = try rows(bytes, segmentBytes: 0, maxRowBytes: 64)
    #expect(one.contains { $0.problem == .tooLong(limit: 64) })
    #expect(one.contains { $0.problem == .unterminatedQuote })
    for segmentBytes in [40, 64, 97, 150, 333] {
      for chunkSize in [7, 16, 64] {
        #expect(try rows(bytes, segmentBytes: segmentBytes, chunkSize: chunkSize, maxRowBytes: 64) == one, "segments \(segmentBytes), chunks \(chunkSize)")
      }
    }
  }

  @Test func aFileUnderTwoSegmentsIsNotCut() throws {
    #expect(try starts(Array("a,b\n1,2\n".utf8), segmentBytes: 1 << 22, after: 8) == [0])
  }
}
