@testable import ReferralCore
import Testing

@Suite struct SmallIDColumnTests {
  @Test func idsAndGapsSurviveWideningAndRenumbering() {
    var column = SmallIDColumn()
    let ids: [TextID?] = [0, nil, 65_534, 7]
    for id in ids { column.append(id) }
    #expect((0..<column.count).map { column[$0] } == ids)
    column.append(70_000)  // does not fit 16 bits: the column widens, nothing is lost
    column.append(nil)
    #expect((0..<column.count).map { column[$0] } == ids + [70_000, nil])
    var map = [TextID](repeating: 0, count: 70_001)
    map[0] = 100_000
    map[7] = 3
    map[65_534] = 1
    map[70_000] = 2
    column.renumber(map)
    #expect((0..<column.count).map { column[$0] } == [100_000, nil, 1, 3, 2, nil])
  }
}
