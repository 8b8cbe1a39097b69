import ReferralCore
import TestSupport
import Testing

@testable import ReferralImport

@Suite struct ImporterTests {
  let folder: TemporaryFolder

  init() throws { folder = try TemporaryFolder() }

  func load(leads: String, deals: String, spend: String? = nil, payouts: String? = nil, options: ImportOptions = ImportOptions(rates: ["EUR": 1.1])) throws
    -> Dataset
  {
    let files = InputFiles(
      leads: try folder.file("leads.csv", leads), deals: try folder.file("deals.csv", deals),
      spend: try spend.map { try folder.file("spend.csv", $0) }, payouts: try payouts.map { try folder.file("payouts.csv", $0) })
    return try Importer.load(files, options: options)
  }

  static let goodDeals = "deal_id,lead_id,stage,amount,currency,created_at,closed_at\nD1,L1,Closed Won,100,,2026-10-02,2026-10-20\n"

  @Test func everyRowIsAcceptedRejectedOrSkippedWithItsLineAndReason() throws {
    let leads = """
      Lead_ID , Created_At ,Source,Company
      L1,2026-10-01,Referral,"Acme, Inc."
      L2,2026-10-32,Referral,Bad Date
      ,2026-10-03,Referral,No Id
      L1,2026-10-04,Referral,Duplicate
      L3,2026-10-05,Referral
      "L4","2026-10-06","Web","Multi
      line"
      L5,2026-10-07,Web,Five

      Grand Totals (7 records)
      Confidential Information - Do Not Distribute
      Copyright (c) 2000-2026 salesforce.com, inc. All rights reserved.

      """
    let data = try load(leads: leads, deals: Self.goodDeals)
    let account = data.inputs[0]
    var expected = InputAccount(role: .leads, file: folder.path + "/leads.csv", accepted: 3, rejected: 4, skipped: 3)
    expected.columns = ["Lead_ID", "Created_At", "Source", "Company"]
    #expect(account == expected)
    #expect(data.leads.map(\.id) == ["L1", "L4", "L5"])
    #expect(data.leads.map(\.line) == [2, 7, 9])
    #expect(data.leads[1].company == "Multi\nline")
    #expect(data.leads[0].company == "Acme, Inc.")
    #expect(data.rejects.map(\.line) == [3, 4, 5, 6])
    #expect(
      data.rejects.map(\.reason) == [
        "unparseable or impossible created_at '2026-10-32'",
        "missing lead_id",
        "duplicate lead_id 'L1' (first on line 2)",
        "row has 3 fields, the header has 4",
      ])
    #expect(data.rejects[0].fields == ["L2", "2026-10-32", "Referral", "Bad Date"])
  }

  /// A file of several megabytes goes through several batch arenas, handed to the decoding
  /// thread and recycled. Most line breaks are inside quoted five-line companies, so chunks
  /// end inside rows: those rows are carried into the next arena. Every row must arrive whole,
  /// with its line.
  @Test func aFileLargerThanTheChunksKeepsEveryRowWholeAcrossBatches() throws {
    let count = 30_000
    var leads = "lead_id,created_at,source,company\n"
    for n in 1...count {
      leads += "L\(n),2026-10-\(n % 28 + 1 < 10 ? "0" : "")\(n % 28 + 1),Referral,\"Company \(n), first line\nsecond line of \(n)\n3\n4\n5\"\n"
    }
    leads += "L1,2026-10-01,Referral,repeated\n"
    #expect(leads.utf8.count > 2 * (1 << 20))
    let data = try load(leads: leads, deals: Self.goodDeals)
    #expect(data.inputs[0].accepted == count)
    #expect(data.leads.count == count)
    for n in [1, 2, 11_111, 17_000, count] {
      #expect(data.leads[n - 1].id == "L\(n)")
      #expect(data.leads[n - 1].company == "Company \(n), first line\nsecond line of \(n)\n3\n4\n5")
      #expect(data.leads[n - 1].line == 5 * n - 3)
    }
    #expect(data.rejects.map(\.line) == [5 * count + 2])
    #expect(data.rejects.map(\.reason) == ["duplicate lead_id 'L1' (first on line 2)"])
  }

  /// A converted amount is held to the bound of one read in the reporting currency (ten
  /// billion), so the largest rate the config allows (a million) cannot make sums overflow:
  /// 10,000 × 1,000,000 = 10,000,000,000 is the bound itself and passes, 10,001 × 1,000,000 is
  /// past it and is rejected whole.
  @Test func aConvertedAmountPastTheBoundIsRejected() throws {
    let deals = """
      deal_id,lead_id,stage,amount,currency,created_at,closed_at
      D1,L1,Closed Won,10000,XAU,2026-10-02,2026-10-20
      D2,L1,Closed Won,10001,XAU,2026-10-02,2026-10-21

      """
    let data = try load(leads: "lead_id,created_at,source\nL1,2026-10-01,Web\n", deals: deals, options: ImportOptions(rates: ["XAU": 1_000_000]))
    #expect(data.deals.map(\.id) == ["D1"])
    #expect(data.deals.map(\.amount) == [Money(minorUnits: 1_000_000_000_000)])
    #expect(data.rejects.map(\.reason) == ["implausibly large amount '10001'"])
  }

  @Test func dealsAreCheckedAndConverted() throws {
    let deals = """
      deal_id,lead_id,stage,amount,currency,created_at,closed_at
      D1,L1,Closed Won,"$1,000.50",,2026-10-02,2026-10-20
      D2,L1,Closed Lost,500,,2026-10-02,2026-10-21
      D3,L1,Negotiation,700,,2026-10-02,
      D4,L1,Closed Won,100,EUR,2026-10-02,2026-10-22
      D5,L1,Closed Won,100,JPY,2026-10-02,2026-10-22
      D6,L1,Maybe,100,,2026-10-02,2026-10-22
      D7,L1,Closed Won,,,2026-10-02,2026-10-22
      D8,L1,Closed Won,-5,,2026-10-02,2026-10-22
      D9,L1,Closed Lost,5,,2026-10-02,
      D10,L1,Won,5,,2026-10-25,2026-10-22

      """
    let data = try load(leads: "lead_id,created_at,source\nL1,2026-10-01,Web\n", deals: deals)
    // D7, won without an amount, is a win whose revenue is unknown: kept, with no amount.
    #expect(data.deals.map(\.id) == ["D1", "D2", "D3", "D4", "D7", "D10"])
    #expect(data.deals.map(\.outcome) == [.won, .lost, .open, .won, .won, .won])
    #expect(data.deals[0].amount == Money(minorUnits: 100_050))
    #expect(data.deals[3].amount == Money(minorUnits: 11_000))
    #expect(data.deals[4].amount == nil && data.dealsHaveAmounts)
    #expect(
      data.rejects.map(\.reason) == [
        "no exchange rate for currency 'JPY' (add its rate to the reporting currency under [rates], e.g. [rates] JPY = <rate>)",
        "unknown stage 'Maybe' (add it to won, lost or open under [stages], e.g. [stages] open = [\"Maybe\"])",
        "negative amount '-5'",
        "missing closed_at for a lost deal",
      ])
    #expect(data.warnings.map(\.line) == [11])
    #expect(data.warnings.first?.message == "deal 'D10' closed on 2026-10-22, before it was created on 2026-10-25")
  }

  /// A deals export that says it has no stage column is one of won deals; one that says it has
  /// no amount has no revenue.
  @Test func aDeclaredAbsentStageMakesEveryDealWonAndNoAmountNoRevenue() throws {
    var options = ImportOptions()
    for field in [Field.stage, .amount, .leadID, .source] { options.columns.declareAbsent(field, role: .deals) }
    let data = try load(leads: "lead_id,created_at,source\nL1,2026-10-01,Web\n", deals: "deal_id,closed_at\nD1,2026-10-02\n", options: options)
    #expect(data.deals.map(\.outcome) == [.won])
    #expect(data.deals[0].amount == nil)
    #expect(!data.dealsHaveAmounts && !data.dealsHaveStages)
  }

  /// Undeclared, a key column the export lacks stops the import: the first missing group in
  /// the order of ``RowDecoder/keyColumns`` (stage), with no unread header to offer.
  @Test func anUndeclaredMissingKeyColumnStops() throws {
    #expect(
      throws: ImportError.missingKeyColumn(
        file: folder.path + "/deals.csv", role: .deals, fields: [.stage], expected: ["stage"], found: ["deal_id", "closed_at"], closest: nil)
    ) {
      try load(leads: "lead_id,created_at,source\nL1,2026-10-01,Web\n", deals: "deal_id,closed_at\nD1,2026-10-02\n")
    }
    // The channel group names both fields, the closest-looking first.
    var options = ImportOptions()
    options.columns.declareAbsent(.stage, role: .deals)
    #expect(
      throws: ImportError.missingKeyColumn(
        file: folder.path + "/deals.csv", role: .deals, fields: [.source, .leadID], expected: ["lead_id", "source"],
        found: ["deal_id", "closed_at", "amount", "Deal Source"], closest: "Deal Source")
    ) {
      try load(leads: "lead_id,created_at,source\nL1,2026-10-01,Web\n", deals: "deal_id,closed_at,amount,Deal Source\nD1,2026-10-02,5,Web\n", options: options)
    }
    let error = ImportError.missingKeyColumn(
      file: "deals.csv", role: .deals, fields: [.source, .leadID], expected: ["lead_id", "source"], found: ["deal_id", "Deal Source"], closest: "Deal Source")
    #expect(
      error.description
        == "deals.csv:1: error: no column for source or lead_id (looked for 'lead_id' or 'source'); found 'deal_id', 'Deal Source'; "
        + "the closest header is 'Deal Source': if it holds the source, map it: [columns.deals] source = \"Deal Source\"; "
        + "if the export has neither (every deal is in the Unknown channel), declare both: [columns.deals] source = false and [columns.deals] lead_id = false")
  }

  @Test func aMissingRequiredColumnNamesWhatWasFound() throws {
    #expect(
      throws: ImportError.missingColumn(
        file: folder.path + "/leads.csv", role: .leads, field: .createdAt, expected: ["created_at"], found: ["lead_id", "Created"], closest: "Created")
    ) {
      try load(leads: "lead_id,Created\nL1,2026-10-01\n", deals: Self.goodDeals)
    }
  }

  @Test func anEmptyFileStopsTheRun() throws {
    #expect(throws: ImportError.empty(file: folder.path + "/deals.csv")) {
      try load(leads: "lead_id,created_at,source\n", deals: "")
    }
  }

  @Test func aMissingFileStopsTheRun() throws {
    let files = InputFiles(leads: folder.path + "/nope.csv", deals: try folder.file("deals.csv", Self.goodDeals))
    #expect(throws: ImportError.unreadable(file: folder.path + "/nope.csv", reason: "No such file or directory")) {
      try Importer.load(files, options: ImportOptions())
    }
  }

  @Test func spendAndPayoutsAreImported() throws {
    let spend = "month,source,amount,currency\n2026-10,Paid Search,1000,\n2026-10-15,Events,100,EUR\n2026-13,Web,5,\n"
    let payouts =
      "payout_id,paid_at,referrer_id,deal_id,kind,amount\nP1,2026-10-05,L9,D1,Referral Fee,150\nP2,2026-10-06,L9,,Thank-you gift,25\nP3,2026-10-06,L9,,bribe,25\n"
    let data = try load(leads: "lead_id,created_at,source\nL1,2026-10-01,x\n", deals: Self.goodDeals, spend: spend, payouts: payouts)
    #expect(data.spend.map(\.amount) == [Money(minorUnits: 100_000), Money(minorUnits: 11_000)])
    #expect(data.spend.map { data.sources[Int($0.source)] } == ["Paid Search", "Events"])
    #expect(data.spend.map(\.month.description) == ["2026-10", "2026-10"])
    #expect(data.payouts.map(\.kind) == [.fee, .gift])
    #expect(data.payouts.map { $0.referrer.map { data.referrers[Int($0)] } } == ["L9", "L9"])
    #expect(data.rejects.map(\.reason) == ["unparseable or impossible month '2026-13'", "unknown payout kind 'bribe' (expected fee or gift)"])
    #expect(data.inputs.map(\.rows) == [1, 1, 3, 3])
  }

  /// The referrers' ids are interned once the file is read: each lead still names the id in
  /// its cell (trimmed; an empty or `null` cell is none), numbered in the order ids first
  /// appear, and a rejected row (a duplicate lead) names none. Payouts' referrers join them.
  @Test func eachLeadNamesItsReferrerAsTheCellSaysIt() throws {
    let leads = """
      lead_id,created_at,source,referrer_id
      L1,2026-10-01,Referral, L6
      L2,2026-10-01,Referral,
      L1,2026-10-02,Referral,L7
      L3,2026-10-02,Referral,null
      L4,2026-10-03,Referral,L8
      L5,2026-10-03,Referral,"L6 "

      """
    let payouts = "payout_id,paid_at,referrer_id,amount\nP1,2026-10-05,L9,150\nP2,2026-10-06,L8,25\n"
    let data = try load(leads: leads, deals: Self.goodDeals, payouts: payouts)
    let table = data.leadTable
    #expect(table.indices.map { table.referrer($0).map { data.referrers[Int($0)] } } == ["L6", nil, nil, "L8", "L6"])
    // L7 was on the rejected duplicate: no lead names it. The payouts' L9 comes after.
    #expect(data.referrers == ["L6", "L8", "L9"])
    #expect(data.payouts.map { $0.referrer.map { data.referrers[Int($0)] } } == ["L9", "L8"])
  }

  @Test func dayFirstColumnsAreSettledAfterTheWholeFile() throws {
    let data = try load(leads: "lead_id,created_at,source\nL1,03/04/2026,Web\nL2,25/12/2026,Web\n", deals: Self.goodDeals)
    #expect(data.leads.map(\.created) == [Day(iso: "2026-04-03"), Day(iso: "2026-12-25")])
  }

  @Test func stringTablesOfSeparateFilesAreMerged() throws {
    let leads = "lead_id,created_at,source,owner\nL1,2026-10-01,Web,Ana\nL2,2026-10-01,Referral,Ben\n"
    let deals = "deal_id,lead_id,stage,amount,closed_at,source,owner\nD1,,won,5,2026-10-02,Referral,Ben\nD2,,won,5,2026-10-02,Podcast,Cy\n"
    let data = try load(leads: leads, deals: deals)
    #expect(data.sources == ["Web", "Referral", "Podcast"])
    #expect(data.owners == ["Ana", "Ben", "Cy"])
    #expect(data.deals.map { $0.source.map { data.sources[Int($0)] } } == ["Referral", "Podcast"])
    #expect(data.deals.map { $0.owner.map { data.owners[Int($0)] } } == ["Ben", "Cy"])
  }

  // MARK: Files as Excel writes them elsewhere

  /// Excel for Mac's CR-only lines over the 1 MiB row limit: every one of 30,000 rows is a
  /// row on its own line, and the account counts physical records.
  @Test func aCROnlyExportKeepsEveryRow() throws {
    let body = (10_001...40_000).map { "L\($0),2026-10-01,Referral,Company \($0)\r" }.joined()
    let data = try load(leads: "lead_id,created_at,source,company\r" + body, deals: Self.goodDeals)
    #expect(data.inputs[0].accepted == 30_000)
    #expect(data.inputs[0].rejected == 0)
    #expect(data.leads.last?.line == 30_001)
  }

  /// The `sep=;` line is no row: it is counted as skipped, so rows = 1 + 2.
  @Test func excelsSeparatorLineIsSkippedAndCounted() throws {
    let data = try load(leads: "sep=;\nlead_id;created_at;source\nL1;2026-10-01;Web\nL2;2026-10-02;Web\n", deals: Self.goodDeals)
    let account = data.inputs[0]
    #expect((account.rows, account.accepted, account.rejected, account.skipped) == (3, 2, 0, 1))
    #expect(data.leads.map(\.line) == [3, 4])
  }

  @Test func aUTF16BigEndianExportIsDecoded() throws {
    let text = "lead_id\tcreated_at\tsource\tcompany\r\nL1\t2026-10-01\tWeb\tZoë GmbH\r\n"
    let bytes: [UInt8] = [0xFE, 0xFF] + text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
    let files = InputFiles(leads: try folder.file("leads.csv", bytes: bytes), deals: try folder.file("deals.csv", Self.goodDeals))
    let data = try Importer.load(files, options: ImportOptions())
    #expect(data.leads.map(\.id) == ["L1"])
    #expect(data.leads.map(\.company) == ["Zoë GmbH"])
  }

  /// A won-deals export keyed by the lead alone: no deal id column. Each deal is named by its
  /// file and line, and the same deal twice is two deals (nothing can tell them apart).
  @Test func dealsWithoutAnIDColumnAreNamedByFileAndLine() throws {
    var options = ImportOptions()
    options.columns.declareAbsent(.stage, role: .deals)
    let data = try load(
      leads: "lead_id,created_at,source\nL1,2026-10-01,Web\nL2,2026-10-02,Web\n",
      deals: "lead_id,amount,closed_at\nL1,100,2026-10-20\nL2,50,2026-10-21\nL2,50,2026-10-21\n", options: options)
    #expect(data.deals.map(\.id) == ["deals.csv:2", "deals.csv:3", "deals.csv:4"])
    #expect(data.deals.map(\.leadID) == ["L1", "L2", "L2"])
    #expect(data.inputs[1].accepted == 3 && data.inputs[1].rejected == 0)
    #expect(!data.dealsHaveIDs && !data.dealsHaveStages)
  }
}

