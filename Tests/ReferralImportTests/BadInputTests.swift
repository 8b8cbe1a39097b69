import CSVStream
import ReferralCore
import TestSupport
import Testing

@testable import ReferralImport

/// Every kind of broken export: the exact reason and line of each rejected row, the rest of
/// the file imported, and rows = accepted + rejected + skipped.
@Suite struct BadInputTests {
  let folder: TemporaryFolder
  static let deals = "deal_id,closed_at\nD1,2026-10-02\n"

  init() throws { folder = try TemporaryFolder() }

  /// These exports are about broken bytes, not columns: like a config would, the options say
  /// that the leads have no source and the deals no stage, amount or channel (see
  /// ``RowDecoder/keyColumns``).
  static func declaringTheirShape(_ options: ImportOptions) -> ImportOptions {
    var options = options
    options.columns.declareAbsent(.source, role: .leads)
    for field in [Field.stage, .amount, .leadID, .source] { options.columns.declareAbsent(field, role: .deals) }
    return options
  }

  func leads(_ bytes: [UInt8], options: ImportOptions = ImportOptions()) throws -> Dataset {
    let files = InputFiles(leads: try folder.file("leads.csv", bytes: bytes), deals: try folder.file("deals.csv", Self.deals))
    return try Importer.load(files, options: Self.declaringTheirShape(options))
  }

  func leads(_ text: String, options: ImportOptions = ImportOptions()) throws -> Dataset {
    try leads(Array(text.utf8), options: options)
  }

  /// (line, reason) of every reject, and the ids imported; checks that every record the
  /// reader finds after the header is in the account.
  func outcome(_ data: Dataset) throws -> (rejects: [String], ids: [String]) {
    let account = data.inputs[0]
    var records = -1  // the header
    let summary = try CSVReader.read(path: account.file) { batch in records += batch.rows.count }
    #expect(account.rows == records + summary.skippedLines)
    return (data.rejects.map { "\($0.line): \($0.reason)" }, data.leads.map(\.id))
  }

  @Test func anUnterminatedQuoteMidFileRejectsItsLineAndReadsTheRest() throws {
    var options = ImportOptions()
    options.maxRowBytes = 200
    let rows = (3...30).map { "L\($0),2026-10-01,Web\n" }.joined()
    let data = try leads("lead_id,created_at,source\nL1,2026-10-01,\"Web\nL2,2026-10-01,Web\n" + rows, options: options)
    let (rejects, ids) = try outcome(data)
    #expect(rejects == ["2: unterminated quote: a quoted field never closes; the lines after this one were read as rows again"])
    #expect(ids == ["L2"] + (3...30).map { "L\($0)" })
    #expect(data.rejects[0].fields == ["L1,2026-10-01,\"Web"])
  }

  @Test func anUnterminatedQuoteAtTheEndRejectsItsLineAndReadsTheRest() throws {
    let (rejects, ids) = try outcome(try leads("lead_id,created_at,company\nL1,2026-10-01,\"Acme\nL2,2026-10-02,Bolt\n"))
    #expect(rejects == ["2: unterminated quote: a quoted field never closes; the lines after this one were read as rows again"])
    #expect(ids == ["L2"])
  }

  @Test func aQuoteInsideAnUnquotedFieldIsKeptAsData() throws {
    let data = try leads("lead_id,created_at,company\nL1,2026-10-01,5\" Displays\n")
    #expect(data.leads.map(\.company) == ["5\" Displays"])
  }

  @Test func raggedRowsAreRejected() throws {
    let (rejects, ids) = try outcome(try leads("lead_id,created_at,source\nL1,2026-10-01\nL2,2026-10-01,Web,extra\nL3,2026-10-01,Web\n"))
    #expect(rejects == ["2: row has 2 fields, the header has 3", "3: row has 4 fields, the header has 3"])
    #expect(ids == ["L3"])
  }

