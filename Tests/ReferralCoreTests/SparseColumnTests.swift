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
}
