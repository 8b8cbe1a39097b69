import Testing

@testable import CSVStream

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

  func rows(_ text: String, chunkSize: Int = 5, maxRowBytes: Int = CSVReader.defaultMaxRowBytes) throws -> [(
    fields: [String], line: Int, problem: CSVRowProblem?
  )] {
    var result: [(fields: [String], line: Int, problem: CSVRowProblem?)] = []
    _ = try CSVReader.read(bytes: Array(text.utf8), chunkSize: chunkSize, maxRowBytes: maxRowBytes) { batch in
      for row in batch.rows { result.append((batch.strings(of: row), row.line, row.problem)) }
    }
    return result
  }

  @Test(arguments: [4, 5, 64])
  func anUnterminatedQuoteAtTheEndKeepsItsFirstLineAndReadsTheRestAgain(chunkSize: Int) throws {
    let parsed = try rows("a,b\n1,2\n3,\"open\n4,5\n", chunkSize: chunkSize)
    #expect(parsed.map(\.fields) == [["a", "b"], ["1", "2"], ["3,\"open"], ["4", "5"]])
    #expect(parsed.map(\.line) == [1, 2, 3, 4])
    #expect(parsed.map(\.problem) == [nil, nil, .unterminatedQuote, nil])
  }

  @Test func anUnterminatedQuoteMidFileDoesNotSwallowTheRest() throws {
    let body = (5...40).map { "\($0),x\n" }.joined()
    let parsed = try rows("a,b\n1,\"open\n" + body, maxRowBytes: 64)
    #expect(parsed[1].problem == .unterminatedQuote)
    #expect(parsed[1].line == 2)
    #expect(parsed.count == 2 + 36)
    #expect(parsed.last?.fields == ["40", "x"])
    #expect(parsed.last?.line == 38)
  }

  @Test func aQuoteInsideAnUnquotedFieldIsDataButTextAfterAClosingQuoteIsNot() throws {
    let parsed = try rows("a,b\n1,5\" screen\n2,\"ok\"x\n3,y\n")
    #expect(parsed.map(\.problem) == [nil, nil, .unterminatedQuote, nil])
    #expect(parsed.map(\.fields) == [["a", "b"], ["1", "5\" screen"], ["2,\"ok\"x"], ["3", "y"]])
  }

  @Test func aStrayOpeningQuoteRejectsItsLineOnly() throws {
    let parsed = try rows("a,b\n1,\"x\n2,y\n3,z\n")
    #expect(parsed.map(\.problem) == [nil, .unterminatedQuote, nil, nil])
    #expect(parsed.map(\.line) == [1, 2, 3, 4])
  }

  /// A field far larger than a batch's first arena and a row of more fields than its first
  /// table of field ends: the arena grows (in C) and every byte and field comes back.
  @Test(arguments: [7, 1 << 12, 1 << 18])
  func aHugeFieldAndAVeryWideRowGrowTheArena(chunkSize: Int) throws {
    let huge = String((0..<200_000).map { Character(UnicodeScalar(UInt8(0x61 + $0 % 26))) })
    let wide = (0..<10_000).map { "f\($0)" }
    let (rows, lines, _) = try parse("a,b\n1,\(huge)\n" + wide.joined(separator: ",") + "\n2,z\n", chunkSize: chunkSize)
    #expect(rows.count == 4)
    #expect(rows[1] == ["1", huge])
    #expect(rows[2] == wide)
    #expect(rows[3] == ["2", "z"])
    #expect(lines == [1, 2, 3, 4])
  }

  /// Short fields are copied as a fixed 16 or 32 bytes while the arena has room, longer ones
  /// and those that reach its end one by one: every length around those sizes comes back
  /// whole, in rows enough to cross the first arena's end several times.
  @Test(arguments: [64, 1 << 18])
  func fieldsOfEveryLengthAroundTheFixedCopiesComeBackWhole(chunkSize: Int) throws {
    let row = (0...40).map { length in String((0..<length).map { Character(UnicodeScalar(UInt8(0x61 + $0 % 26))) }) }
    let text = String(repeating: row.joined(separator: ",") + "\n", count: 200) + "x\n"
    let (rows, lines, _) = try parse(text, chunkSize: chunkSize)
    #expect(rows.count == 201)
    #expect(rows.dropLast().allSatisfy { $0 == row })
    #expect(rows.last == ["x"])
    #expect(lines == Array(1...201))
  }

  @Test func aRowOverTheLimitIsCutAndTheRestRead() throws {
    let big = String(repeating: "x", count: 300)
    let parsed = try rows("a,b\n1,\(big)\n2,3\n", chunkSize: 16, maxRowBytes: 100)
    #expect(parsed.map(\.problem) == [nil, .tooLong(limit: 100), nil])
    #expect(parsed.map(\.line) == [1, 2, 3])
    #expect(parsed[2].fields == ["2", "3"])
  }

  @Test func nulBytesInvalidUTF8AndStrayByteOrderMarksAreFlagged() throws {
    var bytes = Array("a,b\n1,x\u{0}y\n2,".utf8) + [0xC3, 0x28] + Array("\n3,\u{FEFF}z\n4,ok é\n".utf8)
    bytes += []
    var problems: [CSVRowProblem?] = []
    _ = try CSVReader.read(bytes: bytes, chunkSize: 7) { batch in problems += batch.rows.map(\.problem) }
    #expect(problems == [nil, .nulByte, .invalidUTF8, .byteOrderMark, nil])
  }

  /// A row is checked as a whole first: a character split between two fields is whole in the
  /// row's bytes, but neither field is UTF-8 on its own.
  @Test func aCharacterSplitBetweenTwoFieldsIsInvalid() throws {
    let bytes = Array("a,b,c\n1,".utf8) + [0xC3, 0x2C, 0xA9] + Array(",x\n2,é,ü\n".utf8)
    var problems: [CSVRowProblem?] = []
    _ = try CSVReader.read(bytes: bytes, chunkSize: 64) { batch in problems += batch.rows.map(\.problem) }
    #expect(problems == [nil, .invalidUTF8, nil])
  }
}
