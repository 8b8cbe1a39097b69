import ReferralAttribution
import ReferralCore
import Testing

@testable import ReferralRender

/// The words for a period's coverage, which attribution decided: each case, as the report's
/// opening and `check` say it.
@Suite struct CoverageTextTests {
  static func day(_ iso: String) -> Day { Day(iso: iso)! }
  static let november = Period(month: Month(year: 2026, month: 11)!)
  static let october = Period(month: Month(year: 2026, month: 10)!)

  static func coverage(_ first: String, _ end: String, late: Int = 0, of period: Period = november) -> Coverage {
    let rows = (0..<late).map { DataSpan.LateRow(role: .leads, position: $0, day: day("2030-01-01")) }
    return Coverage(span: DataSpan(first: day(first), end: day(end), lateRows: rows), period: period)
  }

  @Test func aWholePeriodSaysNothing() {
    let whole = Self.coverage("2026-01-01", "2026-11-30")
    #expect(CoverageText.notice(whole, previous: Self.october) == nil)
    #expect(CoverageText.titleNote(whole) == "")
  }

  @Test func dataEndingEarlyNamesTheLastCompleteMonth() {
    let oneDay = Self.coverage("2026-01-01", "2026-11-01")
    #expect(
      CoverageText.notice(oneDay, previous: Self.october)
        == "Data runs to 2026-11-01: 1 of 30 days of this period, so its figures are to date and their changes compare them with all of "
        + "October 2026; the last complete month is October 2026 (--month 2026-10).")
    #expect(CoverageText.titleNote(oneDay) == " (data for 1 of 30 days)")
  }

  /// 2026-11-10 to 2026-11-20 is 11 days, and spans no month's end: no month to name; and
  /// October, the period before, is before the data, so no change is shown against it.
  @Test func dataInsideThePeriodSaysBothEnds() {
    #expect(
      CoverageText.notice(Self.coverage("2026-11-10", "2026-11-20"), previous: Self.october)
        == "Data runs from 2026-11-10 to 2026-11-20: 11 of 30 days of this period, so its figures are to date; October 2026 is before "
        + "the data begins, so no change is shown.")
  }

  /// October from the 15th: 17 of 31 days, with nothing missing at the end.
  @Test func dataStartingLateSaysWhere() {
    #expect(
      CoverageText.notice(Self.coverage("2026-10-15", "2026-11-30", of: Self.october), previous: Period(month: Month(year: 2026, month: 9)!))
        == "Data starts on 2026-10-15: 17 of 31 days of this period.")
  }

  @Test func anEmptyPeriodAskedForOnPurposeSaysSo() {
    #expect(
      CoverageText.notice(Self.coverage("2026-01-01", "2026-10-31"), previous: Self.october)
        == "The data (2026-01-01 to 2026-10-31) holds no day of this period, which was asked for with --allow-empty-period: "
        + "every figure of it is empty.")
  }

  @Test func lateRowsAreCounted() {
    #expect(
      CoverageText.notice(Self.coverage("2026-01-01", "2026-11-30", late: 2), previous: Self.october)
        == "2 rows dated far past the rest of the data (which ends on 2026-11-30) did not choose the period; "
        + "data quality lists each with its file and line.")
  }
}
