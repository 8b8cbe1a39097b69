import ReferralCore
import Testing

@Suite struct IDIndexTests {
  @Test func positionsFollowInsertionAndRepeatsReturnTheFirst() {
    var index = IDIndex(expectedCount: 2)
    #expect(index.insert("L1") == nil)
    #expect(index.insert("L2") == nil)
    #expect(index.insert("L1") == 0)
    #expect(index.position(of: "L2") == 1)
    #expect(index.position(of: "L3") == nil)
    #expect(index.ids == ["L1", "L2"])
  }

  @Test func survivesGrowingFarPastItsFirstCapacity() {
    var index = IDIndex(expectedCount: 1)
    let ids = (0..<50_000).map { "00Q\($0 * 7919)-é" }
    for id in ids { #expect(index.insert(id) == nil) }
    #expect(index.count == ids.count)
    for (position, id) in ids.enumerated() where position % 97 == 0 { #expect(index.position(of: id) == position) }
    #expect(index.position(of: "") == nil)
  }
}
