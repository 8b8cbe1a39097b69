import Testing

@testable import ReferralCore

@Suite struct LineColumnTests {
  @Test func everyRowsLineIsKeptThroughTheJumps() {
    let lines = [2, 3, 4, 7, 8, 20, 21, 22, 22, 5, 6]  // multi-line rows, gaps, even going back
    var column = LineColumn()
    for line in lines { column.append(line) }
    #expect(column.count == lines.count)
    #expect(lines.indices.map { column[$0] } == lines)
  }

  @Test func aMillionConsecutiveRowsAreOneJump() {
    var column = LineColumn()
    for line in 2..<1_000_002 { column.append(line) }
    #expect(column[0] == 2 && column[999_999] == 1_000_001 && column[123_456] == 123_458)
  }
}
