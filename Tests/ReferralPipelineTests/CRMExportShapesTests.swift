import Foundation
import Testing

/// The shapes real users download (issue 35), in `SampleData/examples/<shape>/`, each run
/// unedited with its README's recipe; every figure worked out by hand.
@Suite struct CRMExportShapesTests {
  let examples = CLI.root.appendingPathComponent("SampleData/examples").path

  /// HubSpot: the team's `Lead Source` wins when filled in, else Original Source.
  @Test func hubspotReadsTheTeamsLeadSourceBeforeOriginalSource() throws {
    let (markdown, _, _) = try CLI.report(["--config", "\(examples)/hubspot-lead-source/referral-report.toml"])
    // 601 and 602 "Offline sources" with Lead Source Customer Referral: Referral, 2 of 5 = 40%.
    #expect(markdown.contains("| Referral | yes | 2 (40.0%) (too few to judge: 5 leads) | n/a |"))
    // 605: Lead Source "Trade show" wins over its Original Source "Paid search".
    #expect(markdown.contains("| Events | no | 1 (20.0%) (too few to judge: 5 leads) | n/a |"))
    #expect(!markdown.contains("| Paid Search |"))
    // 603 has no Lead Source: its Original Source, Organic search. 604: Offline, as HubSpot says.
    #expect(markdown.contains("| Organic Search | no | 1 (20.0%) (too few to judge: 5 leads) | n/a |"))
    #expect(markdown.contains("| Offline | no | 1 (20.0%) (too few to judge: 5 leads) | n/a |"))
  }

  /// Pipedrive: a Leads export's `Lead - Source channel` is the source.
  @Test func pipedriveLeadsAreReadByTheirSourceChannel() throws {
    let (markdown, _, _) = try CLI.report(["--config", "\(examples)/pipedrive-leads/referral-report.toml"])
    // Two Referral of 4 leads = 50%, one Paid search = 25%, one empty channel = Unknown 25%.
    #expect(markdown.contains("| Referral | yes | 2 (50.0%) (too few to judge: 4 leads) | n/a |"))
    #expect(markdown.contains("| Paid Search | no | 1 (25.0%) (too few to judge: 4 leads) | n/a |"))
    #expect(markdown.contains("| Unknown | no | 1 (25.0%) (too few to judge: 4 leads) | n/a |"))
  }

  /// Salesforce in French: the Leads report's French labels are read.
  @Test func aFrenchSalesforceLeadsReportIsRead() throws {
    let (markdown, json, _) = try CLI.report(["--config", "\(examples)/salesforce-fr/referral-report.toml", "--all"])
    // "Recommandation client" (00Q…A1, A3), routed by the config: 2 of 4 = 50%; "Web" is Direct;
    // A4 has no Origine de la piste: Unknown.
    #expect(markdown.contains("| Referral | yes | 2 (50.0%) (too few to judge: 4 leads) | n/a |"))
    #expect(markdown.contains("| Direct | no | 1 (25.0%) (too few to judge: 4 leads) | n/a |"))
    #expect(markdown.contains("| Unknown | no | 1 (25.0%) (too few to judge: 4 leads) | n/a |"))
    // Propriétaire de la piste is read as the owner.
    #expect(json.contains("\"Claire Petit\""))
  }

