import ReferralCore
import TestSupport
import Testing

@testable import ReferralAttribution

@Suite struct CoverageTests {
  static func day(_ iso: String) -> Day { Day(iso: iso)! }
  static let november = Period(month: Month(year: 2026, month: 11)!)

  /// 150 leads, one a day over October 2026 (lines 2 to 151), as an export's would be, then
  /// `more` rows; and a deals export of `deals` rows.
  static func october(more leads: String = "", deals: String = "") throws -> Dataset {
    let october = (0..<150).map { "L\($0),\(day("2026-10-01").adding(days: $0 % 31)),Web\n" }.joined()
    return try Dataset.importing([
      .leads: "lead_id,created_at,source\n" + october + leads,
      .deals: "deal_id,lead_id,stage,amount,created_at,closed_at\n" + deals,
    ])
  }

  /// An export made on 1 November with one lead of that day: the report is November's (the
  /// month where the data ends), and says it covers 1 of its 30 days, the last complete month
  /// being October.
  @Test func aPeriodTheDataEndsEarlyInSaysSo() throws {
    let data = try Self.october(more: "N1,2026-11-01,Web\n")
    let result = Attributor.attribute(data, options: AttributionOptions())
    #expect(result.current.period == Self.november)
    let coverage = result.coverage
    #expect(coverage?.dataFrom == Self.day("2026-10-01") && coverage?.dataTo == Self.day("2026-11-01"))
    #expect(coverage?.daysCovered == 1 && coverage?.periodDays == 30)
    #expect(coverage?.partial == true && coverage?.endsEarly == true && coverage?.startsLate == false)
    #expect(coverage?.lastCompleteMonth == Month(year: 2026, month: 10))
  }

  /// The stray 2030 deal (151 rows, 1 under 1.51) is a warning naming its file and line, and
  /// October 2026 is the period; its coverage is whole and counts the late row. (The deal is
  /// the first row of `deals.csv`: line 2.)
  @Test func aStrayRowIsAWarningNotThePeriod() throws {
    let data = try Self.october(deals: "006A1,,lost,,2026-10-03,2030-11-28\n")
    let result = Attributor.attribute(data, options: AttributionOptions())
    #expect(result.current.period == Period(month: Month(year: 2026, month: 10)!))
    #expect(result.coverage?.partial == false && result.coverage?.lateRows == 1)
    // 2026-10-31 to 2030-11-28: 61 days to the end of 2026, 365 + 366 + 365, and 332 days of 2030.
    #expect(result.quality.warnings.map { "\($0.file.split(separator: "/").last!):\($0.line)" } == ["deals.csv:2"])
    #expect(
      result.quality.warnings.map(\.message) == [
        "deal '006A1' is dated 2030-11-28, 1489 days past the rest of the data (which ends on 2026-10-31), "
          + "so it does not choose the period; check its date in the CRM"
      ])
  }

  /// Each way a period can lie against data from 2026-09-15 to 2026-11-01, worked out by hand.
  @Test(arguments: [
    // September: the data starts on its 15th, so 16 of 30 days; it ends after September.
    ("2026-09-01", "2026-09-30", 16, true, false),
    // October: all of it.
    ("2026-10-01", "2026-10-31", 31, false, false),
    // A custom period over the end: 2026-10-20 to 2026-11-01 is 13 of 21 days.
    ("2026-10-20", "2026-11-09", 13, false, true),
    // Wholly after the data (asked for with --allow-empty-period): none of it.
    ("2026-12-01", "2026-12-31", 0, false, true),
  ])
  func coverageOfAPeriod(from: String, to: String, days: Int, startsLate: Bool, endsEarly: Bool) {
    let period = Period(from: Self.day(from), to: Self.day(to))!
    let coverage = Coverage(span: DataSpan(first: Self.day("2026-09-15"), end: Self.day("2026-11-01")), period: period)
    #expect(coverage.daysCovered == days && coverage.periodDays == period.dayCount)
    #expect(coverage.startsLate == startsLate && coverage.endsEarly == endsEarly)
    #expect(coverage.lastCompleteMonth == Month(year: 2026, month: 10))
  }

  /// The last complete month is the data's end month when it ends on its last day, and none
  /// when the data spans no month's end.
  @Test func theLastCompleteMonth() {
    let october = Period(month: Month(year: 2026, month: 10)!)
    #expect(
      Coverage(span: DataSpan(first: Self.day("2026-01-05"), end: Self.day("2026-10-31")), period: october).lastCompleteMonth == Month(year: 2026, month: 10))
    #expect(Coverage(span: DataSpan(first: Self.day("2026-10-05"), end: Self.day("2026-10-30")), period: october).lastCompleteMonth == nil)
  }
}
