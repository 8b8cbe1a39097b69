@testable import ReferralAttribution
import Testing

@Suite struct CycleCountsTests {
  func counts(_ lengths: [Int]) -> CycleCounts {
    var counts = CycleCounts()
    for days in lengths { counts.add(days) }
    return counts
  }

  @Test func theMedianIsTheMiddleLengthOrTheMeanOfTheTwoMiddleOnes() {
    #expect(counts([]).median == nil)
    #expect(counts([30]).median == 30)
    #expect(counts([40, 10, 10]).median == 10)  // 10, 10, 40
    #expect(counts([5, 40, 10, 21]).median == 15.5)  // 5, 10 | 21, 40
    #expect(counts([-3, 7, 7, 7, 100, -3]).median == 7)  // negative lengths sort first
  }

  @Test func mergedCountsHaveTheMedianOfAllTheirCycles() {
    var merged = counts([1, 2, 3])
    merged.add(counts([100, 200]))
    #expect(merged.total == 5 && merged.median == 3)
  }
}
