import ReferralCore
import Testing

@testable import ReferralAttribution

/// Medians from counts are the medians of the values themselves: the middle one, or the mean
/// of the middle two, whatever the values (negative, beyond the counted range, repeated).
@Suite struct DayCountsTests {
  func counts(_ values: [Int]) -> DayCounts {
    var counts = DayCounts()
    for value in values { counts.add(value) }
    return counts
  }

  @Test func mediansWorkedOutByHand() {
    #expect(counts([]).median == nil)
    #expect(counts([7]).median == 7)
    // 3 5 | 9 12: (5 + 9) / 2.
    #expect(counts([12, 3, 9, 5]).median == 7)
    // -4 2 2 | 2000: the middle two are 2 and 2.
    #expect(counts([2000, 2, -4, 2]).median == 2)
    // -10 -3 | 1500 3000: one of the middle two below zero, one beyond the counted range.
    #expect(counts([3000, -10, 1500, -3]).median == 748.5)
    // 0 1 1 1 1023 1024 5000: the fourth of seven.
    #expect(counts([1024, 1, 5000, 1, 0, 1023, 1]).median == 1)
  }

  @Test(arguments: 0..<200)
  func mediansEqualThoseOfTheSortedValues(seed: Int) {
    var random = SplitMix(seed: UInt64(seed))
    let values = (0..<random.int(1...300)).map { _ in random.chance(0.1) ? random.int(-50...5000) : random.int(0...400) }
    let sorted = values.sorted()
    let middle = sorted.count / 2
    let expected = sorted.count % 2 == 1 ? Double(sorted[middle]) : Double(sorted[middle - 1] + sorted[middle]) / 2
    #expect(counts(values).median == expected)
    // Counted in two parts and added up: the same.
    var first = counts(Array(values.prefix(values.count / 3)))
    first.add(counts(Array(values.dropFirst(values.count / 3))))
    #expect(first.median == expected && first.count == values.count)
  }
}
