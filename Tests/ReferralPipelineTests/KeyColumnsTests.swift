import Foundation
import Testing

/// Key columns (a deals export's stage, close date, amount and channel; a leads export's source)
/// are found, mapped or declared absent, never assumed absent; and the shapes that make figures
/// mean less than they seem are said first. Exports shaped as the CRMs write them; every figure
/// worked out by hand.
@Suite struct KeyColumnsTests {
  /// A HubSpot contacts export: five October contacts, Eve the one customer referral.
  static let contacts = """
    Record ID,First Name,Create Date,Original Source,Contact owner,Company Name
    101,Ann,2026-10-01 09:00,Organic search,Kim Lee,Acme
    102,Bob,2026-10-02 10:00,Paid search,Kim Lee,Beta
    103,Cid,2026-10-03 11:00,Organic search,Sam Roy,Cedar
    104,Dee,2026-10-04 12:00,Direct traffic,Sam Roy,Delta
    105,Eve,2026-10-05 13:00,Customer Referral,Kim Lee,Elm

    """

  /// A HubSpot deals export whose stage column is named `Deal Stage Name` (a renamed or custom
  /// property), not `Deal Stage`: 2 won, 2 lost, 1 open (expected to close in November).
  static let deals = """
    Record ID,Deal Name,Associated Contact IDs,Deal Stage Name,Amount,Create Date,Close Date,Deal owner
    901,Acme,101,closedwon,1000,2026-10-02 09:00,2026-10-12 09:00,Kim Lee
    902,Beta,102,closedlost,500,2026-10-03 09:00,2026-10-14 09:00,Kim Lee
    903,Cedar,103,closedlost,700,2026-10-04 09:00,2026-10-20 09:00,Sam Roy
    904,Delta,104,contractsent,800,2026-10-05 09:00,2026-11-30 09:00,Sam Roy
    905,Elm,105,closedwon,300,2026-10-06 09:00,2026-10-25 09:00,Kim Lee

    """

  /// The same deals under HubSpot's own stage header.
  static let namedDeals = deals.replacingOccurrences(of: "Deal Stage Name", with: "Deal Stage")

  /// A folder with the two exports and a HubSpot config ending in `extra` lines.
  func exports(_ extra: String = "", contacts: String = Self.contacts, deals: String = Self.deals) throws -> (folder: String, config: String) {
    let folder = try CLI.temporaryFolder()
    try contacts.write(toFile: folder + "/contacts.csv", atomically: true, encoding: .utf8)
    try deals.write(toFile: folder + "/deals.csv", atomically: true, encoding: .utf8)
    let config = "[inputs]\npreset = \"hubspot\"\nleads = \"contacts.csv\"\ndeals = \"deals.csv\"\n" + extra
    try config.write(toFile: folder + "/referral-report.toml", atomically: true, encoding: .utf8)
    return (folder, folder + "/referral-report.toml")
  }

