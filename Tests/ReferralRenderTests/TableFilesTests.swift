import ReferralAttribution
import Testing

@testable import ReferralRender

/// `tables/` keeps the figures a spreadsheet can use: an unknown is an empty cell, and a note
/// (too few to judge, why n/a) is in a column of its own beside a column that may carry one.
@Suite struct TableFilesTests {
  static let table = Table(
    columns: [.init("Figure", .left), .init("Value", notes: true), .init("Count")],
    rows: [
      // 2 of 4 leads: 50.0%, on 4 leads, fewer than the default 10.
      [.plain("Share"), .rate(Rate(2, of: 4, .leads)), .plain("4")],
      [.plain("Half"), .unknown(because: "no referral revenue"), .plain(Format.notAvailable)],
      [.plain("Total"), .plain("$1,234.50"), .plain("1,000")],
    ])

  @Test func unknownsAreEmptyAndNotesHaveTheirOwnColumn() {
    let csv = String(decoding: TableFiles.bytes(Self.table), as: UTF8.self)
    #expect(
      csv
        == "Figure,Value,Value: note,Count\r\n" + "Share,50.0%,too few to judge: 4 leads,4\r\n" + "Half,,no referral revenue,\r\n"
        + "Total,\"$1,234.50\",,\"1,000\"\r\n")
  }

  /// The report shows the same cells with their notes after the figure.
  @Test func theReportShowsTheNoteAfterTheFigure() {
    let markdown = MarkdownRenderer.render(Self.table)
    #expect(markdown.contains("| Share | 50.0% (too few to judge: 4 leads) | 4 |"))
    #expect(markdown.contains("| Half | n/a (no referral revenue) | n/a |"))
  }
}
