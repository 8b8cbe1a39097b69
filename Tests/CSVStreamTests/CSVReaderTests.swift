@testable import CSVStream
import Testing

@Suite struct CSVReaderTests {
  func parse(_ text: String, chunkSize: Int = 7, dialect: CSVDialect = CSVDialect()) throws -> ([[String]], [Int], CSVReadSummary) {
    try parse(Array(text.utf8), chunkSize: chunkSize, dialect: dialect)
  }

  func parse(_ bytes: [UInt8], chunkSize: Int = 7, dialect: CSVDialect = CSVDialect()) throws -> ([[String]], [Int], CSVReadSummary) {
    var rows: [[String]] = []
    var lines: [Int] = []
    let summary = try CSVReader.read(bytes: bytes, dialect: dialect, chunkSize: chunkSize) { batch in
      for row in batch.rows {
        rows.append(batch.strings(of: row))
        lines.append(row.line)
      }
    }
    return (rows, lines, summary)
  }

  @Test func everyRowKnowsItsPhysicalLine() throws {
    let (rows, lines, _) = try parse("a,b\n1,\"x\ny\"\n\n2,z\r\n3,w\r\n")
    #expect(rows == [["a", "b"], ["1", "x\ny"], ["2", "z"], ["3", "w"]])
    #expect(lines == [1, 2, 5, 6])
  }

  @Test func crOnlyLineEndsCountLines() throws {
    let (_, lines, _) = try parse("a\r1\r2")
    #expect(lines == [1, 2, 3])
  }

  @Test(arguments: [("a;b\n1;2\n", UInt8(0x3B)), ("a\tb\n1\t2\n", 0x09), ("a,b\n1,2\n", 0x2C), ("\"x;y\",b\n", 0x2C)])
  func detectsTheDelimiterFromTheHeaderLine(text: String, delimiter: UInt8) throws {
    let (_, _, summary) = try parse(text)
    #expect(summary.dialect.delimiter == delimiter)
  }

  @Test func tabsInsideFieldsSurviveWhenTabIsTheDelimiter() throws {
    let (rows, _, _) = try parse("a\tb\n x \t y\n")
    #expect(rows[1] == ["x", "y"])
  }

  @Test func skipsAUTF8ByteOrderMark() throws {
    let (rows, _, summary) = try parse([0xEF, 0xBB, 0xBF] + Array("id,name\n1,é\n".utf8), chunkSize: 4)
    #expect(rows == [["id", "name"], ["1", "é"]])
    #expect(summary.dialect.encoding == .utf8)
  }

  @Test func decodesUTF16LEWithSurrogatesAcrossChunks() throws {
    let text = "id\tname\r\n1\tZoë 😀\r\n"
    let bytes: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    let (rows, _, summary) = try parse(bytes, chunkSize: 5)
    #expect(rows == [["id", "name"], ["1", "Zoë 😀"]])
    #expect(summary.dialect == CSVDialect(encoding: .utf16le, delimiter: 0x09))
  }

  @Test func decodesWindows1252WhenConfigured() throws {
    let bytes: [UInt8] = Array("name\n".utf8) + [0x80, 0x20, 0x4D, 0xFC, 0x6C, 0x6C, 0x65, 0x72, 0x0A]
    let (rows, _, _) = try parse(bytes, dialect: CSVDialect(encoding: .windows1252))
    #expect(rows[1] == ["€ Müller"])
  }

  @Test func flagsAnUnterminatedQuoteAtTheEndAndKeepsItsRow() throws {
    var rows: [CSVRowInfo] = []
    var fields: [[String]] = []
    _ = try CSVReader.read(bytes: Array("a,b\n1,2\n3,\"open\nmore\n".utf8), chunkSize: 5) { batch in
      rows.append(contentsOf: batch.rows)
      fields.append(contentsOf: batch.rows.map { batch.strings(of: $0) })
    }
    #expect(rows.map(\.unterminatedQuote) == [false, false, true])
    #expect(rows.last?.line == 3)
    #expect(fields.last == ["3", "open\nmore\n"])
  }

  @Test func flagsOversizedFieldsWithoutKeepingThem() throws {
    var rows: [CSVRowInfo] = []
    let big = String(repeating: "x", count: 100)
    _ = try CSVReader.read(bytes: Array("a,b\n1,\(big)\n2,3\n".utf8), chunkSize: 16, maxFieldBytes: 50) { batch in
      rows.append(contentsOf: batch.rows)
    }
    #expect(rows.map(\.oversizedField) == [false, true, false])
  }
}
