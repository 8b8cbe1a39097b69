import ReferralCore
import Testing

@Suite struct DayTests {
  @Test(arguments: [(1970, 1, 1, 0), (2000, 2, 29, 11_016), (2026, 10, 31, 20_757), (1969, 12, 31, -1)])
  func ordinalsAreDaysSinceTheEpoch(year: Int, month: Int, day: Int, ordinal: Int32) throws {
    let value = try #require(Day(year: year, month: month, day: day))
    #expect(value.ordinal == ordinal)
    #expect(value.components == (year, month, day))
  }

  @Test(arguments: [(2026, 2, 29), (2026, 4, 31), (2026, 13, 1), (2026, 0, 10), (1900, 2, 29)])
  func impossibleDatesAreNil(year: Int, month: Int, day: Int) {
    #expect(Day(year: year, month: month, day: day) == nil)
  }

  @Test func roundTripsEveryDayOfFourCenturies() {
    var day = Day(year: 1800, month: 1, day: 1)!
    let end = Day(year: 2200, month: 1, day: 1)!
    while day < end {
      let c = day.components
      #expect(Day(year: c.year, month: c.month, day: c.day) == day)
      day = day.adding(days: 1)
    }
  }

  @Test func isoTextAndDescriptionAgree() {
    #expect(Day(iso: "2026-10-31")?.description == "2026-10-31")
    // Every part zero-padded, the year to four digits.
    #expect(Day(year: 7, month: 3, day: 9)?.description == "0007-03-09")
    #expect(Day(year: 9999, month: 12, day: 31)?.description == "9999-12-31")
    // Before year 1 only by arithmetic: year 0 (a leap year, 366 days), then signed years, as
    // ISO 8601's expanded years are.
    #expect(Day(year: 1, month: 1, day: 1)!.adding(days: -1).description == "0000-12-31")
    #expect(Day(year: 1, month: 1, day: 1)!.adding(days: -367).description == "-0001-12-31")
    #expect(Day(iso: "2026-10-3") == nil)
    #expect(Day(iso: "2026-02-30") == nil)
  }
}

@Suite struct PeriodTests {
  @Test func theMonthBeforeIsTheWholePreviousMonth() {
    let october = Period(month: Month(year: 2026, month: 10)!)
    #expect(october.previous == Period(month: Month(year: 2026, month: 9)!))
    let january = Period(month: Month(year: 2026, month: 1)!)
    #expect(january.previous == Period(month: Month(year: 2025, month: 12)!))
  }

  @Test func aQuarterComparesWithTheQuarterBefore() {
    let q3 = Period(from: Day(iso: "2026-07-01")!, to: Day(iso: "2026-09-30")!)!
    #expect(q3.previous == Period(from: Day(iso: "2026-04-01")!, to: Day(iso: "2026-06-30")!))
    #expect(q3.label == "2026-07-01_2026-09-30")
  }

  @Test func aRangeOfDaysComparesWithAsManyDaysBefore() {
    let range = Period(from: Day(iso: "2026-10-10")!, to: Day(iso: "2026-10-19")!)!
    #expect(range.previous == Period(from: Day(iso: "2026-09-30")!, to: Day(iso: "2026-10-09")!))
    #expect(range.dayCount == 10)
  }

  /// 365 days with the last one: 2025-11-01 to 2026-10-31 (2026 is no leap year).
  @Test func theTrailingYearEndsOnThePeriodsLastDay() {
    let year = Period(month: Month(year: 2026, month: 10)!).trailingYear
    #expect(year == Period(from: Day(iso: "2025-11-01")!, to: Day(iso: "2026-10-31")!))
    #expect(year.dayCount == 365)
  }

  @Test func labelsAMonthByItsName() {
    #expect(Period(month: Month(year: 2026, month: 10)!).label == "2026-10")
  }
}

@Suite struct MoneyTests {
  @Test(arguments: [(1000, 3, 333), (1001, 2, 501), (-1001, 2, -501), (5, 2, 3)])
  func divisionRoundsHalfAwayFromZero(cents: Int64, count: Int, expected: Int64) {
    #expect(Money(minorUnits: cents).divided(by: count).minorUnits == expected)
  }

  @Test func describesWithTwoDecimals() {
    #expect(Money(minorUnits: 123_450).description == "1234.50")
    #expect(Money(minorUnits: -5).description == "-0.05")
  }
}
