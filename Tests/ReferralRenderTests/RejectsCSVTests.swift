import CSVStream
import ReferralAttribution
import ReferralCore
import ReferralRender
import TestSupport
import Testing

/// `rejects.csv` names each rejected row's cells by its export's own header, so the row can be
/// read and fixed in a spreadsheet.
@Suite struct RejectsCSVTests {
  func render(inputs: [InputAccount], rejects: [Reject]) -> String {
    var data = Dataset()
    data.inputs = inputs
    data.rejects = RejectedRows(rejects)
    let result = Attributor.attribute(data, options: AttributionOptions(period: Period(month: Month(year: 2026, month: 10)!)))
    return String(decoding: RejectsCSV.bytes(result), as: UTF8.self)
  }

  /// Rejects added in the reverse order: the rows in order under one header, each exactly once.
  @Test func everyRowComesOnceInFileAndLineOrder() {
    let count = 2_005
    var data = Dataset()
    data.inputs = [account(.leads, "leads.csv", ["Lead ID"])]
    data.rejects = RejectedRows(
      (0..<count).reversed().map { n in
        Reject(file: "leads.csv", role: .leads, line: n + 2, problem: .missing(.createdAt), fields: ["L\(n)"])
      })
    let result = Attributor.attribute(data, options: AttributionOptions(period: Period(month: Month(year: 2026, month: 10)!)))
    let lines = String(decoding: RejectsCSV.bytes(result), as: UTF8.self).split(separator: "\r\n")
    #expect(lines.count == count + 1)
    #expect(lines.first == "file,line,reason,Lead ID")
    #expect(lines.dropFirst().map { String($0) } == (0..<count).map { "leads.csv,\($0 + 2),missing created_at,L\($0)" })
  }

  func account(_ role: InputRole, _ file: String, _ columns: [String]) -> InputAccount {
    var account = InputAccount(role: role, file: file, rejected: 1)
    account.columns = columns
    return account
  }

  /// (Rows come sorted by file and line; columns in the order of the inputs.)
  @Test func cellsStandUnderTheExportsColumnNames() {
    let csv = render(
      inputs: [
        account(.leads, "leads.csv", ["Lead ID", "Created Date", "Owner"]),
        account(.deals, "deals.csv", ["Deal ID", "Owner", "Amount"]),
        account(.spend, "spend.csv", ["Month", "Amount"]),  // no rejects: no columns of its own
      ],
      rejects: [
        Reject(file: "leads.csv", role: .leads, line: 3, problem: .missing(.leadID), fields: ["", "2026-10-01", "Ana"]),
        Reject(file: "deals.csv", role: .deals, line: 2, problem: .badAmount(.amount, "x"), fields: ["D1", "Ben", "x"]),
      ])
    #expect(
      csv == """
        file,line,reason,Lead ID,Created Date,Owner,Deal ID,Amount\r
        deals.csv,2,unparseable amount 'x',,,Ben,D1,x\r
        leads.csv,3,missing lead_id,,2026-10-01,Ana,,\r

        """)
  }

  /// A name a header repeats gets a column per repeat; a blank one is named by its position;
  /// fields past the header's end and lines that could not be split have columns of their own.
  @Test func repeatedBlankAndExtraColumnsAndUnsplitLines() {
    let csv = render(
      inputs: [account(.leads, "l.csv", ["Name", "", "Name"])],
      rejects: [
        Reject(file: "l.csv", role: .leads, line: 2, problem: .ragged(found: 4, expected: 3), fields: ["a", "b", "c", "d"]),
        Reject(file: "l.csv", role: .leads, line: 3, problem: .unterminatedQuote, fields: ["e,\"f"]),
      ])
    #expect(
      csv == """
        file,line,reason,Name,(column 2),Name,(extra field 1),(unparsed line)\r
        l.csv,2,"row has 4 fields, the header has 3",a,b,c,d,\r
        l.csv,3,unterminated quote: a quoted field never closes; the lines after this one were read as rows again,,,,,"e,""f"\r

        """)
  }

  /// A row's reason is its own, though the file reuses the last row's text while the problem
  /// is the same: rows that differ only in the amount that failed, and a repeat after another.
  @Test func eachRowHasItsOwnReasonInARunOfOneFile() {
    let csv = render(
      inputs: [account(.deals, "d.csv", ["Amount"])],
      rejects: [
        Reject(file: "d.csv", role: .deals, line: 2, problem: .badAmount(.amount, "x"), fields: ["x"]),
        Reject(file: "d.csv", role: .deals, line: 3, problem: .badAmount(.amount, "x"), fields: ["x"]),
        Reject(file: "d.csv", role: .deals, line: 4, problem: .badAmount(.amount, "y"), fields: ["y"]),
        Reject(file: "d.csv", role: .deals, line: 5, problem: .badAmount(.amount, "x"), fields: ["x"]),
      ])
    #expect(
      csv == """
        file,line,reason,Amount\r
        d.csv,2,unparseable amount 'x',x\r
        d.csv,3,unparseable amount 'x',x\r
        d.csv,4,unparseable amount 'y',y\r
        d.csv,5,unparseable amount 'x',x\r

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
