import Foundation
import ReferralPipeline
import Testing

/// The top-level `--help`, which is also the man page's description: what a user outside this
/// repository has to go on.
@Suite struct HelpTests {
  /// The help as one line: swift-argument-parser wraps and indents it to the terminal's width.
  func help() throws -> String {
    let result = try CLI.run(["--help"])
    #expect(result.status == 0, "\(result.stderr)")
    return result.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }

  /// Every file and folder a run writes is named, taken from a real report folder (so a new
  /// output cannot go unmentioned), with the task lists and the nightly job's `latest` link.
  @Test func namesEveryOutput() throws {
    let text = try help()
    let out = try CLI.temporaryFolder() + "/r"
    let run = try CLI.run(["run", "--quiet", "--leads", "\(CLI.fixtures)/leads.csv", "--deals", "\(CLI.fixtures)/deals.csv", "--out", out])
    #expect(run.status == 0, "\(run.stderr)")
    let entries = try FileManager.default.contentsOfDirectory(atPath: out)
    #expect(entries.contains(".referral-report") && entries.contains("tasks") && entries.count >= 7)
    for entry in entries {
      var isFolder: ObjCBool = false
      _ = FileManager.default.fileExists(atPath: "\(out)/\(entry)", isDirectory: &isFolder)
      let name = isFolder.boolValue ? "\(entry)/" : entry
      #expect(text.contains(name), "--help does not name \(name)")
    }
    for task in try FileManager.default.contentsOfDirectory(atPath: out + "/tasks") {
      #expect(text.contains(task), "--help does not name tasks/\(task)")
    }
    #expect(text.contains("<output>/latest"))
  }

  /// Every exit code with its meaning, from the enum itself: a code added to ``ExitStatus`` is
  /// in the help, and so in the man page's EXIT STATUS section (scripts/finish-manual.sh moves
  /// this paragraph there; `make manual-lint` checks the page).
  @Test func listsEveryExitCode() throws {
    let text = try help()
    #expect(text.contains("EXIT STATUS. 0: success"))
    for status in ExitStatus.allCases {
      #expect(text.contains("\(status.rawValue): \(status.meaning)."), "--help does not list exit code \(status.rawValue)")
    }
  }

  /// Every section the man page needs is in the help, and every key of the config file.
  @Test func hasTheManPagesSections() throws {
    let text = try help()
    for heading in ["OUTPUTS.", "INPUTS.", "CONFIGURATION.", "FILES.", "EXIT STATUS.", "EXAMPLES."] {
      #expect(text.contains(heading), "no \(heading)")
    }
    let keys = [
      "[inputs] leads, deals, spend, payouts, asks", "preset: generic", "currency: USD", "locale: none", "attribution: lead",
      "max_reject_rate: 0.01 (0 to 1)", "output: Reports", "gross_margin: 1.0 (0 to 1)", "fiscal_year_start: 1 (month, 1 to 12)",
      "thank_you_days: 2 (0 to 365)", "ask_after_days: 60 (0 to 365)", "ask_window_days: 30 (0 to 365)",
      "outlier_multiple: 10 (1 to 1000000)", "[rates]", "referral_share: 0.41 (0 to 1; 0 is no target)", "referral_leads_per_rep_per_month: 5",
      "referral_leads_per_year: none", "referral_revenue_per_year: none", "customers_asked_per_year: 1.0 (0 to 1)", "[targets.reps]",
      "[channels.\"Name\"] referral", "[fees.\"Channel\"] per_lead (0 to 1e6)", "per_won_deal (0 to 1e7)", "cap_per_deal (0 to 1e10)",
      "share_of_won (0 to 1)", "min_sample: 10 (1 or more", "[attribution] lookback_days: 365 (0 to 3650", "half_life_days: 7 (0.1 to 3650",
      "[asks] activities", "[referrers] top_share: 0.2 (0.01 to 1)", "[feedback] scale: nps", "valid_days: 183 (0 to 730",
      "ask_passives: false", "[stages] won, lost, open", "[columns.<input>]", "[formats.<input>]",
      "REFERRAL_REPORT_CONFIG",
    ]
    for key in keys { #expect(text.contains(key), "no \(key)") }
    // Plain ASCII: generate-manual drops every other character from the page.
    let discussion = text.components(separatedBy: " USAGE: ")[0]
    let nonASCII = discussion.unicodeScalars.filter { !$0.isASCII }
    #expect(nonASCII.isEmpty, "\(String(String.UnicodeScalarView(nonASCII)))")
  }
}
