import Testing

@testable import ReferralAttribution

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
    #expect(counts([0, 7, 7, 7, 3650, 0]).median == 7)  // same-day deals and a ten-year outlier
  }

  @Test func mergedCountsHaveTheMedianOfAllTheirCycles() {
    var merged = counts([1, 2, 3])
    merged.add(counts([100, 200]))
    #expect(merged.total == 5 && merged.median == 3)
    var short = counts([4])
    short.add(counts([2, 900, 900]))  // the longer table added into the shorter one
    #expect(short.total == 4 && short.median == 452)
  }
}
