import CSVStream
import ReferralCore
import Testing

@testable import ReferralImport

/// The touches export: every rejected row's line and reason, the channels numbered with the
/// lead sources, and rows = accepted + rejected + skipped.
@Suite struct TouchDecoderTests {
  let folder: TemporaryFolder
  init() throws { folder = try TemporaryFolder() }

  static let leads = "lead_id,created_at,source\nL1,2026-10-01,Customer Referral\nL2,2026-10-02,Web\n"

  @Test func touchesAreReadWithTheirLeadsDaysAndChannels() throws {
    let touches = """
      touch_id,lead_id,touched_at,channel,campaign,kind
      T1,L1,2026-10-05,Webinar,Product webinar,webinar_attended
      T2,,2026-10-06,Email,,email_open
      T3,L2,2026-02-30,Email,,email_open
      T4,L2,,Email,,email_open
      T5,L2,2026-10-07,,Spring newsletter,email_click
      T6,L9,2026-10-08,Web,,page_view
      T7,L2,2026-10-09,,,page_view

      """
    var files = InputFiles(leads: try folder.file("leads.csv", Self.leads))
    files[.touches] = try folder.file("touches.csv", touches)
    var options = ImportOptions()
    options.columns.declareAbsent(.source, role: .deals)
    let data = try Importer.load(files, options: options)
    let account = try #require(data.inputs.first { $0.role == .touches })
    var records = -1  // the header
    let summary = try CSVReader.read(path: account.file) { batch in records += batch.rows.count }
    // 7 rows: 4 accepted, 3 rejected (no lead, an impossible date, no date).
    #expect(account.rows == records + summary.skippedLines)
    #expect((account.accepted, account.rejected, account.skipped) == (4, 3, 0))
    #expect(
      data.rejects.map { "\($0.line): \($0.reason)" } == [
        "3: missing lead_id", "4: unparseable or impossible touched_at '2026-02-30'", "5: missing touched_at",
      ])
    let table = try #require(data.touchTable)
    // T5 has no channel: its campaign's name is its channel; T7 has neither: an empty source
    // (Unknown, as a lead without a source). The channels share the leads' source numbers.
    #expect((0..<table.count).map { data.sources[Int(table.channel($0))] } == ["Webinar", "Spring newsletter", "Web", ""])
    #expect((0..<table.count).map { table.touched($0).description } == ["2026-10-05", "2026-10-07", "2026-10-08", "2026-10-09"])
    // The import keeps the ids as written (attribution joins them): L1 and L2 found, L9 is
    // none of the leads.
    #expect(table.leadPositions(in: data.leadTable.index) == [0, 1, -1, 1])
  }
}
