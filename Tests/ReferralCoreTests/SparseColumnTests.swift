import Testing

@testable import ReferralCore

@Suite struct SparseColumnTests {
  @Test func valuesAndGapsAreFoundAcrossWords() {
    // Values at irregular rows, across several 64-row words, including rows 0, 63, 64 and the last.
    let rows = 300
    let values: [Int32?] = (0..<rows).map { row in row % 7 == 0 || row == 63 || row == 64 || row == rows - 1 ? Int32(row * 10) : nil }
    var column = SparseColumn()
    for value in values { column.append(value) }
    #expect(column.count == rows)
    #expect((0..<rows).map { column[$0] } == values)
    var visited: [(Int, Int32)] = []
    column.forEach { visited.append(($0, $1)) }
    #expect(visited.map(\.0) == values.indices.filter { values[$0] != nil })
    #expect(visited.map(\.1) == values.compactMap { $0 })
    column.update { $0 + 1 }
    #expect((0..<rows).map { column[$0] } == values.map { $0.map { $0 + 1 } })
  }

  @Test func valuesOfEverySizeSurvive() {
    // A day of 2149 needs two bytes, a typo year before 1970 a negative (the full lane): the
    // values' column widens and keeps every earlier value.
    let values: [Int32?] = [3, nil, 65_000, nil, nil, -400, Int32.max, 7]
    var column = SparseColumn()
    for value in values { column.append(value) }
    #expect((0..<values.count).map { column[$0] } == values)
  }
}
