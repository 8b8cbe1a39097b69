import Foundation
import Testing

/// The exports of `SampleData/examples/`, shaped as real ones come (a lead list with only a 0/1
/// outcome, a won-deals export, an opportunity pipeline with open stages), run unedited with the
/// README's recipes; every figure worked out by hand.
@Suite struct ExampleExportsTests {
  let examples = CLI.root.appendingPathComponent("SampleData/examples").path

  /// Runs the tool and returns the report's Markdown and JSON.
  func report(_ arguments: [String]) throws -> (markdown: String, json: String) {
    let made = try CLI.report(arguments)
    return (made.markdown, made.json)
  }

  @Test func aLeadListWithOnlyAnOutcomeColumn() throws {
    let (markdown, json) = try report(["--config", "\(examples)/leads-with-outcome/referral-report.toml"])
    // October: L02–L10 are 9 leads; Referral L02 L03 L04 and Partner L09 are 4 (4 ÷ 9 = 44.4%).
    // Converted 1 = won, 0 = lost, empty = open (L10): won L02 L04 L06 L09 = 4, lost L03 L05 L07
    // L08 = 4; win rate 4 ÷ 8 = 50%; lead conversion 4 ÷ 9 = 44.4%.
    #expect(markdown.contains("| Referral share of leads | 44.4% (too few to judge: 9 leads) | 100.0% (too few to judge: 1 lead) | -55.6 pts | 41.0% |"))
    // Referral channels won L02 L04 L09 of the 4 wins: 75%; they lost L03: 3 ÷ 4 = 75%.
    #expect(
      markdown.contains("| Referral share of won deals | 75.0% (too few to judge: 4 won deals) | 100.0% (too few to judge: 1 won deal) | -25.0 pts | 41.0% |"))
    #expect(
      markdown.contains(
        "| Win rate = won ÷ (won + lost) | 50.0% (too few to judge: 8 closed deals) | 100.0% (too few to judge: 1 closed deal) | -50.0 pts |  |"))
    // Referral: L02 won, L03 lost, L04 won → 2 of 3 leads, 2 ÷ 3 = 66.7% both ways. Web is
    // Direct: L06 won, L05 L07 L08 lost → 1 ÷ 4 = 25%. No amounts: revenue n/a; no close date:
    // no sales cycle.
    #expect(
      markdown.contains(
        "| Referral | yes | 3 (33.3%) (too few to judge: 9 leads) | 2 (50.0%) (too few to judge: 4 won deals) | 1 | 66.7% (too few to judge: 3 closed deals) | 66.7% (too few to judge: 3 leads) | n/a | n/a | n/a |"
      ))
    #expect(
      markdown.contains(
        "| Direct | no | 4 (44.4%) (too few to judge: 9 leads) | 1 (25.0%) (too few to judge: 4 won deals) | 3 | 25.0% (too few to judge: 4 closed deals) | 25.0% (too few to judge: 4 leads) | n/a | n/a | n/a |"
      ))
    #expect(markdown.contains("- The outcomes come from the leads export's stage column"))
    #expect(json.contains("\"revenue\": null"))
  }

  @Test func aSalesforceCampaignMembersReportIsTheTouchesExport() throws {
    let (markdown, json) = try report(["--config", "\(examples)/salesforce-campaign-members/referral-report.toml"])
    // 5 members read, the fifth a contact of no lead. 00Q…1 (Customer Referral, 1 Oct): Referral,
    // Webinar (Events, 5 Oct), Email (12 Oct); won $1,000 on 20 Oct, its opportunity created
    // 9 Oct (nearest the Email touch). 00Q…2 (Web): Trade Show (Events, 1 Oct), Email (20 Oct);
    // won $500 on 25 Oct. Of 2 won deals and $1,500: first touch gives the referral 1 and $1,000
    // (50%, 66.7%), last touch none; linear ⅓ of 00Q…1 ($333.33: 16.7%, 22.2%); W-shaped 30%
    // (first), Email 60% (last and nearest the opportunity), Webinar 10%: $300 (15%, 20%).
    #expect(markdown.contains("| touches | \(examples)/salesforce-campaign-members/campaign-members.csv | 5 | 5 | 0 | 0 |"))
    #expect(markdown.contains("_1 touch names no lead of the leads export and is left out._"))
    #expect(markdown.contains("| First touch | 50.0% | 66.7% |  |"))
    #expect(markdown.contains("| Last touch | 0.0% | 0.0% | -66.7 pts |"))
    #expect(markdown.contains("| Linear | 16.7% | 22.2% | -44.4 pts |"))
    #expect(markdown.contains("| W-shaped | 15.0% | 20.0% | -46.7 pts |"))
    #expect(json.contains("\"attribution_models\": {"))
  }

  @Test func aMarketoActivityExtractIsTheTouchesExportByThePreset() throws {
    let (markdown, _) = try report(["--config", "\(examples)/marketo-activities/referral-report.toml"])
    // The config names the marketo preset and maps nothing: the leads' `id`, `createdAt` and
    // `leadSource` and the activities' headers are the preset's, the type ids its aliases.
    // 1001 (Customer Referral, 1 Oct): Referral, Click Email (11 → Email, 5 Oct); won $1,000.
    // 1002 (Website → Direct): Visit Webpage (1 → Direct, 28 Sep), Fill Out Form (2 → Direct,
    // 2 Oct), Open Email (10 → Email, 15 Oct); won $500. First touch: the referral 1 of 2 and
    // $1,000 of $1,500 (50%, 66.7%); last touch: Email both; linear: half of 1001 (25%, 33.3%).
    #expect(markdown.contains("| touches | \(examples)/marketo-activities/activities.csv | 4 | 4 | 0 | 0 |"))
    #expect(markdown.contains("| First touch | 50.0% | 66.7% |  |"))
    #expect(markdown.contains("| Last touch | 0.0% | 0.0% | -66.7 pts |"))
    #expect(markdown.contains("| Linear | 25.0% | 33.3% | -33.3 pts |"))
  }

  @Test func allTheDataIsOnePeriodWithAll() throws {
    let (markdown, _) = try report(["--config", "\(examples)/leads-with-outcome/referral-report.toml", "--all"])
    // 2026-09-28 (L01) to 2026-10-20 (L10): all 10 leads, won 5 (L01 too), lost 4: 5 ÷ 9 = 55.6%.
    #expect(markdown.hasPrefix("# Referral report: 2026-09-28 to 2026-10-20"))
    #expect(markdown.contains("| Leads | 10 |"))
    #expect(markdown.contains("| Win rate = won ÷ (won + lost) | 55.6% (too few to judge: 9 closed deals) |"))
  }

  @Test func aWonDealsExportWithoutLeads() throws {
    let (markdown, json) = try report(["--config", "\(examples)/won-only/referral-report.toml"])
    // Five won deals, $5,500; Referral L1 $1,200 + L3 $500 = 2 wins (40%), $1,700 (30.9%).
    // Without leads, leads are n/a; without a stage column, lost and win rate are n/a.
    #expect(markdown.contains("| Referral share of won deals | 40.0% (too few to judge: 5 won deals) |"))
    #expect(markdown.contains("| Referral share of revenue | 30.9% (too few to judge: 5 won deals) |"))
    #expect(
      markdown.contains(
        "| Referral | yes | n/a | 2 (40.0%) (too few to judge: 5 won deals) | n/a | n/a | n/a | $1,700.00 (30.9%) (too few to judge: 5 won deals) | $850.00 | n/a |"
      ))
    // L5 has no source and no lead to take one from: an action, not a silent Unknown.
    #expect(markdown.contains("- **1** won deal of the period has no channel"))
    #expect(json.contains("\"kind\": \"give_deals_a_channel\",\n      \"count\": 1"))
    #expect(json.contains("\"leads\": null"))
    // Whatever counts leads or referrers says it cannot, instead of showing 0.
    #expect(markdown.contains("| Referral leads | n/a | n/a | — | n/a (no leads export) |"))
    #expect(json.contains("\"referral_leads\": null"))
    for key in ["referrals_per_rep", "top_referrers", "referral_chains", "ask_list", "lost_ask_list", "close_the_loop", "referrer_types"] {
      #expect(json.contains("\"\(key)\": null"), "\(key)")
    }
    for title in ["Referrals per rep", "Top referrers", "Who refers", "Referral chains", "Thank-you discipline", "Who to ask next", "Closing the loop"] {
      #expect(markdown.contains("## \(title)\n\n_No leads export was given, so this cannot be computed._"), "\(title)")
    }
  }

  @Test func anOpportunityPipelineWithOpenStages() throws {
    let (markdown, _) = try report(["--deals", "\(examples)/pipeline/opportunities.csv", "--preset", "salesforce"])
    // Engaging, Prospecting and Negotiation/Review are open: nothing rejected. The open deals'
    // expected close dates (November, December) do not move the period: October.
    #expect(markdown.hasPrefix("# Referral report: October 2026"))
    #expect(markdown.contains("| deals | \(examples)/pipeline/opportunities.csv | 7 | 7 | 0 | 0 |"))
    // Closed in October: won 006A1 Referral $5,000 (31 days from 09/01) and 006A5 Web $1,500 (19
    // days); lost 006A2 Web and 006A6 Referral. Win rate 2 ÷ 4 = 50%; median cycle (19 + 31) ÷ 2 = 25.
    #expect(
      markdown.contains(
        "| **Total** | **no** | **n/a** | **2 (100.0%)** | **2** | **50.0% (too few to judge: 4 closed deals)** | **n/a** | **$6,500.00 (100.0%)** | **$3,250.00** | **25** |"
      ))
    // Open at the end of October: Cedar $4,000 (Referral), Gale $6,000 (Partner), Delta $2,500 (Direct).
    #expect(markdown.contains("| **All referral channels** | **yes** | **2** | **$10,000.00** |"))
    #expect(markdown.contains("| **Total** | **no** | **3** | **$12,500.00** |"))
  }

  @Test func dealsWhoseChannelCannotBeKnownHaveNoReferralShare() throws {
    let folder = try CLI.temporaryFolder()
    try "lead_id,amount,closed_at\nL1,100,2026-10-20\nL2,50,2026-10-21\n".write(toFile: folder + "/won.csv", atomically: true, encoding: .utf8)
    try "[columns.deals]\nstage = false\n".write(toFile: folder + "/won.toml", atomically: true, encoding: .utf8)
    let (markdown, json) = try report(["--config", folder + "/won.toml", "--deals", folder + "/won.csv"])
    // No leads and no deal source: both wins are in no channel; a share of them would be 0%.
    #expect(markdown.contains("| Referral share of won deals | n/a |"))
    #expect(markdown.contains("| Referral share of revenue | n/a |"))
    #expect(markdown.contains("- **2** won deals of the period have no channel"))
    #expect(!markdown.contains("Nothing to act on"))
    #expect(json.contains("\"wins\": null"))
  }

  /// A lead list without any date: with `--all` it is one period of all the data; what follows
  /// time says it cannot be computed, and summary.json has it null.
  @Test func aLeadListWithoutDatesIsReportedWholeWithAll() throws {
    let (markdown, json) = try report(["--config", "\(examples)/leads-undated/referral-report.toml", "--all"])
    // Seven leads: L1 L2 Referral and L6 Partner are referral (3 ÷ 7 = 42.9%); won L1 L3 L6, lost
    // L2 L4 L5, L7 open: win rate 3 ÷ 6 = 50%, conversion 3 ÷ 7 = 42.9%, referral wins 2 ÷ 3.
    #expect(markdown.hasPrefix("# Referral report: all data (the exports hold no dates)"))
    #expect(markdown.contains("| Referral share of leads | 42.9% (too few to judge: 7 leads) | 41.0% |"))
    #expect(markdown.contains("| Referral share of won deals | 66.7% (too few to judge: 3 won deals) | 41.0% |"))
    #expect(markdown.contains("| Win rate = won ÷ (won + lost) | 50.0% (too few to judge: 6 closed deals) |  |"))
    #expect(markdown.contains("| Lead conversion = leads with a won deal ÷ leads | 42.9% (too few to judge: 7 leads) |  |"))
    #expect(markdown.contains("## Trend\n\n_The exports hold no dates, so this cannot be computed._"))
    #expect(markdown.contains("## Cohorts\n\n_The exports hold no dates, so this cannot be computed._"))
    #expect(!markdown.contains("1970"))
    for key in ["previous_period", "targets", "forecast", "cohorts", "referrals_per_rep", "ask_list", "thank_yous"] {
      #expect(json.contains("\"\(key)\": null"), "\(key)")
    }
    #expect(json.contains("\"undated\": true,\n  \"period\": {\n    \"from\": null,\n    \"to\": null"))
    // Without --out, the report is named for what it covers, not for a placeholder month.
    let folder = try CLI.temporaryFolder()
    let config = try String(contentsOfFile: "\(examples)/leads-undated/referral-report.toml", encoding: .utf8)
      .replacingOccurrences(of: "output = \"../../../Reports/examples\"", with: "output = \"\(folder)\"")
      .replacingOccurrences(of: "leads = \"leads.csv\"", with: "leads = \"\(examples)/leads-undated/leads.csv\"")
    try config.write(toFile: folder + "/undated.toml", atomically: true, encoding: .utf8)
    let run = try CLI.run(["run", "--config", folder + "/undated.toml", "--all"])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.hasPrefix("wrote \(folder)/all-data/ ("))
  }

  /// Without `--all` a lead list without dates stops, and says how to report on it; beside a
  /// dated export its leads could be put in no period, so that stops too.
  @Test func aLeadListWithoutDatesNeedsAllAndStandsAlone() throws {
    let leads = "\(examples)/leads-undated/leads.csv"
    let config = "\(examples)/leads-undated/referral-report.toml"
    let folder = try CLI.temporaryFolder()
    let withoutAll = try CLI.run(["run", "--config", config, "--out", folder + "/a"])
    #expect(withoutAll.status == 65)
    #expect(withoutAll.stderr.contains("missing column for created_at") && withoutAll.stderr.contains("reported on whole with --all"))
    let withDeals = try CLI.run(["run", "--config", config, "--leads", leads, "--deals", "\(CLI.fixtures)/deals.csv", "--all", "--out", folder + "/b"])
    #expect(withDeals.status == 65)
    #expect(
      withDeals.stderr.contains("\(leads):1: error: the leads export has no created_at column, so its leads cannot be set beside the other exports' dates"))
  }
}

