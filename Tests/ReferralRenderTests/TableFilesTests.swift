import ReferralAttribution
import ReferralCore
import Testing

@testable import ReferralRender

/// `tables/` keeps the figures a spreadsheet can use: an unknown is an empty cell, and a note
/// (too few to judge, why n/a) is in a column of its own beside a column that may carry one.
@Suite struct TableFilesTests {
  static let table = Table(
    columns: [.init("Figure", .left), .init("Value", notes: true), .init("Count")],
    rows: [
      // 2 of 4 leads: 50.0%, on 4 leads, fewer than the default 10.
      [.plain("Share"), .rate(Rate(2, of: 4, .leads)), .count(4)],
      [.plain("Half"), .unknown(because: "no referral revenue"), .count(nil)],
      [.plain("Total"), .money(Money(minorUnits: 123_450), currency: MoneyStyle(currency: "USD")), .count(1000)],
    ])

  /// A column of one unit names it in its header; one of several (a table of figure and value)
  /// says each row's unit beside the number; an unknown is empty; numbers are plain.
  @Test func unknownsAreEmptyAndNotesHaveTheirOwnColumn() {
    let csv = String(decoding: TableFiles.bytes(Self.table), as: UTF8.self)
    #expect(
      csv
        == "Figure,Value,Value: unit,Value: note,Count\r\n" + "Share,0.5,fraction,too few to judge: 4 leads,4\r\n" + "Half,,,no referral revenue,\r\n"
        + "Total,1234.50,USD,,1000\r\n")
  }

  /// A cell of two figures ("12 (21.8%)") is two columns, the share a fraction; a negative
  /// change is a plain number, not `'-11.5 pts`; CRM text that looks like a formula is still
  /// neutralised.
  @Test func oneColumnPerFigureAndOnlyCRMTextNeutralised() {
    let share = Rate(12, of: 55, .leads)
    let table = Table(
      columns: [.init("Channel", .left), .init("Leads (share)", data: "Leads"), .init("Change")],
      rows: [
        [
          .data("=HYPERLINK(\"x\")"), Cell(text: "12 (21.8%)", isData: false, figures: [Figure("12", .count), .fraction(share.value, part: "share")]),
          .points(0.2, 0.315),
        ]
      ])
    let csv = String(decoding: TableFiles.bytes(table), as: UTF8.self)
    // 12 ÷ 55 = 0.21818…; (0.2 − 0.315) × 100 = −11.5 points (as the double gives it).
    #expect(
      csv == "Channel,Leads,Leads: share (fraction),Change (points)\r\n" + "\"'=HYPERLINK(\"\"x\"\")\",12,\(12.0 / 55.0),\((0.2 - 0.315) * 100)\r\n")
  }

  /// The report shows the same cells with their notes after the figure.
  @Test func theReportShowsTheNoteAfterTheFigure() {
    let markdown = MarkdownRenderer.render(Self.table)
    #expect(markdown.contains("| Share | 50.0% (too few to judge: 4 leads) | 4 |"))
    #expect(markdown.contains("| Half | n/a (no referral revenue) | n/a |"))
  }
}