  @Test func nulBytesInvalidUTF8AndAStrayByteOrderMarkAreRejected() throws {
    let bytes =
      Array("lead_id,created_at,company\nL1,2026-10-01,A\u{0}B\nL2,2026-10-01,".utf8) + [0xFF, 0xFE, 0x41]
      + Array("\nL3,2026-10-01,\u{FEFF}C\nL4,2026-10-01,Zoë\n".utf8)
    let (rejects, ids) = try outcome(try leads(bytes))
    #expect(
      rejects == [
        "2: contains a NUL byte",
        "3: invalid UTF-8 (for a Windows-1252 export set [formats.leads] encoding = \"windows-1252\")",
        "4: a byte-order mark inside the data (were two exports concatenated?)",
      ])
    #expect(ids == ["L4"])
  }

  @Test func twoExportsConcatenatedShowTheSecondHeader() throws {
    let (rejects, ids) = try outcome(try leads("lead_id,created_at\nL1,2026-10-01\nlead_id,created_at\nL2,2026-10-01\n"))
    #expect(rejects == ["3: the header row again (were two exports concatenated?)"])
    #expect(ids == ["L1", "L2"])
  }

  @Test func anEmptyFileStopsTheRunButAHeaderOnlyFileIsZeroRows() throws {
    #expect(throws: ImportError.empty(file: folder.path + "/leads.csv")) { try leads("") }
    #expect(throws: ImportError.empty(file: folder.path + "/leads.csv")) { try leads("\n\n") }
    let data = try leads("lead_id,created_at\n")
    var headerOnly = InputAccount(role: .leads, file: folder.path + "/leads.csv")
    headerOnly.columns = ["lead_id", "created_at"]
    #expect(data.inputs[0] == headerOnly)
  }

  @Test func aDuplicatedMappedHeaderIsAnErrorAndBlankHeadersAreIgnored() throws {
    #expect(throws: ImportError.duplicateColumn(file: folder.path + "/leads.csv", field: "company", columns: [3, 4], header: "company")) {
      try leads("lead_id,created_at,company,Company\nL1,2026-10-01,a,b\n")
    }
    let data = try leads("lead_id,created_at,,notes,notes\nL1,2026-10-01,x,y,z\n")
    #expect(data.leads.count == 1)
    #expect(data.inputs[0].ignoredColumns == ["(blank, column 3)", "notes", "notes"])
  }

  @Test func aHugeRowIsRejectedWithBoundedMemoryAndTheRestRead() throws {
    var options = ImportOptions()
    options.maxRowBytes = 1_000
    let huge = String(repeating: "x", count: 50_000)
    let (rejects, ids) = try outcome(try leads("lead_id,created_at,company\nL1,2026-10-01,\(huge)\nL2,2026-10-01,ok\n", options: options))
    #expect(rejects == ["2: row longer than 1000 bytes (its text was cut)"])
    #expect(ids == ["L2"])
  }

  /// More rows than the id indexes hold stop the run at the first row past them, naming its
  /// line (with a limit of 2 here; the real one is about 134 million): an export of exactly the
  /// limit, rejected rows around it, is read whole.
  @Test func anExportPastTheRowLimitStopsTheRunAtItsLine() throws {
    var options = ImportOptions()
    options.maxAcceptedRows = 2
    let file = folder.path + "/leads.csv"
    #expect(throws: ImportError.tooManyRows(file: file, line: 5, limit: 2)) {
      try leads("lead_id,created_at\nL1,2026-10-01\nL1,2026-10-02\nL2,2026-10-01\nL3,2026-10-01\n", options: options)
    }
    let data = try leads("lead_id,created_at\nL1,2026-10-01\n,2026-10-01\nL2,2026-10-01\n", options: options)
    #expect(data.leads.map(\.id) == ["L1", "L2"] && data.inputs[0].rejected == 1)
    #expect(
      "\(ImportError.tooManyRows(file: "leads.csv", line: 5, limit: 2))"
        == "leads.csv:5: error: the export goes on past 2 accepted rows, the most one run holds; split it (by year, say) and report on each part")
  }

  @Test func extremelyLongLinesOfManyFieldsAreRejected() throws {
    var options = ImportOptions()
    options.maxRowBytes = 10_000
    let long = Array(repeating: "a", count: 20_000).joined(separator: ",")
    let (rejects, ids) = try outcome(try leads("lead_id,created_at\n\(long)\nL2,2026-10-01\n", options: options))
    #expect(rejects == ["2: row longer than 10000 bytes (its text was cut)"])
    #expect(ids == ["L2"])
  }

  @Test func badValues() throws {
    let text = """
      lead_id,created_at,thanked_at
      L1,2026-02-29,
      L2,yesterday,
      L3,2026-10-01,2026-13-01
      L4,2026-10-01,
      L4,2026-10-02,

      """
    let (rejects, ids) = try outcome(try leads(text))
    #expect(
      rejects == [
        "2: unparseable or impossible created_at '2026-02-29'",
        "3: unparseable or impossible created_at 'yesterday'",
        "4: unparseable or impossible thanked_at '2026-13-01'",
        "6: duplicate lead_id 'L4' (first on line 5)",
      ])
    #expect(ids == ["L4"])
  }
}

