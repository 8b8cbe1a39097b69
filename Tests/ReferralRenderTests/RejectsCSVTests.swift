import CSVStream
import Foundation
import ReferralAttribution
import ReferralCore
import ReferralRender
import TestSupport
import Testing

/// `rejects.csv` names each rejected row's cells by its export's own header, so the row can be
/// read and fixed in a spreadsheet.
@Suite struct RejectsCSVTests {
  /// `rejects.csv` of these exports as a run reads them (with the key columns they lack
  /// declared absent), with the temporary folder taken off the file names: `leads.csv`, not
  /// `/tmp/…/leads.csv`.
  func render(_ texts: [InputRole: String]) throws -> String {
    let data = try Dataset.importing(texts, absent: Self.absent)
    let result = Attributor.attribute(data, options: AttributionOptions(period: Period(month: Month(year: 2026, month: 10)!)))
    let csv = String(decoding: RejectsCSV.bytes(result), as: UTF8.self)
    let folder = (data.inputs[0].file as NSString).deletingLastPathComponent
    return csv.replacingOccurrences(of: folder + "/", with: "")
  }

  /// Exports without the sources of leads and deals, nor the deals' stage or lead: the key
  /// columns they lack, declared absent.
  static let absent: [InputRole: [Field]] = [.leads: [.source], .deals: [.stage, .leadID, .source]]

  /// 2,005 leads without a creation day, each rejected: every row once, in line order (lines 2
  /// to 2,006), under one header.
  @Test func everyRowComesOnceInFileAndLineOrder() throws {
    let count = 2_005
    let leads = "lead_id,created_at\n" + (0..<count).map { "L\($0),\n" }.joined()
    let lines = try render([.leads: leads]).split(separator: "\r\n")
    #expect(lines.count == count + 1)
    #expect(lines.first == "file,line,reason,lead_id,created_at")
    #expect(lines.dropFirst().map { String($0) } == (0..<count).map { "leads.csv,\($0 + 2),missing created_at,L\($0)," })
  }

  /// Rows come sorted by file and line (deals.csv before leads.csv, though the leads are read
  /// first); columns in the order of the inputs, a name two exports share (`Region`) once, and
  /// none of a file without rejects (spend.csv's `month` and `source`).
  @Test func cellsStandUnderTheExportsColumnNames() throws {
    let csv = try render(
      [
        // Line 2 accepted; line 3 has no lead_id.
        .leads: "lead_id,created_at,Region\nL1,2026-10-01,North\n,2026-10-01,South\n",
        // Line 2's amount is no number.
        .deals: "deal_id,Region,amount,closed_at\nD1,East,x,2026-10-02\n",
        .spend: "month,source,amount\n2026-10,Web,100\n",
      ])
    #expect(
      csv == """
        file,line,reason,lead_id,created_at,Region,deal_id,amount,closed_at\r
        deals.csv,2,unparseable amount 'x',,,East,D1,x,2026-10-02\r
        leads.csv,3,missing lead_id,,2026-10-01,South,,,\r

        """)
  }

  /// A name a header repeats gets a column per repeat; a blank one is named by its position;
  /// fields past the header's end and lines that could not be split have columns of their own.
  @Test func repeatedBlankAndExtraColumnsAndUnsplitLines() throws {
    // Line 2 has 6 fields for the header's 5; line 3 is accepted; line 4's quote never closes.
    // Seven columns after the reason: the header's 5, 1 extra field, the unparsed line; line 4
    // leaves the first 6 empty.
    let leads = "Note,,Note,lead_id,created_at\na,b,c,L1,2026-10-01,d\nn,,n,L2,2026-10-01\ne,\"f\n"
    #expect(
      try render([.leads: leads]) == """
        file,line,reason,Note,(column 2),Note,lead_id,created_at,(extra field 1),(unparsed line)\r
        leads.csv,2,"row has 6 fields, the header has 5",a,b,c,L1,2026-10-01,d,\r
        leads.csv,4,unterminated quote: a quoted field never closes; the lines after this one were read as rows again,,,,,,,"e,""f"\r

        """)
  }

  /// A row's reason is its own, though the file reuses the last row's text while the problem
  /// is the same: rows that differ only in the amount that failed, and a repeat after another.
  @Test func eachRowHasItsOwnReasonInARunOfOneFile() throws {
    let deals = "deal_id,amount,closed_at\nD1,x,2026-10-02\nD2,x,2026-10-02\nD3,y,2026-10-02\nD4,x,2026-10-02\n"
    #expect(
      try render([.deals: deals]) == """
        file,line,reason,deal_id,amount,closed_at\r
        deals.csv,2,unparseable amount 'x',D1,x,2026-10-02\r
        deals.csv,3,unparseable amount 'x',D2,x,2026-10-02\r
        deals.csv,4,unparseable amount 'y',D3,y,2026-10-02\r
        deals.csv,5,unparseable amount 'x',D4,x,2026-10-02\r

        """)
  }

  // MARK: Cells as CSVWriting makes them

  @Test(arguments: [
    ("=SUM(A1)", "'=SUM(A1)"), ("+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0"), ("-2+3", "'-2+3"), ("-", "'-"), ("-2e", "'-2e"), ("@x", "'@x"),
    ("\tx", "'\tx"), ("ok", "ok"),
  ])
  func formulaCellsAreNeutralised(cell: String, safe: String) {
    #expect(CSVWriting.record([cell], terminator: "") == safe)
  }

  /// A plain number is no formula: a spreadsheet reads `-11.5` as the number, where `'-11.5`
  /// would be text that no sum counts.
  @Test(arguments: ["-11.5", "+3", "-62", "0.218", "-1e-05", "1E+20", ".5"])
  func plainNumbersAreWrittenAsTheyAre(cell: String) {
    #expect(CSVWriting.record([cell], terminator: "") == cell)
  }

  @Test(arguments: [
    ("=a,b", "\"'=a,b\""), (" padded", "\" padded\""), ("padded ", "\"padded \""), ("-\"x\"", "\"'-\"\"x\"\"\""),
    ("two\nlines", "\"two\nlines\""), ("Zoë; Ünal", "Zoë; Ünal"), ("", ""),
  ])
  func cellsAreQuotedWhenAReaderWouldSplitOrTrimThem(cell: String, written: String) {
    #expect(CSVWriting.record([cell], terminator: "") == written)
  }

  @Test func theDelimiterDecidesWhichCellsAreQuoted() {
    #expect(CSVWriting.record(["a,b", "c;d", "e"], delimiter: ";", terminator: "\n") == "a,b;\"c;d\";e\n")
  }

  @Test func aRejectedRowIsWrittenWholeWithFileLineAndReason() {
    let line = CSVWriting.record(["leads.csv", "7", "missing lead_id", "", "2026-10-01", "Acme, \"Inc\"", "=cmd|' /C calc'!A0"])
    #expect(line == "leads.csv,7,missing lead_id,,2026-10-01,\"Acme, \"\"Inc\"\"\",'=cmd|' /C calc'!A0\r\n")
  }
}
