import ReferralCore
import TestSupport
import Testing

@Suite struct DataSpanTests {
  static func day(_ iso: String) -> Day { Day(iso: iso)! }

  /// A leads export of `count` leads created one a day from `first` (on lines 2, 3…), over and
  /// over across `days` days, then the leads of `more` (`lead_id,created_at` lines).
  static func leads(_ count: Int, from first: String, over days: Int, then more: String = "") -> String {
    let rows = (0..<count).map { "L\($0),\(day(first).adding(days: $0 % days)),Web" }
    let added = more.split(separator: "\n").map { "\($0),Web" }
    return (["lead_id,created_at,source"] + rows + added).joined(separator: "\n") + "\n"
  }

  /// The span of these exports, imported.
  static func span(leads: String, deals: String? = nil) throws -> DataSpan? {
    var texts: [InputRole: String] = [.leads: leads]
    texts[.deals] = deals
    return try Dataset.importing(texts).span
  }

  /// A Salesforce opportunity export whose last record was created in December 2021 and one
  /// Closed Lost deal typed as 2030-11-28: 150 leads and 2 deals are 152 dated rows, so under
  /// 1% is 1 row (1 < 1.52), and 2030-11-28 is 3,254 days past 2021-12-31, far more than 31.
  @Test func aYearTypedWrongIsALateRowNotTheEnd() throws {
    let span = try Self.span(
      leads: Self.leads(150, from: "2021-12-01", over: 31),
      deals: """
        deal_id,lead_id,stage,amount,created_at,closed_at
        D1,,won,,2021-11-02,2021-12-20
        D2,,lost,,2021-12-03,2030-11-28

        """)
    #expect(span?.first == Self.day("2021-11-02"))
    #expect(span?.end == Self.day("2021-12-31"))
    #expect(span?.lateRows == [DataSpan.LateRow(role: .deals, position: 1, day: Self.day("2030-11-28"))])
  }

  /// Two typos, one in 2028 and one in 2030, are both late (2 of 202 rows, under 2.02): the
  /// end is the earliest day past which the rows are few and far, not the gap between them.
  @Test func severalTyposAreAllLate() throws {
    let span = try Self.span(leads: Self.leads(200, from: "2021-12-01", over: 31, then: "X1,2028-03-01\nX2,2030-01-01"))
    #expect(span?.end == Self.day("2021-12-31"))
    #expect(span?.lateRows.map(\.position) == [200, 201])
  }

  /// Open deals' expected close dates have not happened: never the end, never late rows. The
  /// leads end on 2026-10-31; the open deals say December and March.
  @Test func openDealsExpectedCloseDatesNeverCount() throws {
    let span = try Self.span(
      leads: Self.leads(150, from: "2026-10-01", over: 31),
      deals: """
        deal_id,lead_id,stage,amount,created_at,closed_at
        D1,,open,,2026-10-05,2026-12-15
        D2,,open,,,2027-03-31

        """)
    #expect(span == DataSpan(first: Self.day("2026-10-01"), end: Self.day("2026-10-31")))
  }

  /// An export made on 1 November with one row of that day: 1 day past the rest is not far, so
  /// the data ends on 2026-11-01 (the report then says it covers 1 day of November).
  @Test func aRowOneDayPastTheRestIsTheEnd() throws {
    let span = try Self.span(leads: Self.leads(150, from: "2026-10-01", over: 31, then: "N1,2026-11-01"))
    #expect(span == DataSpan(first: Self.day("2026-10-01"), end: Self.day("2026-11-01")))
  }

  /// Under 1% is strict: 99 leads and one row in 2030 are 100 rows, and 1 is not under 1, so
  /// the 2030 row ends the data; beside 100 leads (1 under 1.01) it is late. So few rows cannot
  /// tell a typo from the business's own rhythm.
  @Test(arguments: [(99, "2030-11-28"), (100, "2026-10-31")])
  func aSmallExportHasNoLateRows(leads count: Int, end: String) throws {
    let span = try Self.span(leads: Self.leads(count, from: "2026-10-01", over: 31, then: "X,2030-11-28"))
    #expect(span?.end == Self.day(end))
  }

  /// A steady stream is never cut: rows every day up to the last one, however many.
  @Test func aSteadyStreamEndsOnItsLastDay() throws {
    let span = try Self.span(leads: Self.leads(1_000, from: "2026-01-01", over: 304))
    #expect(span == DataSpan(first: Self.day("2026-01-01"), end: Self.day("2026-10-31")))
  }

  /// Rows more than a month apart at the end, but more than 1% of them, are the business's
  /// own (a quiet month): 150 leads in September, 2 in November (2 of 152 is not under 1.52).
  @Test func aQuietMonthIsNotATypo() throws {
    let span = try Self.span(leads: Self.leads(150, from: "2026-09-01", over: 30, then: "N1,2026-11-10\nN2,2026-11-12"))
    #expect(span?.end == Self.day("2026-11-12"))
    #expect(span?.lateRows == [])
  }

  /// Far past the days counted one by one (100,000 days): a typo of year 2500 after data of
  /// 2026 is late all the same, and a typo of year 0100 is only the first day.
  @Test func typosCenturiesAwayAreFoundToo() throws {
    let span = try Self.span(leads: Self.leads(150, from: "2026-10-01", over: 31, then: "Y1,2500-01-01\nY0,0100-01-01"))
    #expect(span?.first == Self.day("0100-01-01"))
    #expect(span?.end == Self.day("2026-10-31"))
    #expect(span?.lateRows.map(\.day) == [Self.day("2500-01-01")])
  }
}