@Suite struct EncodingTests {
  @Test func aWindows1252ExportReadsWhenConfigured() throws {
    let folder = try TemporaryFolder()
    let bytes: [UInt8] = Array("lead_id;created_at;company\nL1;31.10.2026;".utf8) + [0x4D, 0xFC, 0x6C, 0x6C, 0x65, 0x72, 0x20, 0x80] + [0x0A]
    var options = ImportOptions()
    options.dialects[.leads] = CSVDialect(encoding: .windows1252)
    let files = InputFiles(leads: try folder.file("l.csv", bytes: bytes), deals: try folder.file("d.csv", BadInputTests.deals))
    let data = try Importer.load(files, options: BadInputTests.declaringTheirShape(options))
    #expect(data.leads.map(\.company) == ["Müller €"])
    #expect(data.leads.map(\.created) == [Day(iso: "2026-10-31")])
  }

  /// Without the setting, a file that is Windows-1252 and no UTF-8 throughout is read as
  /// Windows-1252, and a warning says so with the line that would override it.
  @Test func withoutTheSettingAWindows1252FileIsDetectedAndSaidSo() throws {
    let folder = try TemporaryFolder()
    let bytes: [UInt8] = Array("lead_id,created_at,company\nL1,2026-10-01,M".utf8) + [0xFC] + Array("ller\n".utf8)
    let files = InputFiles(leads: try folder.file("l.csv", bytes: bytes), deals: try folder.file("d.csv", BadInputTests.deals))
    let data = try Importer.load(files, options: BadInputTests.declaringTheirShape(ImportOptions()))
    #expect(data.rejects.isEmpty)
    #expect(data.leads.map(\.company) == ["Müller"])
    #expect(
      data.warnings.map(\.message).contains {
        $0.hasPrefix("read as Windows-1252") && $0.contains("[formats.leads] encoding = \"utf-8\"")
      })
  }

  /// The configured encoding wins: set to UTF-8, the same bytes are rejected row by row.
  @Test func aConfiguredUTF8KeepsTheRowByRowRejects() throws {
    let folder = try TemporaryFolder()
    let bytes: [UInt8] = Array("lead_id,created_at,company\nL1,2026-10-01,M".utf8) + [0xFC] + Array("ller\n".utf8)
    var options = ImportOptions()
    options.dialects[.leads] = CSVDialect(encoding: .utf8)
    let files = InputFiles(leads: try folder.file("l.csv", bytes: bytes), deals: try folder.file("d.csv", BadInputTests.deals))
    let data = try Importer.load(files, options: BadInputTests.declaringTheirShape(options))
    #expect(data.rejects.map(\.reason).first?.hasPrefix("invalid UTF-8") == true)
    #expect(!data.warnings.contains { $0.message.hasPrefix("read as Windows-1252") })
  }

  /// UTF-8 text with one damaged byte is no Windows-1252 file: its valid `é` (C3 A9) keeps it
  /// UTF-8, and only the damaged row is rejected.
  @Test func utf8WithADamagedByteKeepsTheRowByRowRejects() throws {
    let folder = try TemporaryFolder()
    let bytes: [UInt8] =
      Array("lead_id,created_at,company\nL1,2026-10-01,Caf".utf8) + [0xC3, 0xA9] + Array("\nL2,2026-10-02,M".utf8) + [0xFC] + Array("ller\n".utf8)
    let files = InputFiles(leads: try folder.file("l.csv", bytes: bytes), deals: try folder.file("d.csv", BadInputTests.deals))
    let data = try Importer.load(files, options: BadInputTests.declaringTheirShape(ImportOptions()))
    #expect(data.leads.map(\.company) == ["Café"])
    #expect(data.rejects.map(\.line) == [3])
    #expect(data.rejects.map(\.reason).first?.hasPrefix("invalid UTF-8") == true)
  }
}

extension BadInputTests {
  /// A header cell with a line break in its quotes stays one line in the message.
  @Test func anErrorAboutAHeaderWithALineBreakIsOneLine() throws {
    #expect {
      try leads("\"Lead\nNumber\",created_at\nL1,2026-10-01\n")
    } throws: { error in
      let message = (error as? ImportError)?.description ?? ""
      return message.contains("found 'Lead\\nNumber', 'created_at'") && !message.contains("\n")
    }
  }
}