extension ExampleExportsTests {
  /// Medallia Agent Connect's "Export Responses" as a CSAT feedback export (see the example's
  /// README): C1 rated 5, C2 4, C3 2, C4 never answered (its request is skipped); all four won
  /// on 2026-06-01, 152 days before 2026-10-31, so all are due an ask, most revenue first.
  @Test func aMedalliaCSATExportDecidesTheNextSteps() throws {
    let (markdown, json) = try report(["--config", "\(examples)/medallia-csat/referral-report.toml"])
    #expect(markdown.contains("| C1 | Acme Tools | Ana Souza | 2026-06-01 | $4,000.00 | 152 | promoter | ask for a referral |  |"))
    #expect(markdown.contains("| C2 | Birch Dental | Ana Souza | 2026-06-01 | $3,000.00 | 152 | passive | ask how it is going |  |"))
    #expect(markdown.contains("| C3 | Cobalt Freight | Ben Carter | 2026-06-01 | $2,000.00 | 152 | detractor | fix first |  |"))
    #expect(markdown.contains("| C4 | Delta Print | Ben Carter | 2026-06-01 | $1,000.00 | 152 | no answer | ask how it is going |  |"))
    // Four rows: three answers, REQ-1004 skipped.
    #expect(json.contains("\"role\": \"feedback\""))
    #expect(markdown.contains("medallia-csat/feedback.csv | 4 | 3 | 0 | 1 |"))
  }
}