extension ImporterTests {
  /// An opportunity pipeline as CRMs export it: every stage is known without a [stages] map.
  @Test(arguments: [
    ("Won", DealOutcome.won), ("Lost", .lost), ("Engaging", .open), ("Prospecting", .open), ("Needs Analysis", .open),
    ("Negotiation/Review", .open), ("appointmentscheduled", .open), ("Qualified to buy", .open), ("decisionmakerboughtin", .open),
    ("contractsent", .open), ("closedwon", .won), ("Closed Lost", .lost), ("open", .open),
  ])
  func theOpenStagesOfTheCommonPipelinesAreKnown(stage: String, outcome: DealOutcome) throws {
    let closed = outcome == .open ? "" : "2026-10-20"
    let data = try load(
      leads: "lead_id,created_at,source\nL1,2026-10-01,Web\n", deals: "deal_id,lead_id,stage,amount,closed_at\nD1,L1,\(stage),100,\(closed)\n")
    #expect(data.inputs[1].rejected == 0)
    #expect(data.deals.map(\.outcome) == [outcome])
  }
}

extension ImporterTests {
  /// Without a deals export, a leads export's stage column is each lead's own outcome: a lead
  /// that ended is one deal, named by its file and line, closed on the lead's day.
  @Test func aLeadsExportCarriesItsOwnOutcomeWithoutADealsExport() throws {
    let leads = "lead_id,created_at,source,stage\nL1,2026-10-01,Referral,1\nL2,2026-10-02,Web,0\nL3,2026-10-03,Web,\nL4,2026-10-04,Web,maybe\n"
    let files = InputFiles(leads: try folder.file("leads.csv", leads))
    let data = try Importer.load(files, options: ImportOptions(stages: StageMap(won: ["1"], lost: ["0"])))
    // Four rows: L1 won, L2 lost, L3 open (no deal), L4's "maybe" names no outcome: rejected.
    #expect(data.inputs.map(\.role) == [.leads])
    #expect(data.inputs[0].accepted == 3)
    #expect(data.inputs[0].rejected == 1)
    #expect(data.rejects.map(\.line) == [5])
    #expect(data.rejects.map(\.reason) == ["unknown stage 'maybe' (add it to won, lost or open under [stages], e.g. [stages] open = [\"maybe\"])"])
    #expect(data.outcomesFromLeads)
    let deals = data.deals.map { "\($0.id) \($0.leadID ?? "-") \($0.outcome) \($0.closed.map(String.init(describing:)) ?? "-")" }
    #expect(deals == ["leads.csv:2 L1 won 2026-10-01", "leads.csv:3 L2 lost 2026-10-02"])
  }

