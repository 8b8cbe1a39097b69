import Testing

@testable import CSVStream

/// Files shaped as Excel writes them on other systems: CR-only lines (Excel for Mac's "CSV
/// (Macintosh)"), UTF-16 big-endian, and the `sep=` delimiter hint.
@Suite struct LineEndingAndHintTests {
  func parse(_ bytes: [UInt8], chunkSize: Int, dialect: CSVDialect = CSVDialect()) throws -> (rows: [[String]], lines: [Int], summary: CSVReadSummary) {
    var rows: [[String]] = []
    var lines: [Int] = []
    let summary = try CSVReader.read(bytes: bytes, dialect: dialect, chunkSize: chunkSize) { batch in
      for row in batch.rows {
        #expect(row.problem == nil, "line \(row.line)")
        rows.append(batch.strings(of: row))
        lines.append(row.line)
      }
    }
    return (rows, lines, summary)
  }

  /// 30,000 rows of 41 bytes (1.2 MB, over the 1 MiB row limit) with CR line ends: every
  /// row is a row, on its own line, none is rejected as one over-long row.
  @Test func aLargeCROnlyFileReadsAsRows() throws {
    let body = (10_001...40_000).map { "L\($0),2026-10-01,Referral,Company \($0)\r" }.joined()
    let bytes = Array(("lead_id,created_at,source,company\r" + body).utf8)
    #expect(bytes.count > CSVReader.defaultMaxRowBytes)
    let (rows, lines, summary) = try parse(bytes, chunkSize: CSVReader.defaultChunkSize)
    #expect(rows.count == 30_001)
    #expect(rows[30_000] == ["L40000", "2026-10-01", "Referral", "Company 40000"])
    #expect(lines == Array(1...30_001))
    #expect(summary.carriageReturnLines)
  }

  /// However the chunks fall (a CRLF split between two, a quoted line break), lines and
  /// fields come out the same; a CR inside quotes becomes LF.
  @Test(arguments: [4, 5, 6, 7, 8, 13, 64])
  func crOnlyLinesReadTheSameInAnyChunkSize(chunk: Int) throws {
    let text = "id,note\r1,\"two\rlines\"\r2,x\r\n3,y\r\r4,z"
    let (rows, lines, _) = try parse(Array(text.utf8), chunkSize: chunk)
    #expect(rows == [["id", "note"], ["1", "two\nlines"], ["2", "x"], ["3", "y"], ["4", "z"]])
    #expect(lines == [1, 2, 4, 5, 7])
  }

  @Test func crlfFilesAreNotTakenForCROnly() throws {
    let (rows, _, summary) = try parse(Array("a,\"x\ry\"\r\n1,2\r\n".utf8), chunkSize: 4)
    #expect(rows == [["a", "x\ry"], ["1", "2"]])
    #expect(!summary.carriageReturnLines)
  }

  @Test(arguments: [3, 5, 1 << 16])
  func decodesUTF16BigEndianWithItsByteOrderMark(chunk: Int) throws {
    let text = "id\tname\r\n1\tZoë 😀\r\n"
    let bytes: [UInt8] = [0xFE, 0xFF] + text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
    let (rows, _, summary) = try parse(bytes, chunkSize: max(chunk, 4))
    #expect(rows == [["id", "name"], ["1", "Zoë 😀"]])
    #expect(summary.dialect == CSVDialect(encoding: .utf16be, delimiter: 0x09))
  }

  /// Excel's first line `sep=;` names the delimiter and is no row: the header is line 2.
  @Test(arguments: ["sep=;\n", "SEP=;\r\n", "\"sep=;\"\n", "\u{FEFF}sep=;\n"])
  func theSeparatorHintNamesTheDelimiterAndIsSkipped(hint: String) throws {
    let (rows, lines, summary) = try parse(Array((hint + "id,x;name\n1,5;Zoë\n").utf8), chunkSize: 4)
    #expect(rows == [["id,x", "name"], ["1,5", "Zoë"]])
    #expect(lines == [2, 3])
    #expect(summary.skippedLines == 1)
    #expect(summary.dialect.delimiter == 0x3B)
  }

  @Test func aConfiguredDelimiterWinsOverTheHintWhichIsStillSkipped() throws {
    let (rows, _, summary) = try parse(Array("sep=;\nid,name\n1,x\n".utf8), chunkSize: 64, dialect: CSVDialect(delimiter: 0x2C))
    #expect(rows == [["id", "name"], ["1", "x"]])
    #expect(summary.skippedLines == 1)
  }

  @Test(arguments: ["sep=;;\nid\n", "separator\nid\n", "sep=\nid\n"])
  func aFirstLineThatIsNoHintIsTheHeader(text: String) throws {
    let (rows, _, summary) = try parse(Array(text.utf8), chunkSize: 64)
    #expect(rows.count == 2)
    #expect(summary.skippedLines == 0)
  }
}