extension ExampleExportsTests {
  /// AskNicely's responses as CSV (its Get Responses API, format csv: the fields of its API
  /// reference's example response, https://demo.asknice.ly/help/apidocs/responses; see the
  /// example's README) as an NPS feedback export, read by its own header: `responded` (Unix
  /// seconds) is the answer's day, `answer` the score, `question_type` the survey. Only
  /// `lead_id` is mapped (`email`, the leads being keyed by it). By hand, to 2026-10-31:
  /// ada 10 on 1782920530 (2026-07-01) is a promoter, bo 8 (07-03) a passive, cy 3 (07-02) a
  /// detractor with a comment; di's 5 answers a csat survey, skipped (on the NPS scale a
  /// detractor's); ed's 9 on 1772445600 (2026-03-02) is 243 days old, past 183: no answer.
  /// Ada to di won on 2026-06-01 (152 days), ed on 2026-02-01 (272): all due, most revenue
  /// first. 5 rows = 4 accepted + 0 rejected + 1 skipped.
  @Test func anAskNicelyNPSExportDecidesTheNextSteps() throws {
    let made = try CLI.report(["--config", "\(examples)/asknicely-nps/referral-report.toml"])
    let markdown = made.markdown
    #expect(markdown.contains("| ada@acme.example | Acme Tools | Ana Souza | 2026-06-01 | $4,000.00 | 152 | promoter | ask for a referral |  |"))
    #expect(markdown.contains("| bo@birch.example | Birch Dental | Ana Souza | 2026-06-01 | $3,000.00 | 152 | passive | ask how it is going |  |"))
    #expect(
      markdown.contains(
        "| cy@cobalt.example | Cobalt Freight | Ben Carter | 2026-06-01 | $2,000.00 | 152 | detractor | fix first | Invoices keep arriving late |"))
    #expect(markdown.contains("| di@delta.example | Delta Print | Ben Carter | 2026-06-01 | $1,000.00 | 152 | no answer | ask how it is going |  |"))
    #expect(markdown.contains("| ed@echo.example | Echo Bakery | Ana Souza | 2026-02-01 | $500.00 | 272 | no answer | ask how it is going |  |"))
    #expect(markdown.contains("asknicely-nps/feedback.csv | 5 | 4 | 0 | 1 |"))
    #expect(
      markdown.contains(
        "feedback.csv:5: 1 answer to another survey skipped (kind 'csat' here, the scale is nps); set \\[feedback\\] scale = \"csat\" to read those instead"))
    // The header is known under every preset: a Salesforce run reads the same answers.
    let salesforce = try CLI.report(["--config", "\(examples)/asknicely-nps/referral-report.toml", "--preset", "salesforce"])
    #expect(salesforce.markdown.contains("| cy@cobalt.example | Cobalt Freight | Ben Carter | 2026-06-01 | $2,000.00 | 152 | detractor | fix first |"))
    #expect(salesforce.markdown.contains("asknicely-nps/feedback.csv | 5 | 4 | 0 | 1 |"))
  }

  /// AskNicely's export names no customer as the CRM does (`contact_id` is its own id): without
  /// a `lead_id` mapping the run stops on the feedback file, listing the columns it has.
  @Test func anAskNicelyExportNeedsItsLeadIDMapped() throws {
    let folder = try CLI.temporaryFolder()
    let example = "\(examples)/asknicely-nps"
    try "[inputs]\nleads = \"\(example)/leads.csv\"\ndeals = \"\(example)/deals.csv\"\nfeedback = \"\(example)/feedback.csv\"\n"
      .write(toFile: folder + "/unmapped.toml", atomically: true, encoding: .utf8)
    let run = try CLI.run(["check", "--config", folder + "/unmapped.toml"])
    #expect(run.status == 65)
    #expect(
      run.stderr.contains(
        "\(example)/feedback.csv:1: error: missing column for lead_id (looked for 'lead_id'); found 'response_id', 'person_id', 'contact_id', 'name', 'email', "
      ))
  }
}