  /// With a deals export, the deals say how leads ended: a leads `stage` column is not read.
  @Test func aDealsExportOutranksTheLeadsOwnStage() throws {
    let data = try load(leads: "lead_id,created_at,source,stage\nL1,2026-10-01,Web,nonsense\n", deals: Self.goodDeals)
    #expect(data.inputs[0].rejected == 0)
    #expect(!data.outcomesFromLeads)
    #expect(data.deals.map(\.id) == ["D1"])
  }

  /// A deals export alone: no lead, and the account holds the deals only.
  @Test func aDealsExportAloneIsADataset() throws {
    let data = try Importer.load(InputFiles(deals: try folder.file("deals.csv", Self.goodDeals)), options: ImportOptions())
    #expect(data.inputs.map(\.role) == [.deals])
    #expect(!data.hasLeads)
    #expect(data.deals.count == 1)
  }
}

extension ImporterTests {
  /// Referral requests: every row accepted or rejected with its line, owners merged with the
  /// leads' table, the asked lead's id kept as written, an ask without an id named by file and
  /// line (attribution's ``Links`` finds the lead).
  @Test func referralRequestsAreAnInputLikeAnyOther() throws {
    let leads = "lead_id,created_at,source,owner\nL1,2026-10-01,Web,Ana\n"
    let asks = "asked_at,lead_id,owner,outcome\n2026-10-03,L1,Ben,Referred\n,L1,Ana,\n2026-10-04,,Ana,\n2026-10-05,L9,Ana,later\n"
    let files = InputFiles(
      leads: try folder.file("leads.csv", leads), deals: try folder.file("deals.csv", Self.goodDeals), asks: try folder.file("asks.csv", asks))
    let data = try Importer.load(files, options: ImportOptions())
    let account = try #require(data.inputs.first { $0.role == .asks })
    // Four rows: two asks, one without a date (line 3), one without a lead (line 4).
    #expect((account.accepted, account.rejected, account.rows) == (2, 2, 4))
    #expect(data.rejects.filter { $0.file.hasSuffix("asks.csv") }.map(\.line) == [3, 4])
    #expect(data.asks.map(\.id) == ["asks.csv:2", "asks.csv:5"])
    #expect(data.asks.map { $0.owner.map { data.owners[Int($0)] } } == ["Ben", "Ana"])
    #expect(data.asks.map(\.outcome) == ["referred", "later"])
    #expect(data.asks.map(\.leadID) == ["L1", "L9"])
    #expect(data.hasAsks)
  }
}

