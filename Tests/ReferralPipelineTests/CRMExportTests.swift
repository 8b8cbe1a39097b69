import Foundation
import Testing

/// The CRM exports of `SampleData/examples/<crm>/`, shaped as each CRM writes them (headers,
/// delimiters, number and date formats, footers), run unedited with the README's recipes; every
/// figure worked out by hand.
@Suite struct CRMExportTests {
  let examples = CLI.root.appendingPathComponent("SampleData/examples").path

  func report(_ arguments: [String], status: Int32 = 0) throws -> (markdown: String, json: String, stderr: String) {
    try CLI.report(arguments, status: status)
  }

  @Test func pipedrivesDealsWithWonAndLostTimesApartAndTheirOwnCurrency() throws {
    let (markdown, _, _) = try report(["--config", "\(examples)/pipedrive/referral-report.toml"])
    // Deal 7 won on its Won time, deal 8 lost on its Lost time (a lost deal has no Won time), deal
    // 10 open. Referral won 7 (€1,234.50, EUR) and 9 (2.000,00 CZK × 0.04 = €80): €1,314.50,
    // average €657.25; cycles from the people's creation: 1 → 16 Oct = 15 and 8 → 29 Oct = 21
    // days, median 18.
    #expect(
      markdown.contains(
        "| Referral | yes | 2 (50.0%) (too few to judge: 4 leads) | 2 (100.0%) (too few to judge: 2 won deals) | 0 | 100.0% (too few to judge: 2 closed deals) | 100.0% (too few to judge: 2 leads) | €1,314.50 (100.0%) (too few to judge: 2 won deals) | €657.25 | 18 |"
      ))
    // Person 102's source "Web" is Direct: its deal 8 lost; "Cold call" is Outbound, its deal open.
    #expect(
      markdown.contains(
        "| Direct | no | 1 (25.0%) (too few to judge: 4 leads) | 0 (0.0%) (too few to judge: 2 won deals) | 1 | 0.0% (too few to judge: 1 closed deal) | 0.0% (too few to judge: 1 lead) | €0.00 (0.0%) (too few to judge: 2 won deals) | n/a | n/a |"
      ))
    #expect(markdown.contains("| Outbound | no | 1 | €500.00 |"))
  }

  /// Pipedrive's Activities export: the referral requests are the activities whose subject
  /// holds "Referral request" (31 and 33); the check-in and the demo are skipped.
  @Test func pipedrivesActivitiesAreTheReferralRequestsBySubject() throws {
    let (markdown, json, _) = try report(["--config", "\(examples)/pipedrive/referral-report.toml"])
    #expect(markdown.contains("| asks | \(examples)/pipedrive/activities.csv | 4 | 2 | 0 | 2 |"))
    // Customers (people with a won deal): 101 and 103, both asked in the year: 2 ÷ 2.
    #expect(markdown.contains("| Customers asked in the 12 months to 2026-10-31 = asked ÷ customers | 100.0% (2 of 2) | 100.0% |"))
    #expect(markdown.contains("| Eva Novak | 1 | 1 | 0 (0.0%) |"))
    #expect(json.contains("\"asks\": 2"))
  }

  /// The currency column is read: a EUR deal is never counted as dollars. With the project's
  /// config (USD, EUR = 1.08 and no CZK rate) the CZK deal is rejected, and the error says which
  /// rate to add.
  @Test func pipedriveAmountsInAnotherCurrencyNeedTheirRate() throws {
    let (markdown, _, stderr) = try report(
      ["--preset", "pipedrive", "--leads", "\(examples)/pipedrive/people.csv", "--deals", "\(examples)/pipedrive/deals.csv"], status: 2)
    #expect(stderr.contains("deals.csv: error: 25.0% of rows rejected (1 of 4)"))
    #expect(
      stderr.contains(
        "most often no exchange rate for currency 'CZK' (1 row): add its rate to the reporting currency under [rates], e.g. [rates] CZK = <rate>"))
    // Deal 7: €1,234.50 × 1.08 = $1,333.26 (not $1,234.50).
    #expect(
      markdown.contains(
        "| Referral | yes | 2 (50.0%) (too few to judge: 4 leads) | 1 (100.0%) (too few to judge: 1 won deal) | 0 | 100.0% (too few to judge: 1 closed deal) | 50.0% (too few to judge: 2 leads) | $1,333.26 (100.0%) (too few to judge: 1 won deal) | $1,333.26 | 15 |"
      ))
  }

  @Test func salesforceAPIExtractsLinkByTheLeadsConvertedOpportunity() throws {
    let (markdown, json, _) = try report(["--config", "\(examples)/salesforce-api/referral-report.toml"])
    // 00Q1 (Customer Referral) became 006X, won $1,000 on 20 Oct: cycle 1 → 20 Oct = 19 days.
    // 00Q3 (Web) became 006Y, lost; 006Z is open (Prospecting). Lead conversion: 1 of 3 leads.
    #expect(
      markdown.contains(
        "| Referral | yes | 1 (33.3%) (too few to judge: 3 leads) | 1 (100.0%) (too few to judge: 1 won deal) | 0 | 100.0% (too few to judge: 1 closed deal) | 100.0% (too few to judge: 1 lead) | $1,000.00 (100.0%) (too few to judge: 1 won deal) | $1,000.00 | 19 |"
      ))
    #expect(
      markdown.contains(
        "| **Total** | **no** | **3 (100.0%)** | **1 (100.0%)** | **1** | **50.0% (too few to judge: 2 closed deals)** | **33.3% (too few to judge: 3 leads)** |"
      ))
    #expect(markdown.contains("| **Total** | **no** | **1** | **$800.00** |"))
    #expect(json.contains("\"lead_conversion\": 0.3333"))
    // Task 00T1 (subject "Referral request", about 00Q1, owner 005A) is the one ask: 00Q1 is the
    // one customer, so 1 of 1 asked.
    #expect(markdown.contains("| Customers asked in the 12 months to 2026-10-31 = asked ÷ customers | 100.0% (1 of 1) | 100.0% |"))
    #expect(markdown.contains("| 005A | 1 | 1 | 0 (0.0%) |"))
  }

  @Test func salesforceReportsThatDoNotLinkHaveNoLeadConversion() throws {
    let (markdown, json, _) = try report(["--config", "\(examples)/salesforce-opportunities/referral-report.toml"])
    // Contact IDs 003… name no Lead ID 00Q…: conversion n/a, not 0%, and the report says why.
    // Deals keep their own Lead Source: 006X Customer Referral won $1,000, 15 → 20 Oct = 5 days.
    #expect(
      markdown.contains(
        "| Referral | yes | 1 (33.3%) (too few to judge: 3 leads) | 1 (100.0%) (too few to judge: 1 won deal) | 0 | 100.0% (too few to judge: 1 closed deal) | n/a | $1,000.00 (100.0%) (too few to judge: 1 won deal) | $1,000.00 | 5 |"
      ))
    #expect(markdown.contains("- No deal names a lead of the leads export and no lead names its deal, so lead conversion is not known"))
    #expect(json.contains("\"lead_conversion\": null"))
    #expect(!json.contains("\"lead_conversion\": 0"))
  }

  @Test func hubspotsOriginalTrafficSourceAndItsNineValues() throws {
    let (markdown, json, _) = try report(["--config", "\(examples)/hubspot/referral-report.toml"])
    // 505 Customer Referral won 903 ($2,000 of $3,500 = 57.1%), 6 → 26 Oct from its contact's
    // 5 Oct creation: 21 days. "Offline sources" (501, 903's second contact is ignored) won 901;
    // "Referrals" is web traffic (504 won 902), not a customer referral.
    #expect(
      markdown.contains(
        "| Referral | yes | 1 (20.0%) (too few to judge: 5 leads) | 1 (33.3%) (too few to judge: 3 won deals) | 0 | 100.0% (too few to judge: 1 closed deal) | 100.0% (too few to judge: 1 lead) | $2,000.00 (57.1%) (too few to judge: 3 won deals) | $2,000.00 | 21 |"
      ))
    #expect(
      markdown.contains(
        "| Offline | no | 1 (20.0%) (too few to judge: 5 leads) | 1 (33.3%) (too few to judge: 3 won deals) | 0 | 100.0% (too few to judge: 1 closed deal) | 100.0% (too few to judge: 1 lead) | $1,200.00 (34.3%) (too few to judge: 3 won deals) | $1,200.00 | 11 |"
      ))
    #expect(
      markdown.contains(
        "| Web Referral | no | 1 (20.0%) (too few to judge: 5 leads) | 1 (33.3%) (too few to judge: 3 won deals) | 0 | 100.0% (too few to judge: 1 closed deal) | 100.0% (too few to judge: 1 lead) | $300.00 (8.6%) (too few to judge: 3 won deals) | $300.00 | 11 |"
      ))
    #expect(
      markdown.contains(
        "| Other Campaigns | no | 1 (20.0%) (too few to judge: 5 leads) | 0 (0.0%) (too few to judge: 3 won deals) | 1 | 0.0% (too few to judge: 1 closed deal) | 0.0% (too few to judge: 1 lead) |"
      ))
    // Every value is one HubSpot documents: nothing unmapped to act on.
    #expect(!json.contains("\"kind\": \"map_sources\""))
  }

  /// HubSpot's default export is a workbook: the same contacts and deals as the CSV example
  /// (written by openpyxl, dates as date cells), the same figures.
  @Test func hubspotsWorkbookExportGivesTheFiguresOfItsCSV() throws {
    let (markdown, _, _) = try report(["--config", "\(examples)/hubspot-xlsx/referral-report.toml"])
    let (csv, _, _) = try report(["--config", "\(examples)/hubspot/referral-report.toml"])
    let channels = { (text: String) in text.components(separatedBy: "## Channels")[1].components(separatedBy: "## ")[0] }
    #expect(channels(markdown) == channels(csv))
    #expect(
      markdown.contains(
        "| Referral | yes | 1 (20.0%) (too few to judge: 5 leads) | 1 (33.3%) (too few to judge: 3 won deals) | 0 | 100.0% (too few to judge: 1 closed deal) | 100.0% (too few to judge: 1 lead) | $2,000.00 (57.1%) (too few to judge: 3 won deals) | $2,000.00 | 21 |"
      ))
  }

  @Test func salesforcesFormattedReportWorkbookSkipsItsTitleAndFooter() throws {
    let (markdown, json, _) = try report(["--config", "\(examples)/salesforce-xlsx/referral-report.toml"])
    // 12 sheet rows, 3 empty: 2 title rows and 3 footer lines skipped, 3 deals accepted (the
    // header is no row). 006X Customer Referral won $1,000, created 15 Oct, closed 20 Oct: 5 days.
    #expect(markdown.contains("| deals | \(examples)/salesforce-xlsx/opportunities.xlsx\\[Opportunities\\] | 8 | 3 | 0 | 5 |"))
    #expect(
      markdown.contains(
        "| Referral | yes | n/a | 1 (100.0%) (too few to judge: 1 won deal) | 0 | 100.0% (too few to judge: 1 closed deal) | n/a | $1,000.00 (100.0%) (too few to judge: 1 won deal) | $1,000.00 | 5 |"
      ))
    #expect(json.contains("\"file\": \"\(examples)/salesforce-xlsx/opportunities.xlsx[Opportunities]\""))
  }

  /// A workbook's rejects name the sheet, and their line is the sheet's row.
  @Test func aWorkbooksRejectNamesItsSheetAndRow() throws {
    let fixtures = CLI.root.appendingPathComponent("Tests/ReferralPipelineTests/Fixtures").path
    let folder = try CLI.temporaryFolder() + "/r"
    let result = try CLI.run(["run", "--leads", "\(fixtures)/leads-bad-row.xlsx", "--out", folder, "--max-reject-rate", "0.5"])
    #expect(result.status == 0, "\(result.stderr)")
    let rejects = try String(contentsOfFile: folder + "/rejects.csv", encoding: .utf8)
    #expect(rejects.contains("\(fixtures)/leads-bad-row.xlsx[Leads],4,unparseable or impossible created_at 'someday',L3,someday,Web\r\n"))
  }

  @Test func anOldBinaryWorkbookStopsWithOneLine() throws {
    let fixtures = CLI.root.appendingPathComponent("Tests/ReferralPipelineTests/Fixtures").path
    let result = try CLI.run(["run", "--leads", "\(fixtures)/leads-old.xls", "--out", try CLI.temporaryFolder() + "/r"])
    #expect(result.status == 65)
    #expect(
      result.stderr.split(separator: "\n").last
        == "referral-report: \(fixtures)/leads-old.xls: error: is an old Excel workbook (.xls), which referral-report does not read; save it as CSV or as an Excel workbook (.xlsx)"[
          ...])
  }
}