  @Test func aRenamedStageColumnStopsRunAndCheckNamingItAndBothFixes() throws {
    let (folder, config) = try exports()
    for command in ["run", "check"] {
      let result = try CLI.run([command, "--config", config, "--month", "2026-10"] + (command == "run" ? ["--out", folder + "/r"] : []))
      #expect(result.status == 65, "\(command)")
      let lines = result.stderr.split(separator: "\n").filter { $0.contains("error:") }
      #expect(lines.count == 1)
      #expect(
        lines.first
          == """
          referral-report: \(folder)/deals.csv:1: error: no column for stage (looked for 'Deal Stage' or 'stage'); found 'Record ID', \
          'Deal Name', 'Associated Contact IDs', 'Deal Stage Name', 'Amount', 'Create Date', 'Close Date', 'Deal owner'; \
          the closest header is 'Deal Stage Name': if it holds the stage, map it: [columns.deals] stage = "Deal Stage Name"; \
          if the export has none (a won-deals export: every row is a won deal, and win rates are n/a), declare it: [columns.deals] stage = false
          """)
    }
    #expect(!FileManager.default.fileExists(atPath: folder + "/r"))
  }

  @Test func withTheMappingLineTheStagesAreRead() throws {
    let (_, config) = try exports("[columns.deals]\nstage = \"Deal Stage Name\"\n")
    let (markdown, json, _) = try CLI.report(["--config", config, "--month", "2026-10"])
    // Won 901 ($1,000) and 905 ($300): 2, $1,300; lost 902 and 903: 2; 904 open. Win rate
    // 2 ÷ (2 + 2) = 50%. Eve's 905 is the one referral win: 1 ÷ 2 = 50%, $300 ÷ $1,300 = 23.1%.
    #expect(markdown.contains("| Won deals | 2 |"))
    #expect(markdown.contains("| Revenue | $1,300.00 |"))
    #expect(markdown.contains("| Win rate = won ÷ (won + lost) | 50.0% (too few to judge: 4 closed deals) |"))
    #expect(markdown.contains("| Referral share of won deals | 50.0% (too few to judge: 2 won deals) |"))
    #expect(markdown.contains("| Referral share of revenue | 23.1% (too few to judge: 2 won deals) |"))
    // Leads: 5, Eve the one referral: 20%. Nothing odd about the shape: no notices.
    #expect(markdown.contains("| Referral share of leads | 20.0% (too few to judge: 5 leads) |"))
    #expect(!markdown.contains("## Check the exports"))
    #expect(json.contains("\"notices\": [],"))
  }

  @Test func withTheDeclaredAbsentLineItIsAWonDealsReport() throws {
    let (_, config) = try exports("[columns.deals]\nstage = false\n")
    let (markdown, json, _) = try CLI.report(["--config", config, "--month", "2026-10"])
    // Every row is a won deal: 901, 902, 903 and 905 closed in October (904 closes on
    // 2026-11-30): 4 wins, $1,000 + $500 + $700 + $300 = $2,500; lost and win rate n/a.
    #expect(markdown.contains("| Won deals | 4 |"))
    #expect(markdown.contains("| Revenue | $2,500.00 |"))
    #expect(markdown.contains("Win rate is n/a: the deals export has no stage column, so it holds won deals only."))
    #expect(json.contains("\"win_rate\": null"))
  }

  @Test func aMissingLeadsSourceStopsWithTheClosestHeader() throws {
    let folder = try CLI.temporaryFolder()
    try "lead_id,created_at,Lead Source,owner\nL1,2026-10-01,Referral,Ana\nL2,2026-10-02,Web,Ana\n"
      .write(toFile: folder + "/leads.csv", atomically: true, encoding: .utf8)
    let result = try CLI.run(["check", "--leads", folder + "/leads.csv"])
    #expect(result.status == 65)
    #expect(
      result.stderr.contains(
        "\(folder)/leads.csv:1: error: no column for source (looked for 'source'); found 'lead_id', 'created_at', 'Lead Source', 'owner'; "
          + "the closest header is 'Lead Source': if it holds the source, map it: [columns.leads] source = \"Lead Source\"; "
          + "if the export has none (every lead is in the Unknown channel), declare it: [columns.leads] source = false"))
    // Declared absent, every lead is Unknown: 2 of 2 (100%), said first.
    try "[columns.leads]\nsource = false\n".write(toFile: folder + "/rr.toml", atomically: true, encoding: .utf8)
    let check = try CLI.run(["check", "--config", folder + "/rr.toml", "--leads", folder + "/leads.csv"])
    #expect(check.status == 0, "\(check.stderr)")
    #expect(check.stdout.contains("  \(folder)/leads.csv: notice: 2 of the period's 2 leads (100%) have no known source (Unknown)"))
    #expect(check.stdout.contains("  ignored columns in \(folder)/leads.csv: 'Lead Source'"))
  }

  /// A header that names the source with the record type before it (`Lead - Source channel`,
  /// as Pipedrive writes them) is offered when the preset reads none: here the generic one.
  @Test func aPrefixedSourceHeaderIsOffered() throws {
    let folder = try CLI.temporaryFolder()
    try "Lead - ID;Lead - Title;created_at;Lead - Source channel;Lead - Owner\n7;Kovo;2026-10-01;Referral;Eva\n"
      .write(toFile: folder + "/leads.csv", atomically: true, encoding: .utf8)
    try "[columns.leads]\nlead_id = \"Lead - ID\"\n".write(toFile: folder + "/rr.toml", atomically: true, encoding: .utf8)
    let result = try CLI.run(["check", "--config", folder + "/rr.toml", "--leads", folder + "/leads.csv"])
    #expect(result.status == 65)
    #expect(
      result.stderr.contains(
        "the closest header is 'Lead - Source channel': if it holds the source, map it: [columns.leads] source = \"Lead - Source channel\""))
  }

  /// HubSpot files every hand-made contact under `Offline Sources`; the team's real source is a
  /// custom property (here `Contact Source`: the preset reads one named `Lead Source` itself),
  /// and three contacts name their referrer. (`Original Source Drill-Down 1` details the source
  /// read, so it is no lookalike.)
  static let offlineContacts = """
    Record ID,First Name,Create Date,Original Source,Original Source Drill-Down 1,Contact Source,Referred by (Record ID),Contact owner
    201,Ana,2026-10-01 09:00,Offline Sources,CRM_UI,Customer Referral,101,Kim Lee
    202,Ben,2026-10-02 09:00,Offline Sources,CRM_UI,Customer Referral,102,Kim Lee
    203,Cal,2026-10-03 09:00,Offline Sources,CRM_UI,Trade Show,,Sam Roy
    204,Dot,2026-10-04 09:00,Offline Sources,CRM_UI,Customer Referral,101,Sam Roy

    """

  @Test func anOpaqueSourceBesideTheRealOneIsSaidFirst() throws {
    let (folder, config) = try exports(contacts: Self.offlineContacts, deals: Self.namedDeals)
    let (markdown, json, stderr) = try CLI.report(["--config", config, "--month", "2026-10"])
    let file = "\(folder)/contacts.csv"
    #expect(stderr.contains("referral-report: \(file): notice: column 'Contact Source' looks like the leads' source but is not read"))
    // The four leads are all Offline Sources (100%); Ana, Ben and Dot name a referrer, and no lead
    // is in a referral channel.
    #expect(
      markdown.contains(
        "- \(file): column 'Contact Source' looks like the leads' source but is not read ('Original Source' is read as the leads' source); "
          + "if it holds the leads' source, map it. Fix: \\[columns.leads\\] source = \"Contact Source\""))
    #expect(markdown.contains("- \(file): 4 of the period's 4 leads (100%) have the source 'Offline Sources', which says how a lead was entered"))
    #expect(
      markdown.contains("- \(file): 3 of the period's 4 leads name a referrer, but no lead is in a referral channel, so the referral share of leads reads 0%."))
    #expect(markdown.contains("| Referral share of leads | 0.0% |"))
    // First screen: after the title, before the Actions.
    let notices = try #require(markdown.range(of: "## Check the exports before trusting these figures"))
    let actions = try #require(markdown.range(of: "## Actions"))
    #expect(notices.lowerBound < actions.lowerBound)
    #expect(json.contains("\"kind\": \"lookalike_column\",\n      \"file\": \"\(file)\""))
    #expect(json.contains("\"fix\": \"[columns.leads] source = \\\"Contact Source\\\"\""))
    #expect(json.contains("\"kind\": \"hidden_sources\""))
    #expect(json.contains("\"kind\": \"referrers_without_referral_channel\""))
    // check says the same, and lists the columns it did not read.
    let check = try CLI.run(["check", "--config", config, "--month", "2026-10"])
    #expect(check.status == 0, "\(check.stderr)")
    // (First Name is read: the contact's person.)
    #expect(check.stdout.contains("  ignored columns in \(file): 'Original Source Drill-Down 1', 'Contact Source'\n"))
    #expect(!check.stdout.contains("notice: column 'Original Source Drill-Down 1'"))
    #expect(check.stdout.contains("  \(file): notice: column 'Contact Source' looks like the leads' source but is not read"))
    #expect(check.stdout.contains("; fix: [columns.leads] source = \"Contact Source\"\n"))
    // The line pasted: Ana, Ben and Dot are Customer Referral, 3 of 4 leads (75%), and nothing is
    // left to notice (Original Source is unread now, by choice).
    let mapped = try exports("[columns.leads]\nsource = \"Contact Source\"\n", contacts: Self.offlineContacts, deals: Self.namedDeals)
    let (fixed, fixedJSON, _) = try CLI.report(["--config", mapped.config, "--month", "2026-10"])
    #expect(fixed.contains("| Referral share of leads | 75.0% |"))
    #expect(!fixed.contains("## Check the exports"))
    #expect(fixedJSON.contains("\"notices\": [],"))
  }

  @Test func referrersNamedWithNoReferralChannel() throws {
    let folder = try CLI.temporaryFolder()
    try "lead_id,created_at,source,referrer_id\nL1,2026-10-01,Web,\nL2,2026-10-02,Friend tip,R1\nL3,2026-10-03,Friend tip,R2\nL4,2026-10-04,Web,\n"
      .write(toFile: folder + "/leads.csv", atomically: true, encoding: .utf8)
    let check = try CLI.run(["check", "--leads", folder + "/leads.csv"])
    #expect(check.status == 0, "\(check.stderr)")
    // L2 and L3 name a referrer; their source Friend tip is no referral channel: 0 of 4.
    #expect(
      check.stdout.contains(
        "  \(folder)/leads.csv: notice: 2 of the period's 4 leads name a referrer, but no lead is in a referral channel, so the referral share "
          + "of leads reads 0%: their most common source, 'Friend tip', is in no referral channel; "
          + "fix: [channels.Referral] referral = true, aliases = [\"Friend tip\"]\n"))
    // With the alias, 2 of 4 leads are referrals and nothing is noticed.
    try "[channels.Referral]\nreferral = true\naliases = [\"Friend tip\"]\n".write(toFile: folder + "/rr.toml", atomically: true, encoding: .utf8)
    let (markdown, _, _) = try CLI.report(["--config", folder + "/rr.toml", "--leads", folder + "/leads.csv"])
    #expect(markdown.contains("| Referral share of leads | 50.0% |"))
    #expect(!markdown.contains("## Check the exports"))
  }

  /// Pipedrive's `Deal - Stage` is the pipeline step beside the outcome (`Deal - Status`): listed
  /// as ignored, never offered as the stage.
  @Test func aPresetsKnownOtherColumnIsNoLookalike() throws {
    let folder = try CLI.temporaryFolder()
    try
      "Deal - ID;Person - ID;Deal - Stage;Deal - Status;Deal - Value;Deal - Won time;Deal - Lost time;Deal - Source channel\n7;101;Proposal made;won;1.234,50;16.10.2026;;Referral\n"
      .write(toFile: folder + "/deals.csv", atomically: true, encoding: .utf8)
    let check = try CLI.run(["check", "--preset", "pipedrive", "--deals", folder + "/deals.csv"])
    #expect(check.status == 0, "\(check.stderr)")
    #expect(check.stdout.contains("  ignored columns in \(folder)/deals.csv: 'Deal - Stage'\n"))
    #expect(!check.stdout.contains("notice"))
  }

  @Test func checkListsEveryIgnoredColumn() throws {
    let examples = CLI.root.appendingPathComponent("SampleData/examples/pipedrive").path
    let check = try CLI.run(["check", "--config", examples + "/referral-report.toml"])
    #expect(check.status == 0, "\(check.stderr)")
    // Every column of people.csv is read (Person - Name is the person's name).
    #expect(!check.stdout.contains("ignored columns in \(examples)/people.csv"))
    #expect(check.stdout.contains("  ignored columns in \(examples)/deals.csv: 'Deal - Title', 'Deal - Organization', 'Deal - Contact person'\n"))
    #expect(check.stdout.contains("  ignored columns in \(examples)/activities.csv: 'Activity - Type', 'Activity - Done'\n"))
  }
}
