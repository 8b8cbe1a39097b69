import CSVStream
import Testing

@testable import ReferralImport

@Suite struct CellMemoTests {
  /// The meaning of `cell` through `memo`, counting how often it had to be worked out.
  private func meaning(_ cell: String, _ memo: inout CellMemo<Int>, _ worked: inout Int) -> Int {
    cell.withByteView { bytes in
      memo.meaning(of: bytes) { view in
        worked += 1
        return view.count
      }
    }
  }

  @Test func aValueIsWorkedOutOnceAndFoundByItsBytes() {
    var memo = CellMemo<Int>()
    var worked = 0
    // "Won", "Lost", "Won", "Lost", "Won": two values, worked out once each.
    let cells = ["Won", "Lost", "Won", "Lost", "Won"]
    #expect(cells.map { meaning($0, &memo, &worked) } == [3, 4, 3, 4, 3])
    #expect(worked == 2)
  }

  @Test func valuesThatShareAPrefixOrDifferInCaseAreTold() {
    var memo = CellMemo<Int>()
    var worked = 0
    for cell in ["EUR", "EU", "eur", "EURO", "", "EUR"] { _ = meaning(cell, &memo, &worked) }
    // Five distinct byte strings; the last "EUR" is remembered.
    #expect(worked == 5)
  }

  @Test func pastItsCapacityTheMeaningIsStillRightButWorkedOutEachTime() {
    var memo = CellMemo<Int>()
    var worked = 0
    let capacity = CellMemo<Int>.capacity
    let cells = (0..<capacity + 2).map { String(repeating: "x", count: $0 + 1) }
    for cell in cells { _ = meaning(cell, &memo, &worked) }
    #expect(worked == capacity + 2)
    // The first 32 are remembered; the two after them are not, and read right again.
    #expect(meaning(cells[0], &memo, &worked) == 1)
    #expect(meaning(cells[capacity], &memo, &worked) == capacity + 1)
    #expect(meaning(cells[capacity + 1], &memo, &worked) == capacity + 2)
    #expect(worked == capacity + 4)
  }
}
