import Foundation
import Testing
import ZIPFoundation

@testable import Workbook

/// Workbooks written part by part, as Excel writes them, and read back as CSV.
@Suite struct WorkbookTests {
  /// A workbook of `sheets` (name and `<sheetData>` XML), with `strings` shared, `styles` the
  /// `cellXfs` number formats (`numFmtId` each) and custom formats.
  func workbook(
    _ sheets: [(String, String)], strings: [String] = [], styles: [Int] = [0], formats: [Int: String] = [:], date1904: Bool = false
  ) throws -> Data {
    let archive = try Archive(data: Data(), accessMode: .create)
    func add(_ path: String, _ text: String) throws {
      let data = Data(text.utf8)
      try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
        data.subdata(in: Int(position)..<Int(position) + size)
      }
    }
    let ns = "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
    let rel = "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\""
    let sheetList = sheets.indices.map { "<sheet name=\"\(sheets[$0].0)\" sheetId=\"\($0 + 1)\" r:id=\"rId\($0 + 1)\"/>" }.joined()
    try add(
      "xl/workbook.xml", "<?xml version=\"1.0\"?><workbook \(ns) \(rel)><workbookPr date1904=\"\(date1904 ? 1 : 0)\"/><sheets>\(sheetList)</sheets></workbook>")
    let targets = sheets.indices.map { "<Relationship Id=\"rId\($0 + 1)\" Type=\"worksheet\" Target=\"worksheets/sheet\($0 + 1).xml\"/>" }.joined()
    try add("xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\"?><Relationships>\(targets)</Relationships>")
    let shared = strings.map { "<si><t xml:space=\"preserve\">\($0)</t></si>" }.joined()
    try add("xl/sharedStrings.xml", "<?xml version=\"1.0\"?><sst \(ns) count=\"\(strings.count)\">\(shared)</sst>")
    let numFmts = formats.map { "<numFmt numFmtId=\"\($0.key)\" formatCode=\"\($0.value)\"/>" }.joined()
    let xfs = styles.map { "<xf numFmtId=\"\($0)\"/>" }.joined()
    try add("xl/styles.xml", "<?xml version=\"1.0\"?><styleSheet \(ns)><numFmts>\(numFmts)</numFmts><cellXfs>\(xfs)</cellXfs></styleSheet>")
    for (index, sheet) in sheets.enumerated() {
      try add("xl/worksheets/sheet\(index + 1).xml", "<?xml version=\"1.0\"?><worksheet \(ns)><sheetData>\(sheet.1)</sheetData></worksheet>")
    }
    return archive.data!
  }

  func csv(_ data: Data, sheet: String? = nil) throws -> String {
    String(decoding: try Workbook(data: data).csv(sheet: sheet).bytes, as: UTF8.self)
  }

  @Test func sharedInlineNumberAndBooleanCellsAreTheirText() throws {
    let data = try workbook(
      [
        (
          "Leads",
          """
          <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>\
          <row r="2"><c r="A2"><v>101</v></c><c r="B2" t="inlineStr"><is><t>Acme, Inc.</t></is></c><c r="C2" t="b"><v>1</v></c></row>\
          <row r="3"><c r="A3"><v>1.5E+7</v></c><c r="B3" t="str"><v>say "hi"</v></c><c r="C3" t="e"><v>#N/A</v></c></row>
          """
        )
      ], strings: ["Record ID", "Company Name", "Opted in"])
    #expect(try csv(data) == "Record ID,Company Name,Opted in\n101,\"Acme, Inc.\",TRUE\n15000000,\"say \"\"hi\"\"\",#N/A\n")
  }

  /// Serial 46326 is 2026-10-31 in the 1900 system (days from 1899-12-30); .75 of a day is 18:00.
  @Test func datesStoredAsSerialsAreConvertedExactly() throws {
    let data = try workbook(
      [
        (
          "S",
          """
          <row r="1"><c r="A1" t="inlineStr"><is><t>Create Date</t></is></c><c r="B1" t="inlineStr"><is><t>Amount</t></is></c></row>\
          <row r="2"><c r="A2" s="1"><v>46326</v></c><c r="B2" s="3"><v>46326</v></c></row>\
          <row r="3"><c r="A3" s="2"><v>46326.75</v></c><c r="B3"><v>12.5</v></c></row>
          """
        )
      ], styles: [0, 14, 164, 4], formats: [164: "yyyy-mm-dd hh:mm"])
    // Style 3 is built-in format 4 (#,##0.00): a number, not a date.
    #expect(try csv(data) == "Create Date,Amount\n2026-10-31,46326\n2026-10-31 18:00:00,12.5\n")
  }

  @Test func the1904DateSystemCountsFrom1904() throws {
    // 1904 system: serial 44864 is 44,864 days after 1904-01-01, which is 2026-10-31.
    let data = try workbook(
      [
        (
          "S",
          "<row r=\"1\"><c t=\"inlineStr\"><is><t>a</t></is></c><c t=\"inlineStr\"><is><t>b</t></is></c></row><row r=\"2\"><c s=\"1\"><v>44864</v></c></row>"
        )
      ], styles: [0, 14], date1904: true)
    #expect(try csv(data) == "a,b\n2026-10-31,\n")
  }

  @Test func theSerialsAroundExcelsPhantomLeapDay() {
    #expect(ExcelDate.text(serial: 1, date1904: false) == "1900-01-01")
    #expect(ExcelDate.text(serial: 59, date1904: false) == "1900-02-28")
    #expect(ExcelDate.text(serial: 60, date1904: false) == nil)  // 29 February 1900 never was
    #expect(ExcelDate.text(serial: 61, date1904: false) == "1900-03-01")
    #expect(ExcelDate.text(serial: 45658.5, date1904: false) == "2025-01-01 12:00:00")
    #expect(ExcelDate.text(serial: -1, date1904: false) == nil)
  }

  /// Excel leaves out empty cells and rows: each row is padded to the header's width, and each
  /// row keeps its own line, so a line number is a sheet row number. Title rows above the
  /// header (one cell filled) are empty lines.
  @Test func missingCellsRowsAndTitleRowsKeepTheSheetsRowNumbers() throws {
    let data = try workbook(
      [
        (
          "Report",
          """
          <row r="1"><c r="A1" t="inlineStr"><is><t>Opportunities report</t></is></c></row>\
          <row r="3"><c r="B3" t="inlineStr"><is><t>Id</t></is></c><c r="C3" t="inlineStr"><is><t>Stage</t></is></c><c r="D3" t="inlineStr"><is><t>Note</t></is></c></row>\
          <row r="4"><c r="B4" t="inlineStr"><is><t>D1</t></is></c></row>\
          <row r="6"><c r="B6" t="inlineStr"><is><t>D2</t></is></c><c r="D6" t="inlineStr"><is><t>two\nlines</t></is></c></row>
          """
        )
      ])
    #expect(try csv(data) == "\n\n,Id,Stage,Note\n,D1,,\n\n,D2,,two lines\n")
  }

  @Test func aNamedSheetIsReadAndAMissingOneIsAnError() throws {
    let data = try workbook([
      ("Summary", "<row r=\"1\"><c t=\"inlineStr\"><is><t>x</t></is></c><c t=\"inlineStr\"><is><t>y</t></is></c></row>"),
      ("Leads", "<row r=\"1\"><c t=\"inlineStr\"><is><t>lead_id</t></is></c><c t=\"inlineStr\"><is><t>created_at</t></is></c></row>"),
    ])
    #expect(try Workbook(data: data).sheetNames == ["Summary", "Leads"])
    #expect(try csv(data, sheet: "Leads") == "lead_id,created_at\n")
    #expect(try csv(data) == "x,y\n")
    #expect(throws: WorkbookError.noSuchSheet("Deals", available: ["Summary", "Leads"])) { try Workbook(data: data).csv(sheet: "Deals") }
  }

  @Test func customDateFormatsAreToldFromNumberFormats() {
    #expect(StylesPart.isDateFormat(id: 164, code: "dd.mm.yyyy"))
    #expect(StylesPart.isDateFormat(id: 164, code: "[h]:mm:ss"))
    #expect(StylesPart.isDateFormat(id: 164, code: "[$-409]m/d/yy h:mm AM/PM"))
    #expect(!StylesPart.isDateFormat(id: 164, code: "#,##0.00 [$€-407]"))
    #expect(!StylesPart.isDateFormat(id: 164, code: "[Magenta]0.00"))
    #expect(!StylesPart.isDateFormat(id: 164, code: "0.00\"days\""))
    #expect(!StylesPart.isDateFormat(id: 4, code: nil))
  }

  @Test func notAWorkbookSaysSo() {
    #expect(throws: WorkbookError.notAWorkbook(reason: "not a zip archive")) { try Workbook(data: Data("lead_id\n".utf8)) }
    #expect(WorkbookError.binaryExcel.description.contains("save it as CSV or as an Excel workbook (.xlsx)"))
  }

  /// A corrupt sheet cannot make the reader write millions of lines or cells: a row number
  /// beyond Excel's last row or out of order, and a reference beyond its last column, are not
  /// trusted.
  @Test func outlandishRowAndColumnReferencesAreNotTrusted() throws {
    let data = try workbook([
      (
        "S",
        """
        <row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c><c r="B1" t="inlineStr"><is><t>b</t></is></c></row>\
        <row r="99999999999"><c r="A2" t="inlineStr"><is><t>x</t></is></c><c r="ZZZZZZZZZZZZZZZZZZZZ2" t="inlineStr"><is><t>y</t></is></c></row>\
        <row r="1"><c r="XFE3" t="inlineStr"><is><t>z</t></is></c><c r="B3" t="inlineStr"><is><t>w</t></is></c></row>
        """
      )
    ])
    // Row 2 is the next row; the 20-letter reference falls back to the next column (B); row "1"
    // again is row 3, and XFE (column 16,385) is no cell.
    #expect(try csv(data) == "a,b\nx,y\n,w\n")
    #expect(SheetPart.column("XFD1") == 16_383 && SheetPart.column("ABCD1") == nil)
  }
}