extension ImporterTests {
  /// An activity export holds calls and meetings too: with `[asks] activities`, only rows of
  /// those types are referral requests; the others are skipped and counted as skipped.
  @Test func anActivityExportKeepsOnlyItsReferralRequests() throws {
    let activities = """
      Activity ID,Date,Contact ID,Assigned To,Type
      1,2026-10-02,L1,Ana,Call
      2,2026-10-03,L1,Ana,Referral request
      3,2026-10-04,L1,Ben,Meeting
      4,2026-10-05,L9,Ben,referral_request
      5,2026-10-06,L1,Ben,
      6,2026-10-07,L1,Ana,"Referral request: Acme, 2nd ask"
      7,2026-10-08,L1,Ana,Referral

      """
    var options = ImportOptions()
    for (field, header) in [(Field.askID, "Activity ID"), (.askedAt, "Date"), (.leadID, "Contact ID"), (.owner, "Assigned To"), (.activityType, "Type")] {
      options.columns.override(field, role: .asks, header: header)
    }
    options.askActivities = ["Referral request"]
    let files = InputFiles(leads: try folder.file("leads.csv", "lead_id,created_at,source\nL1,2026-10-01,Web\n"), asks: try folder.file("asks.csv", activities))
    let data = try Importer.load(files, options: options)
    let account = try #require(data.inputs.first { $0.role == .asks })
    // Seven rows: activities 2, 4 and 6 are referral requests (case and punctuation do not
    // matter, and a subject that holds the name counts); the call, the meeting, the untyped row
    // and "Referral" (which holds only part of the name) are skipped.
    #expect((account.accepted, account.rejected, account.skipped, account.rows) == (3, 0, 4, 7))
    #expect(data.asks.map(\.id) == ["2", "4", "6"])
  }

