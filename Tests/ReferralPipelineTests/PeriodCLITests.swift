import Foundation
import ReferralPipeline
import Testing

/// The period chosen from where the data really ends, its coverage said, and a period outside
/// the data refused, as a user meets them on the command line.
@Suite struct PeriodCLITests {
  /// A folder with a leads export of 150 leads, one a day over October 2026 (lines 2 to 151),
  /// plus `more` lines, and a deals export of `deals` lines; the arguments that name both.
  static func exports(moreLeads more: String = "", deals: String = "") throws -> (folder: String, arguments: [String]) {
    let folder = try CLI.temporaryFolder()
    var leads = "lead_id,created_at,source\n"
    for index in 0..<150 { leads += "L\(index),2026-10-\(String(format: "%02d", index % 31 + 1)),Web\n" }
    try (leads + more).write(toFile: folder + "/leads.csv", atomically: true, encoding: .utf8)
    try ("deal_id,lead_id,stage,amount,created_at,closed_at,source\n" + deals).write(toFile: folder + "/deals.csv", atomically: true, encoding: .utf8)
    return (folder, ["--leads", folder + "/leads.csv", "--deals", folder + "/deals.csv"])
  }

  /// A Closed Lost deal typed as 2030-11-28 beside October 2026's data (1 of 152 rows, 1,489
  /// days on) is a warning naming its file and line, and the report is October's.
  @Test func aStrayRowIsListedByCheckAndIsNotThePeriod() throws {
    let (folder, arguments) = try Self.exports(deals: "D1,L1,Closed Won,100,2026-10-02,2026-10-20,Web\nD2,L2,Closed Lost,50,2026-10-03,2030-11-28,Web\n")
    let check = try CLI.run(["check"] + arguments)
    #expect(check.status == 0, "\(check.stderr)")
    #expect(check.stdout.hasPrefix("period 2026-10-01 to 2026-10-31\ndata from 2026-10-01 to 2026-10-31: 31 of 31 days of the period\n"))
    #expect(check.stdout.contains("\(folder)/deals.csv:3: warning: deal 'D2' is dated 2030-11-28, 1489 days past the rest of the data"))
    let run = try CLI.run(["run"] + arguments + ["--out", folder + "/r"])
    #expect(run.status == 0, "\(run.stderr)")
    let markdown = try String(contentsOfFile: folder + "/r/report.md", encoding: .utf8)
    #expect(markdown.hasPrefix("# Referral report: October 2026\n"))
    #expect(
      markdown.contains(
        "**1 row dated far past the rest of the data (which ends on 2026-10-31) did not choose the period; data quality lists it with its file and line.**"))
    let json = try String(contentsOfFile: folder + "/r/summary.json", encoding: .utf8)
    #expect(json.contains("\"partial\": false,\n    \"last_complete_month\": \"2026-10\",\n    \"late_rows\": 1\n"))
  }

  /// A deals export's open deals expect to close in December and next March: those dates have
  /// not happened, so the report is October's, whole, with no late row.
  @Test func openDealsExpectedCloseDatesDoNotChooseThePeriod() throws {
    let (_, arguments) = try Self.exports(
      deals: "D1,L1,Closed Won,100,2026-10-02,2026-10-20,Web\nD2,L2,Negotiation,500,2026-10-05,2026-12-15,Web\nD3,L3,Prospecting,900,,2027-03-31,Web\n")
    let check = try CLI.run(["check"] + arguments)
    #expect(check.status == 0, "\(check.stderr)")
    #expect(check.stdout.hasPrefix("period 2026-10-01 to 2026-10-31\ndata from 2026-10-01 to 2026-10-31: 31 of 31 days of the period\nleads "))
    #expect(!check.stdout.contains("warning"))
  }

  /// An export made on 1 November with one lead of that day: November, said loudly to hold
  /// 1 of its 30 days, in the title, the opening, summary.json and check.
  @Test func aOneDayPeriodSaysHowLittleItCovers() throws {
    let (folder, arguments) = try Self.exports(moreLeads: "N1,2026-11-01,Web\n")
    let run = try CLI.run(["run"] + arguments + ["--out", folder + "/r"])
    #expect(run.status == 0, "\(run.stderr)")
    let markdown = try String(contentsOfFile: folder + "/r/report.md", encoding: .utf8)
    let notice =
      "Data runs to 2026-11-01: 1 of 30 days of this period, so its figures are to date and their changes compare them with all of "
      + "October 2026; the last complete month is October 2026 (--month 2026-10)."
    #expect(markdown.hasPrefix("# Referral report: November 2026 (data for 1 of 30 days)\n"))
    #expect(markdown.contains("\n**\(notice)**\n"))
    let html = try String(contentsOfFile: folder + "/r/report.html", encoding: .utf8)
    #expect(html.contains("<p><strong>\(notice)</strong></p>"))
    let json = try String(contentsOfFile: folder + "/r/summary.json", encoding: .utf8)
    #expect(
      json.contains(
        "\"coverage\": {\n    \"data_from\": \"2026-10-01\",\n    \"data_to\": \"2026-11-01\",\n    \"period_days\": 30,\n    \"days_covered\": 1,\n"
          + "    \"partial\": true,\n    \"last_complete_month\": \"2026-10\",\n    \"late_rows\": 0\n  }"))
    let check = try CLI.run(["check"] + arguments)
    #expect(check.stdout.contains("period 2026-11-01 to 2026-11-30\ndata from 2026-10-01 to 2026-11-01: 1 of 30 days of the period\n  note: \(notice)\n"))
    let checkJSON = try CLI.run(["check", "--json"] + arguments)
    #expect(checkJSON.stdout.contains("\"days_covered\": 1,\n    \"partial\": true,"))
  }

  /// A period wholly before or after the data (2026-10-01 to 2026-10-31) stops with exit 65 and
  /// one line naming the data's span and both fixes; one that overlaps it is reported, its
  /// coverage said; `--allow-empty-period` reports on an empty one on purpose.
  @Test(arguments: [
    (["--month", "2025-01"], "the period 2025-01-01 to 2025-01-31 is before the data"),
    (["--month", "2027-01"], "the period 2027-01-01 to 2027-01-31 is after the data"),
    (["--from", "2026-11-01", "--to", "2026-11-15"], "the period 2026-11-01 to 2026-11-15 is after the data"),
  ])
  func aPeriodOutsideTheDataIsAnError(period: [String], message: String) throws {
    let (folder, arguments) = try Self.exports()
    for command in ["check", "run"] {
      let result = try CLI.run([command] + arguments + period)
      #expect(result.status == ExitStatus.dataError.rawValue)
      #expect(
        result.stderr
          == CLI.configNote + "referral-report: \(folder)/leads.csv: error: \(message), which runs from 2026-10-01 to 2026-10-31; "
          + "choose a period within it (e.g. --month 2026-10), or pass --allow-empty-period to report on it anyway\n")
    }
    let allowed = try CLI.run(["check"] + arguments + period + ["--allow-empty-period"])
    #expect(allowed.status == 0, "\(allowed.stderr)")
    #expect(allowed.stdout.contains("holds no day of this period, which was asked for with --allow-empty-period"))
  }

  @Test func aPeriodOverlappingTheDataIsReportedWithItsCoverage() throws {
    let (_, arguments) = try Self.exports()
    // 2026-09-20 to 2026-10-05 is 16 days, of which 2026-10-01 to 2026-10-05 hold data: 5.
    let result = try CLI.run(["check"] + arguments + ["--from", "2026-09-20", "--to", "2026-10-05"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(
      result.stdout.contains(
        "data from 2026-10-01 to 2026-10-31: 5 of 16 days of the period\n  note: Data starts on 2026-10-01: 5 of 16 days of this period.\n"))
  }

  @Test func theFlagIsInTheHelp() throws {
    let help = try CLI.run(["run", "--help"])
    #expect(help.stdout.contains("--allow-empty-period"))
  }
}
