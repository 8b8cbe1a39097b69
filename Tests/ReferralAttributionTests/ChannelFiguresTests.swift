import Testing

@testable import ReferralAttribution

/// The report's medians of days: the middle value, or the mean of the middle two, whatever the
/// values (negative, years, repeated, in any order).
@Suite struct ChannelFiguresTests {
  @Test func mediansWorkedOutByHand() {
    #expect(median([]) == nil)
    #expect(median([7]) == 7)
    // 3 5 | 9 12: (5 + 9) / 2.
    #expect(median([12, 3, 9, 5]) == 7)
    // -4 2 2 | 2000: the middle two are 2 and 2.
    #expect(median([2000, 2, -4, 2]) == 2)
    // -10 -3 | 1500 3000: (-3 + 1500) / 2.
    #expect(median([3000, -10, 1500, -3]) == 748.5)
    // 0 1 1 1 1023 1024 5000: the fourth of seven.
    #expect(median([1024, 1, 5000, 1, 0, 1023, 1]) == 1)
  }
}