  /// An ask about several contacts (`703;701`, as HubSpot writes Associated Contact IDs) is the
  /// first contact's, as a deal's associated contacts are read.
  @Test func anAskAboutSeveralContactsIsTheFirstOnes() throws {
    let files = InputFiles(
      leads: try folder.file("leads.csv", "lead_id,created_at,source\n701,2026-10-01,Web\n703,2026-10-01,Web\n"),
      asks: try folder.file("asks.csv", "asked_at,lead_id\n2026-10-02,703;701\n2026-10-03,701\n"))
    let data = try Importer.load(files, options: ImportOptions())
    #expect(data.asks.map(\.leadID) == ["703", "701"])
  }

  /// A filter with no type column to read is an error for the file, not a silent "every row".
  @Test func anActivityFilterNeedsItsColumn() throws {
    var options = ImportOptions()
    options.askActivities = ["Referral request"]
    let files = InputFiles(
      leads: try folder.file("leads.csv", "lead_id,created_at,source\nL1,2026-10-01,Web\n"),
      asks: try folder.file("asks.csv", "asked_at,lead_id\n2026-10-02,L1\n"))
    #expect(
      throws: ImportError.missingColumn(
        file: files[.asks]!, role: .asks, field: .activityType, expected: ["activity_type"], found: ["asked_at", "lead_id"], closest: nil)
    ) {
      try Importer.load(files, options: options)
    }
  }
}