  /// Salesforce in German: Leads and Opportunities reports under German labels, `;`-separated,
  /// with `dd.mm.yyyy` dates.
  @Test func aGermanSalesforceOrgsReportsAreRead() throws {
    let (markdown, _, _) = try CLI.report(["--config", "\(examples)/salesforce-de/referral-report.toml"])
    // Kundenempfehlung (00Q1, 00Q3): 2 of 4 leads = 50%. 00Q1's Opportunity-ID 006A won on
    // 20.10.2026: 1 of 2 referral leads converted (50%), 1 → 20 Oct = 19 days. Web (Direct): 00Q2's
    // 006B lost, 0 of 1 converted. Messe (Events): 00Q4's 006C open. No amounts: revenue n/a.
    #expect(
      markdown.contains(
        "| Referral | yes | 2 (50.0%) (too few to judge: 4 leads) | 1 (100.0%) (too few to judge: 1 won deal) | 0 "
          + "| 100.0% (too few to judge: 1 closed deal) | 50.0% (too few to judge: 2 leads) | n/a | n/a | 19 |"))
    #expect(
      markdown.contains(
        "| Direct | no | 1 (25.0%) (too few to judge: 4 leads) | 0 (0.0%) (too few to judge: 1 won deal) | 1 "
          + "| 0.0% (too few to judge: 1 closed deal) | 0.0% (too few to judge: 1 lead) |"))
    #expect(
      markdown.contains(
        "| Events | no | 1 (25.0%) (too few to judge: 4 leads) | 0 (0.0%) (too few to judge: 1 won deal) | 0 | n/a "
          + "| 0.0% (too few to judge: 1 lead) |"))
  }

  /// Salesforce's `Won` and `Closed` settle an org's own stage names; amounts end in a space.
  @Test func salesforcesWonAndClosedColumnsSettleCustomStages() throws {
    let (markdown, _, _) = try CLI.report(["--config", "\(examples)/salesforce-stages/referral-report.toml"])
    // 006B Signed (won, closed) Customer Referral "$65,000.00 ": 14 → 20 Oct = 6 days. 006D
    // Signed, Web (Direct) "$1,250.50 ", 16 → 28 Oct = 12 days; 006C Dead (closed, not won) lost.
    // Revenue $66,250.50; the referral share 65,000 ÷ 66,250.50 = 98.1%.
    #expect(
      markdown.contains(
        "| Referral | yes | n/a | 1 (50.0%) (too few to judge: 2 won deals) | 0 | 100.0% (too few to judge: 1 closed deal) | n/a "
          + "| $65,000.00 (98.1%) (too few to judge: 2 won deals) | $65,000.00 | 6 |"))
    #expect(
      markdown.contains(
        "| Direct | no | n/a | 1 (50.0%) (too few to judge: 2 won deals) | 1 | 50.0% (too few to judge: 2 closed deals) | n/a "
          + "| $1,250.50 (1.9%) (too few to judge: 2 won deals) | $1,250.50 | 12 |"))
    // Open (not closed) on 31 Oct: 006E Commit (Partner, created 17 Oct: 14 days), 006A Funnel
    // (Web, 13 Oct: 18 days), 006F Order Expected within 90 Days (Referral, 18 Oct: 13 days).
    #expect(markdown.contains("| Partner Referral | yes | 1 | $20,000.00 | 14 |"))
    #expect(markdown.contains("| Direct | no | 1 | $8,000.00 | 18 |"))
    #expect(markdown.contains("| Referral | yes | 1 | $5,000.00 | 13 |"))
  }

  /// Without `Won` and `Closed`, every unknown stage is named in one `[stages]` line.
  @Test func unknownStagesAreNamedAllAtOnceWithTheirRows() throws {
    let folder = try CLI.temporaryFolder()
    let report = try String(contentsOfFile: "\(examples)/salesforce-stages/opportunities.csv", encoding: .utf8)
    let withoutFlags = report.split(separator: "\n", omittingEmptySubsequences: false).map { line in
      let cells = line.split(separator: ",", omittingEmptySubsequences: false)
      guard cells.count > 5 else { return String(line) }
      // The report's cells hold no comma but the amounts' (which come after Won and Closed).
      return (cells[..<3] + cells[5...]).joined(separator: ",")
    }.joined(separator: "\n")
    try withoutFlags.write(toFile: folder + "/opportunities.csv", atomically: true, encoding: .utf8)
    let result = try CLI.run([
      "run", "--config", "\(examples)/salesforce-stages/referral-report.toml", "--deals", folder + "/opportunities.csv", "--out", folder + "/r",
    ])
    // Signed ×2 (006B, 006D), Dead, Funnel and Order Expected within 90 Days: 5 of 6 rejected
    // (Commit is a common open stage), most rows first, then by name.
    #expect(result.status == 2)
    #expect(
      result.stderr.contains(
        "most often unknown stage (5 rows): add them to won, lost or open under [stages], e.g. [stages] open = [\"Signed\", \"Dead\", \"Funnel\", "
          + "\"Order Expected within 90 Days\"] (rows: Signed 2, Dead 1, Funnel 1, Order Expected within 90 Days 1); see rejects.csv"))
  }

  /// A multi-currency org's `Amount (converted)` is read with its own currency column.
  @Test func salesforcesConvertedAmountIsReadInItsCurrency() throws {
    let (markdown, _, _) = try CLI.report(["--config", "\(examples)/salesforce-converted/referral-report.toml"])
    // 006P €1,000.00 × 1.08 = $1,080.00 (13 → 20 Oct: 7 days); 006Q €2,000.00 × 1.08 = $2,160.00
    // (Web: Direct, 14 → 22 Oct: 8 days); 006R lost. Referral share 1,080 ÷ 3,240 = 33.3%.
    #expect(
      markdown.contains(
        "| Referral | yes | n/a | 1 (50.0%) (too few to judge: 2 won deals) | 0 | 100.0% (too few to judge: 1 closed deal) | n/a "
          + "| $1,080.00 (33.3%) (too few to judge: 2 won deals) | $1,080.00 | 7 |"))
    #expect(
      markdown.contains(
        "| Direct | no | n/a | 1 (50.0%) (too few to judge: 2 won deals) | 1 | 50.0% (too few to judge: 2 closed deals) | n/a "
          + "| $2,160.00 (66.7%) (too few to judge: 2 won deals) | $2,160.00 | 8 |"))
  }

  /// A workbook is read from its first sheet whose header the preset reads.
  @Test func aWorkbooksCoverAndNotesSheetsArePassedOver() throws {
    let (markdown, json, _) = try CLI.report(["--config", "\(examples)/salesforce-xlsx-cover/referral-report.toml"])
    // 006X Customer Referral won $1,000, 15 → 20 Oct: 5 days; 006Y Web lost; 006Z open.
    #expect(
      markdown.contains(
        "| Referral | yes | n/a | 1 (100.0%) (too few to judge: 1 won deal) | 0 | 100.0% (too few to judge: 1 closed deal) | n/a "
          + "| $1,000.00 (100.0%) (too few to judge: 1 won deal) | $1,000.00 | 5 |"))
    #expect(json.contains("\"file\": \"\(examples)/salesforce-xlsx-cover/opportunities.xlsx[Opportunities]\""))
  }

  /// No sheet with a header the input's layout reads: one line naming the sheets and the fix.
  @Test func aWorkbookWithoutAReadableSheetNamesThemAll() throws {
    let path = "\(examples)/salesforce-xlsx-cover/opportunities.xlsx"
    // Read as leads, the Opportunities sheet has no Lead ID: no sheet is a leads export.
    let result = try CLI.run(["run", "--preset", "salesforce", "--leads", path, "--out", try CLI.temporaryFolder() + "/r"])
    #expect(result.status == 65)
    #expect(
      result.stderr.split(separator: "\n").last.map(String.init)
        == "referral-report: \(path): error: has no sheet whose first row holds a header the preset reads (it has 'Cover', 'Notes', 'Opportunities'); "
        + "name the export's sheet in the config, [formats.leads] sheet = \"<one of them>\", and map its headers under [columns.leads]")
  }

  /// Salesforce in Spanish: an Opportunities report under Spanish labels, `;`-separated, with
  /// `dd/mm/yyyy` dates and `12.500,00` amounts, saved in Windows-1252 and read without a setting.
  @Test func aSpanishSalesforceOpportunitiesReportIsRead() throws {
    let (markdown, _, _) = try CLI.report(["--config", "\(examples)/salesforce-es/referral-report.toml"])
    // 006E1 Recomendación de cliente (Referral) won €12,500.00, 5 → 20 Oct = 15 days; 006E2 Web
    // (Direct) won €2,500.00, 6 → 26 Oct = 20 days; 006E3 Web lost. Revenue €15,000.00: the
    // referral share 12,500 ÷ 15,000 = 83.3%, Direct's 2,500 ÷ 15,000 = 16.7%.
    #expect(
      markdown.contains(
        "| Referral | yes | n/a | 1 (50.0%) (too few to judge: 2 won deals) | 0 | 100.0% (too few to judge: 1 closed deal) | n/a "
          + "| €12,500.00 (83.3%) (too few to judge: 2 won deals) | €12,500.00 | 15 |"))
    #expect(
      markdown.contains(
        "| Direct | no | n/a | 1 (50.0%) (too few to judge: 2 won deals) | 1 | 50.0% (too few to judge: 2 closed deals) | n/a "
          + "| €2,500.00 (16.7%) (too few to judge: 2 won deals) | €2,500.00 | 20 |"))
    // 006E4 (a referral, Negociación) open at €4,000.00 since 16 Oct: 15 days on 31 Oct.
    #expect(markdown.contains("| Referral | yes | 1 | €4,000.00 | 15 |"))
    let check = try CLI.run(["check", "--config", "\(examples)/salesforce-es/referral-report.toml"])
    #expect(check.stdout.contains("opportunities.csv:1: warning: read as Windows-1252"))
    // `Nombre de la oportunidad` is no lookalike of `Origen de la oportunidad`.
    #expect(!check.stdout.contains("notice:"))
  }

  /// A Salesforce Tasks export under the Task's field labels: the tasks whose subject names a
  /// referral request are the asks, the others skipped.
  @Test func salesforceTasksAreTheReferralRequestsBySubject() throws {
    let (markdown, json, _) = try CLI.report(["--config", "\(examples)/salesforce-tasks/referral-report.toml"])
    // 00T7A1 "Referral request: Orbit Labs" and 00T7A3 "Referral Request" are asks; the call and
    // the e-mail are skipped: 4 rows = 2 accepted + 0 rejected + 2 skipped.
    #expect(markdown.contains("| asks | \(examples)/salesforce-tasks/tasks.csv | 4 | 2 | 0 | 2 |"))
    #expect(json.contains("\"asks\": 2"))
  }

  /// A report exported with its title lines, a total row and Salesforce's footer is read
  /// unedited, and `check` says what was skipped.
  @Test func aReportsTitleTotalsAndFooterAreSkippedAndSaid() throws {
    let config = "\(examples)/salesforce-report-chrome/referral-report.toml"
    let (markdown, _, _) = try CLI.report(["--config", config])
    // 006K1 Customer Referral won $3,000.00 (13 → 20 Oct: 7 days); 006K2 Web won $1,000.00;
    // 006K3 lost. The referral share 3,000 ÷ 4,000 = 75.0%.
    #expect(
      markdown.contains(
        "| Referral | yes | n/a | 1 (50.0%) (too few to judge: 2 won deals) | 0 | 100.0% (too few to judge: 1 closed deal) | n/a "
          + "| $3,000.00 (75.0%) (too few to judge: 2 won deals) | $3,000.00 | 7 |"))
    let check = try CLI.run(["check", "--config", config])
    let file = "\(examples)/salesforce-report-chrome/opportunities.csv"
    // 9 rows: 2 title lines, 3 opportunities, the Total row and 3 footer lines (blank lines are
    // no rows): 3 accepted + 0 rejected + 6 skipped.
    #expect(check.stdout.contains("deals \(file): 9 rows, 3 accepted, 0 rejected (0.0%), 6 skipped"))
    #expect(check.stdout.contains("\(file):4: warning: 2 lines above the header skipped as the report's title, the first 'Acme Corp'"))
    #expect(check.stdout.contains("\(file):8: warning: 4 rows skipped as the report's totals, footer or empty rows, the first 'Total $4,000.00'"))
  }

  /// A formatted report workbook: a notes sheet is passed over, the report sheet's title rows
  /// above its header and its subtotal and total rows are skipped, and a real row named like a
  /// total (`Total Fitness Ltd`, with its id) is read.
  @Test func aFormattedWorkbooksTitleAndTotalRowsAreSkipped() throws {
    let config = "\(examples)/salesforce-xlsx-totals/referral-report.toml"
    let (markdown, _, _) = try CLI.report(["--config", config])
    // 006T1 Customer Referral won $2,500.00 (14 → 20 Oct: 6 days); 006T2 Web won $1,500.00 (15 → 22
    // Oct: 7 days); 006T3 lost. The referral share 2,500 ÷ 4,000 = 62.5%, Direct's 37.5%.
    #expect(
      markdown.contains(
        "| Referral | yes | n/a | 1 (50.0%) (too few to judge: 2 won deals) | 0 | 100.0% (too few to judge: 1 closed deal) | n/a "
          + "| $2,500.00 (62.5%) (too few to judge: 2 won deals) | $2,500.00 | 6 |"))
    #expect(
      markdown.contains(
        "| Direct | no | n/a | 1 (50.0%) (too few to judge: 2 won deals) | 1 | 50.0% (too few to judge: 2 closed deals) | n/a "
          + "| $1,500.00 (37.5%) (too few to judge: 2 won deals) | $1,500.00 | 7 |"))
    let check = try CLI.run(["check", "--config", config])
    let file = "\(examples)/salesforce-xlsx-totals/opportunities.xlsx[Report]"
    // 8 sheet rows (the blank row is none): 2 title rows, 3 opportunities, 2 subtotals, 1 total.
    #expect(check.stdout.contains("deals \(file): 8 rows, 3 accepted, 0 rejected (0.0%), 5 skipped"))
    #expect(check.stdout.contains("\(file):7: warning: 3 rows skipped as the report's totals, footer or empty rows, the first 'Subtotal 4000'"))
  }

  /// A HubSpot notes export as the referral requests: the notes whose text names one are the
  /// asks, the others skipped; a note about two contacts is the first contact's ask.
  @Test func hubspotNotesAreTheReferralRequestsByTheirText() throws {
    let (markdown, json, _) = try CLI.report(["--config", "\(examples)/hubspot-notes/referral-report.toml"])
    // 9001 (701) and 9003 ("REFERRAL REQUEST", 703;701: contact 703) are asks; the call and the
    // meeting notes are skipped: 4 rows = 2 accepted + 0 rejected + 2 skipped.
    #expect(markdown.contains("| asks | \(examples)/hubspot-notes/notes.csv | 4 | 2 | 0 | 2 |"))
    #expect(json.contains("\"asks\": 2"))
  }
}
