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

  /// A deal won before its lead was created counts with its negative length: the median of
  /// -2, 14, 15 and 20 is (14 + 15) / 2 = 14.5, of -2, 10, 14, 15, 20 it is 14.
  @Test func negativeCyclesCountInTheMedian() {
    #expect(counts([14, -2, 15, 20]).median == 14.5)
    #expect(counts([14, -2, 15, 20, 10]).median == 14)
    #expect(counts([-2, -30]).median == -16)  // -30, -2
    var merged = counts([-1])
    merged.add(counts([-5, 3]))
    #expect(merged.total == 3 && merged.median == -1)  // -5, -1, 3
  }
}
