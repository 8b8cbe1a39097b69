import Foundation
import ReferralAttribution
import ReferralCore
import ReferralImport
import ReferralPipeline
import TestSupport
import Testing

/// The same company exported by each CRM gives the same report as its generic export.
@Suite struct PresetTests {
  /// summary.json without what names files (and the account, compared separately).
  func figures(_ arguments: [String]) throws -> (figures: [String: String], inputs: [[Int]]) {
    let out = try CLI.temporaryFolder() + "/r"
    let result = try CLI.run(["run", "--config", "referral-report.toml", "--out", out] + arguments)
    #expect(result.status == 0, "\(result.stderr)")
    let data = try #require(FileManager.default.contents(atPath: out + "/summary.json"))
    let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    var figures: [String: String] = [:]
    for (key, value) in json where key != "inputs" && key != "data_quality" {
      figures[key] = String(decoding: try JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .fragmentsAllowed]), as: UTF8.self)
    }
    let inputs = (json["inputs"] as? [[String: Any]] ?? []).map { [$0["accepted"] as! Int, $0["rejected"] as! Int] }
    return (figures, inputs)
  }

  @Test(arguments: [Preset.salesforce, .hubspot, .pipedrive])
  func aCRMsExportGivesTheGenericFigures(preset: Preset) throws {
    let generic = try figures([])
    let crm = try figures([
      "--preset", preset.rawValue, "--leads", "SampleData/\(preset.rawValue)/leads.csv", "--deals", "SampleData/\(preset.rawValue)/deals.csv",
      "--spend", "SampleData/spend.csv", "--payouts", "SampleData/payouts.csv", "--asks", "SampleData/asks.csv",
      "--feedback", "SampleData/feedback.csv",
      "--touches", "SampleData/touches.csv",
      "--referrals-given", "SampleData/referrals-given.csv",
    ])
    #expect(crm.inputs == generic.inputs)
    for key in generic.figures.keys.sorted() {
      #expect(crm.figures[key] == generic.figures[key], "\(key) differs")
    }
  }

  @Test func salesforceFootersAreSkippedAndCounted() throws {
    let out = try CLI.temporaryFolder() + "/r"
    _ = try CLI.run([
      "run", "--config", "referral-report.toml", "--preset", "salesforce", "--leads", "SampleData/salesforce/leads.csv", "--deals",
      "SampleData/salesforce/deals.csv", "--out", out,
    ])
    let data = try #require(FileManager.default.contents(atPath: out + "/summary.json"))
    let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let inputs = try #require(json["inputs"] as? [[String: Any]])
    #expect(inputs[0]["skipped"] as? Int == 3)
    #expect(inputs[1]["skipped"] as? Int == 3)
  }

  /// A preset and the config's own mappings combine by one rule, however the preset is
  /// chosen: the preset first, the config's `[columns]`, `[stages]` and `[channels]` on top.
  /// Five HubSpot contacts, all "Offline sources" (HubSpot's value for hand-entered ones), two
  /// of them "Customer Referral" in the custom `Lead Source` column the config maps: 2 ÷ 5 =
  /// 0.4 of leads are referrals either way (with the mapping lost, as `--preset` once did, 0).
  @Test(arguments: [
    ("[inputs]\npreset = \"hubspot\"\n[columns.leads]\nsource = \"Lead Source\"\n", [String]()),
    ("[columns.leads]\nsource = \"Lead Source\"\n", ["--preset", "hubspot"]),
  ])
  func aPresetOnTheCommandLineKeepsTheConfigsMappings(config: String, preset: [String]) throws {
    let folder = try CLI.temporaryFolder()
    try config.write(toFile: "\(folder)/c.toml", atomically: true, encoding: .utf8)
    let contacts = """
      Record ID,Create Date,Original Traffic Source,Lead Source,Contact owner
      501,2026-10-01 09:00,Offline sources,Customer Referral,Kim Lee
      502,2026-10-02 10:00,Offline sources,Trade Show,Kim Lee
      503,2026-10-03 10:00,Offline sources,Customer Referral,Sam Roy
      504,2026-10-04 10:00,Offline sources,Cold Call,Sam Roy
      505,2026-10-05 10:00,Offline sources,,Sam Roy

      """
    try contacts.write(toFile: "\(folder)/contacts.csv", atomically: true, encoding: .utf8)
    let report = try CLI.report(["--config", "\(folder)/c.toml"] + preset + ["--leads", "\(folder)/contacts.csv"])
    let json = try #require(try JSONSerialization.jsonObject(with: Data(report.json.utf8)) as? [String: Any])
    let share = try #require(json["referral_share"] as? [String: Any])
    #expect(share["leads"] as? Double == 0.4)
  }

  /// The same rule for stages and channels: a config alias routes HubSpot's "Referrals" (web
  /// traffic, to the preset) to a customer referral channel, and a config stage re-maps one
  /// of the preset's, whichever way the preset came; applying another preset after it keeps them.
  @Test func theConfigsStagesAndChannelsStayOnTopOfAnyPreset() throws {
    let text = "[channels.\"Partner Referral\"]\nreferral = true\naliases = [\"Referrals\"]\n[stages]\nopen = [\"closedwon\"]\n"
    var fromCommandLine = try ConfigLoader.parse(text, file: "c.toml")
    fromCommandLine.apply(.hubspot)
    let inConfig = try ConfigLoader.parse("[inputs]\npreset = \"hubspot\"\n" + text, file: "c.toml")
    for config in [fromCommandLine, inConfig] {
      #expect(config.attribution.catalogue.channel(for: "REFERRALS") == Catalogue.Channel(name: "Partner Referral", referral: true))
      #expect(config.attribution.catalogue.channel(for: "AI_REFERRALS")?.name == "AI Assistants")
      #expect(config.importOptions.stages.outcome(ofText: "closedwon") == .open)
      #expect(config.importOptions.stages.outcome(ofText: "closedlost") == .lost)
    }
    #expect(fromCommandLine.attribution.catalogue == inConfig.attribution.catalogue)
    #expect(fromCommandLine.importOptions.columns == inConfig.importOptions.columns)
    var switched = inConfig
    switched.apply(.salesforce)
    #expect(switched.attribution.catalogue.channel(for: "AI_REFERRALS") == nil)
    #expect(switched.attribution.catalogue.channel(for: "REFERRALS") == Catalogue.Channel(name: "Partner Referral", referral: true))
  }

  @Test func hubspotsReferralsAreWebTrafficNotCustomerReferrals() {
    var config = Configuration()
    config.apply(.hubspot)
    #expect(config.attribution.catalogue.channel(for: "Referrals") == Catalogue.Channel(name: "Web Referral", referral: false))
    #expect(config.attribution.catalogue.channel(for: "Customer Referral")?.referral == true)
    var generic = Configuration()
    generic.apply(.generic)
    #expect(generic.attribution.catalogue.channel(for: "Referrals")?.referral == true)
  }

  /// HubSpot documents nine Original Source values (and AI referrals since); each, as label and
  /// as internal value, lands in a channel of its own, none of them a customer referral.
  @Test func everyHubSpotOriginalSourceIsMapped() {
    var config = Configuration()
    config.apply(.hubspot)
    let catalogue = config.attribution.catalogue
    let expected = [
      ("Organic search", "ORGANIC_SEARCH", "Organic Search"), ("Paid search", "PAID_SEARCH", "Paid Search"),
      ("Email marketing", "EMAIL_MARKETING", "Email"), ("Organic social", "SOCIAL_MEDIA", "Social"),
      ("Referrals", "REFERRALS", "Web Referral"), ("Other campaigns", "OTHER_CAMPAIGNS", "Other Campaigns"),
      ("Direct traffic", "DIRECT_TRAFFIC", "Direct"), ("Offline sources", "OFFLINE", "Offline"),
      ("Paid social", "PAID_SOCIAL", "Paid Social"), ("AI referrals", "AI_REFERRALS", "AI Assistants"),
    ]
    for (label, value, channel) in expected {
      #expect(catalogue.channel(for: label) == Catalogue.Channel(name: channel, referral: false), "\(label)")
      #expect(catalogue.channel(for: value) == Catalogue.Channel(name: channel, referral: false), "\(value)")
    }
  }

  /// `Fixtures/marketo/`: a Bulk Activity Extract and a Bulk Lead Extract made to Adobe's
  /// documented shape (its README cites the pages), read by `--preset marketo` with no mapping.
  /// The seven activities, by `activityTypeId`: 1001's 11 Click Email (5 Oct) → Email; 1002's
  /// 1 Visit Webpage (28 Sep) and 2 Fill Out Form (2 Oct) → Direct, 104 Change Status in
  /// Progression (10 Oct) → a channel "104" of its own (the program's channel is not in the
  /// extract), 10 Open Email (15 Oct) → Email; 1003's 3 Click Link (6 Oct) → Direct and an Open
  /// Email on 2026-10-32, rejected: 7 rows, 6 accepted, 1 rejected, 0 skipped. The leads' `id`
  /// is the lead: 1001 Customer Referral (1 Oct), 1002 Website (Direct), 1003 `null`, an empty source (Unknown).
  /// Paths: 1001 Referral (its creation), Email, won $1,000; 1002 Direct, Direct, 104, Email,
  /// won $500; 1003 Direct, no win. Linear: Referral ½ of 1001 (0.50 wins, $500), Email ½ + ¼
  /// (0.75, $500 + $125 = $625), Direct 2 × ¼ of 1002 (0.50, $250), 104 ¼ (0.25, $125); the
  /// referral share 0.5 ÷ 2 = 25% of wins, $500 ÷ $1,500 = 33.3% of revenue. First touch:
  /// Referral 1 and $1,000 (50%, 66.7%); last touch: Email both (0%). U-shaped: 1001's two
  /// touches ½ each, 1002's first (Direct) and last (Email) 0.4, the two between 0.1: Direct
  /// 0.4 + 0.1 = 0.50, 104 0.10, Email $500 + 0.4 × $500 = $700.
  @Test func aMarketoBulkActivityExtractIsReadByThePreset() throws {
    let folder = try CLI.temporaryFolder()
    try "[report]\ncurrency = \"USD\"\n".write(toFile: folder + "/c.toml", atomically: true, encoding: .utf8)
    let fixtures = CLI.fixtures + "/marketo"
    let (markdown, _, _) = try CLI.report([
      "--config", folder + "/c.toml", "--preset", "marketo", "--leads", fixtures + "/leads.csv", "--deals", fixtures + "/deals.csv",
      "--touches", fixtures + "/activities.csv", "--month", "2026-10", "--max-reject-rate", "0.5",
    ])
    #expect(markdown.contains("| leads | \(fixtures)/leads.csv | 3 | 3 | 0 | 0 |"))
    #expect(markdown.contains("| touches | \(fixtures)/activities.csv | 7 | 6 | 1 | 0 |"))
    #expect(markdown.contains("- \(fixtures)/activities.csv: unparseable or impossible touched_at: **1**"))
    for line in ["- Direct: 1, 2, 3, Website", "- Email: 10, 11", "- Referral: Customer Referral", "- Unknown: (empty)", "- 104: 104"] {
      #expect(markdown.contains(line + "\n"), "\(line)")
    }
    #expect(markdown.contains("**1** source value matches no channel: 104 (add aliases under [channels] in the config"))
    #expect(markdown.contains("| Referral | yes | 1.00 | 0.00 | 0.50 | 0.50 |"))
    #expect(markdown.contains("| Direct | no | 1.00 | 0.00 | 0.50 | 0.50 |"))
    #expect(markdown.contains("| 104 | no | 0.00 | 0.00 | 0.25 | 0.10 |"))
    #expect(markdown.contains("| Email | no | $0.00 | $1,500.00 | $625.00 | $700.00 |"))
    #expect(markdown.contains("| First touch | 50.0% | 66.7% |  |"))
    #expect(markdown.contains("| Last touch | 0.0% | 0.0% | -66.7 pts |"))
    #expect(markdown.contains("| Linear | 25.0% | 33.3% | -33.3 pts |"))
  }

  /// The type ids the preset routes, and those it leaves alone: 9 Unsubscribe Email is no
  /// touch, 104's channel is a program setting the extract does not hold, 6 Send Email is the
  /// system's doing.
  @Test func marketosActivityTypesAreChannelsOnlyWhereTheTypeSaysWhich() {
    var config = Configuration()
    config.apply(.marketo)
    let catalogue = config.attribution.catalogue
    for id in ["1", "2", "3"] { #expect(catalogue.channel(for: id) == Catalogue.Channel(name: "Direct", referral: false), "\(id)") }
    for id in ["10", "11"] { #expect(catalogue.channel(for: id) == Catalogue.Channel(name: "Email", referral: false), "\(id)") }
    for id in ["6", "9", "104"] { #expect(catalogue.channel(for: id) == nil, "\(id)") }
    var generic = Configuration()
    generic.apply(.generic)
    #expect(generic.attribution.catalogue.channel(for: "11") == nil)
  }

  @Test func presetStagesAreKnown() throws {
    var config = Configuration()
    config.apply(.hubspot)
    let folder = try CLI.temporaryFolder()
    try "Record ID,Create Date,Original Source\nC1,2026-10-01,Offline Sources\n".write(toFile: folder + "/l.csv", atomically: true, encoding: .utf8)
    try "Record ID,Associated Contact IDs,Deal Stage,Amount,Close Date\nD1,C1;C2,closedwon,10,2026-10-05\nD2,C1,contractsent,10,\n"
      .write(toFile: folder + "/d.csv", atomically: true, encoding: .utf8)
    let data = try Importer.load(InputFiles(leads: folder + "/l.csv", deals: folder + "/d.csv"), options: config.importOptions)
    #expect(data.deals.map(\.outcome) == [.won, .open])
    #expect(data.deals.map(\.leadID) == ["C1", "C1"])
  }

  @Test func aConfiguredColumnTheFileLacksIsAnErrorListingTheColumns() throws {
    var names = ColumnNames()
    names.override(.createdAt, role: .leads, header: "Signup Date")
    let folder = try CLI.temporaryFolder()
    try "lead_id,created_at\nL1,2026-10-01\n".write(toFile: folder + "/l.csv", atomically: true, encoding: .utf8)
    try "deal_id,closed_at\nD1,2026-10-01\n".write(toFile: folder + "/d.csv", atomically: true, encoding: .utf8)
    #expect(
      throws: ImportError.missingColumn(
        file: folder + "/l.csv", role: .leads, field: .createdAt, expected: ["Signup Date"], found: ["lead_id", "created_at"], closest: nil)
    ) {
      try Importer.load(InputFiles(leads: folder + "/l.csv", deals: folder + "/d.csv"), options: ImportOptions(columns: names))
    }
  }

  /// Each CRM's e-mail column, as its contacts or leads export names it: B (referred on
  /// 2026-10-20, Northwind Traders, bob@Northwind.example) is known before by the domain of A
  /// (2026-03-13, Northwind Holdings, ann@northwind.example), another name of one company.
  @Test(arguments: [
    (
      Preset.hubspot,
      "Record ID,First Name,Email,Create Date,Original Source,Lead Source,Company Name\n"
        + "A,Ann,ann@northwind.example,2026-03-13 09:00,Organic search,,Northwind Holdings\n"
        + "B,Bob,bob@Northwind.example,2026-10-20 10:00,Offline sources,Customer Referral,Northwind Traders\n"
    ),
    (
      .salesforce,
      "Lead ID\tCreated Date\tLead Source\tCompany / Account\tEmail\nA\t3/13/2026\tWeb\tNorthwind Holdings\tann@northwind.example\n"
        + "B\t10/20/2026\tCustomer Referral\tNorthwind Traders\tbob@Northwind.example\n"
    ),
    (
      .salesforceAPI,
      "Id,CreatedDate,LeadSource,Company,Email\nA,2026-03-13T09:00:00.000+0000,Web,Northwind Holdings,ann@northwind.example\n"
        + "B,2026-10-20T10:00:00.000+0000,Customer Referral,Northwind Traders,bob@Northwind.example\n"
    ),
    (
      .pipedrive,
      "Person - ID;Person - Name;Person - Email;Person - Person created;Person - Source;Person - Organization\n"
        + "A;Ann;ann@northwind.example;13.03.2026;Web;Northwind Holdings\nB;Bob;bob@Northwind.example;20.10.2026;Referral;Northwind Traders\n"
    ),
  ])
  func eachPresetReadsTheEmailColumn(preset: Preset, leads: String) throws {
    let folder = try CLI.temporaryFolder()
    try leads.write(toFile: folder + "/leads.csv", atomically: true, encoding: .utf8)
    let (markdown, json, _) = try CLI.report(["--preset", preset.rawValue, "--leads", folder + "/leads.csv"])
    #expect(markdown.contains("| known_before | lead | A | 2026-03-13 | e-mail domain northwind.example |"))
    #expect(json.contains("\"compares_email_domains\": true"))
  }
}
