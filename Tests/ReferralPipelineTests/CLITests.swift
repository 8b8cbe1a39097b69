import Foundation
import ReferralPipeline
import Testing

/// Every error path of the command line: its one-line message and its exit code.
@Suite struct CLITests {
  let fixtures = CLI.fixtures

  @Test func aGoodRunWritesTheThreeFilesAndExitsZero() throws {
    let out = try CLI.temporaryFolder() + "/report"
    let result = try CLI.run(["run", "--leads", "\(fixtures)/leads.csv", "--deals", "\(fixtures)/deals.csv", "--out", out])
    #expect(result.status == ExitStatus.success.rawValue, "\(result.stderr)")
    for file in ["report.md", "report.html", "summary.json", "rejects.csv"] {
      #expect(FileManager.default.fileExists(atPath: "\(out)/\(file)"))
    }
    #expect(result.stderr == CLI.configNote)
  }

  @Test func aMissingFileExits66AndNamesIt() throws {
    let result = try CLI.run(["check", "--leads", "\(fixtures)/nope.csv", "--deals", "\(fixtures)/deals.csv"])
    #expect(result.status == ExitStatus.noInput.rawValue)
    #expect(
      result.stderr
        == CLI.configNote
        + "referral-report: \(fixtures)/nope.csv: error: cannot read the file (No such file or directory); check the path and its permissions\n")
  }

  @Test func aMissingColumnExits65AndListsTheColumnsFound() throws {
    let result = try CLI.run(["check", "--leads", "\(fixtures)/leads-no-created.csv", "--deals", "\(fixtures)/deals.csv"])
    #expect(result.status == ExitStatus.dataError.rawValue)
    #expect(
      result.stderr.contains(
        "leads-no-created.csv:1: error: missing column for created_at (looked for 'created_at'); found 'lead_id', 'Created Date', 'source'; "
          + "the closest header is 'Created Date': if it holds the created_at, map it: [columns.leads] created_at = \"Created Date\"; "
          + "a lead list without dates can be reported on whole with --all\n"))
    #expect(result.stderr.split(separator: "\n") == [CLI.configNote.dropLast(), result.stderr.split(separator: "\n").last!])
  }

  @Test func aBadRowUnderTheThresholdIsRejectedAndTheRunSucceeds() throws {
    let out = try CLI.temporaryFolder() + "/report"
    let result = try CLI.run([
      "run", "--leads", "\(fixtures)/leads.csv", "--deals", "\(fixtures)/deals-bad-row.csv", "--out", out, "--max-reject-rate", "0.5",
    ])
    #expect(result.status == ExitStatus.success.rawValue, "\(result.stderr)")
    let rejects = try String(contentsOfFile: "\(out)/rejects.csv", encoding: .utf8)
    #expect(
      rejects.contains(
        "\(fixtures)/deals-bad-row.csv,4,\"unknown stage 'Maybe Later' (add it to won, lost or open under [stages], e.g. [stages] open = [\"\"Maybe Later\"\"])\",D3,L3,Maybe Later,500,USD,2026-10-11,2026-10-30,Ana,\r\n"
      ))
  }

  @Test func passingTheRejectThresholdWritesTheReportAndExits2() throws {
    let out = try CLI.temporaryFolder() + "/report"
    let result = try CLI.run(["run", "--leads", "\(fixtures)/leads.csv", "--deals", "\(fixtures)/deals-bad-row.csv", "--out", out])
    #expect(result.status == ExitStatus.rejectThresholdExceeded.rawValue)
    #expect(
      result.stderr.contains(
        "deals-bad-row.csv: error: 25.0% of rows rejected (1 of 4), above the 1.0% limit; most often unknown stage (1 row): "
          + "add it to won, lost or open under [stages], e.g. [stages] open = [\"Maybe Later\"]; see rejects.csv"))
    // Written beside the report folder, which a failed run never touches.
    #expect(FileManager.default.fileExists(atPath: "\(out).failed/report.md"))
    #expect(!FileManager.default.fileExists(atPath: out))
    #expect(result.stdout == "wrote \(out).failed/ (report.md, report.html, summary.json, rejects.csv, tables/, tasks/)\n")
    #expect(
      result.stderr.contains(
        "referral-report: the data check failed, so the report went to \(out).failed/, beside \(out)/, which only a run that passes replaces\n"))
  }

  @Test func usageErrorsExit64() throws {
    let bothPeriods = try CLI.run(["check", "--leads", "a", "--deals", "b", "--month", "2026-10", "--from", "2026-10-01", "--to", "2026-10-02"])
    #expect(bothPeriods.status == ExitStatus.usage.rawValue)
    #expect(bothPeriods.stderr.contains("--month cannot be combined with --from/--to"))
    let badMonth = try CLI.run(["check", "--leads", "a", "--deals", "b", "--month", "October"])
    #expect(badMonth.status == ExitStatus.usage.rawValue)
    let noInputs = try CLI.run(["check", "--spend", "s.csv"], in: try CLI.temporaryFolder())
    #expect(noInputs.status == ExitStatus.usage.rawValue)
    #expect(noInputs.stderr.contains("no leads or deals export given; pass --leads FILE, --deals FILE or both"))
    let allAndMonth = try CLI.run(["check", "--leads", "a", "--all", "--month", "2026-10"])
    #expect(allAndMonth.status == ExitStatus.usage.rawValue)
    #expect(allAndMonth.stderr.contains("--all cannot be combined with --month or --from/--to"))
  }

  @Test func anInvalidConfigExits78WithTheLine() throws {
    let folder = try CLI.temporaryFolder()
    try "[report]\ncurrency = \"USD\"\nmax_reject = 0.1\n".write(toFile: "\(folder)/bad.toml", atomically: true, encoding: .utf8)
    let result = try CLI.run(["check", "--config", "\(folder)/bad.toml", "--leads", "\(fixtures)/leads.csv", "--deals", "\(fixtures)/deals.csv"])
    #expect(result.status == ExitStatus.config.rawValue)
    #expect(result.stderr.hasPrefix("referral-report: \(folder)/bad.toml:3: error: unknown key 'report.max_reject'"))
  }

  /// A config value of each kind of misuse stops `run` before anything is read or written:
  /// exit 78 and one line naming the file, the line, the key, the value and what is allowed.
  @Test(arguments: [
    ("[report]\nthank_you_days = \"two\"\n", "'report.thank_you_days' must be a whole number from 0 to 365, not \"two\""),
    ("[report]\nfiscal_year_start = 0\n", "'report.fiscal_year_start' must be a whole number from 1 to 12, not 0"),
    ("[rates]\nEUR = 0\n", "'rates.EUR' must be a number of USD per EUR from 0.000001 to 1000000, not 0"),
    ("[report]\ngross_margin = nan\n", "'report.gross_margin' must be a share of revenue from 0 to 1, not nan"),
    ("[rates]\nEUR = 1e308\n", "'rates.EUR' must be a number of USD per EUR from 0.000001 to 1000000, not 1e+308"),
  ])
  func aConfigValueOutOfItsRangeExits78(config: String, message: String) throws {
    let folder = try CLI.temporaryFolder()
    try config.write(toFile: "\(folder)/c.toml", atomically: true, encoding: .utf8)
    let result = try CLI.run(["run", "--config", "\(folder)/c.toml", "--leads", "\(fixtures)/leads.csv", "--out", "\(folder)/r"])
    #expect(result.status == ExitStatus.config.rawValue)
    #expect(result.stderr == "referral-report: \(folder)/c.toml:2: error: \(message)\n")
    #expect(!FileManager.default.fileExists(atPath: "\(folder)/r"))
  }

  /// `[targets] referral_share = 0` is "no target" (it trapped in the formatter once): the
  /// run passes, `summary.json` keeps the 0, and the progress toward it (share ÷ 0) reads n/a.
  @Test func aZeroShareTargetIsNoTarget() throws {
    let folder = try CLI.temporaryFolder()
    try "[targets]\nreferral_share = 0\n".write(toFile: "\(folder)/c.toml", atomically: true, encoding: .utf8)
    let report = try CLI.report(["--config", "\(folder)/c.toml", "--leads", "\(fixtures)/leads.csv", "--deals", "\(fixtures)/deals.csv"])
    let json = try #require(try JSONSerialization.jsonObject(with: Data(report.json.utf8)) as? [String: Any])
    let share = try #require(json["referral_share"] as? [String: Any])
    #expect(share["target"] as? Double == 0)
    // The fixture's year to date: 2 referral leads of 4, 0.5 ÷ 0 has no value.
    #expect(report.markdown.contains("| Referral share of leads | 50.0% | 50.0% | 0.0% | n/a |"))
    // No share meets or misses no target: the headline says there is none, and JSON's verdict is null.
    #expect(report.markdown.contains("of this period's leads (no target set)"))
    #expect(!report.markdown.contains("the 0.0% target"))
    #expect(share["meets_target"] is NSNull)
  }

  @Test func anUnwritableOutputExits73() throws {
    let folder = try CLI.temporaryFolder()
    try "not a folder".write(toFile: "\(folder)/file", atomically: true, encoding: .utf8)
    let result = try CLI.run(["run", "--leads", "\(fixtures)/leads.csv", "--deals", "\(fixtures)/deals.csv", "--out", "\(folder)/file/report"])
    #expect(result.status == ExitStatus.cannotWrite.rawValue)
    #expect(result.stderr.contains("error: cannot write the report"))
  }

  @Test func checkPrintsTheAccountAndWritesNothing() throws {
    let folder = try CLI.temporaryFolder()
    let result = try CLI.run(["check", "--leads", "\(fixtures)/leads.csv", "--deals", "\(fixtures)/deals-bad-row.csv", "--max-reject-rate", "0.5"], in: folder)
    #expect(result.status == 0)
    #expect(result.stdout.contains("deals \(fixtures)/deals-bad-row.csv: 4 rows, 3 accepted, 1 rejected (25.0%), 0 skipped"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
  }

  /// `sample --crm` writes leads and deals as a CRM exports them; Marketo has no bulk extract
  /// of deals to imitate, so its preset is refused before anything is written.
  @Test func sampleRefusesMarketoAsACRMToImitate() throws {
    let folder = try CLI.temporaryFolder()
    let result = try CLI.run(["sample", "--out", folder + "/s", "--crm", "marketo"])
    #expect(result.status == 64)
    #expect(
      result.stderr.contains("--crm marketo: Marketo has no bulk extract of deals to imitate; choose salesforce, salesforce-api, hubspot or pipedrive"))
    #expect(!FileManager.default.fileExists(atPath: folder + "/s"))
  }

  @Test(arguments: [[], ["run"], ["check"], ["sample"]])
  func everyCommandHasHelp(command: [String]) throws {
    let result = try CLI.run(command + ["--help"])
    #expect(result.status == 0)
    #expect(result.stdout.contains("USAGE:"))
  }

  @Test func aCustomPeriodHasItsOwnFolderAndComparesWithAsManyDaysBefore() throws {
    let root = try CLI.temporaryFolder()
    try "[report]\noutput = \"\(root)/Reports\"\n".write(toFile: root + "/c.toml", atomically: true, encoding: .utf8)
    let result = try CLI.run([
      "run", "--config", root + "/c.toml", "--leads", "\(fixtures)/leads.csv", "--deals", "\(fixtures)/deals.csv", "--from", "2026-10-01", "--to", "2026-10-15",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let json = try String(contentsOfFile: root + "/Reports/2026-10-01_2026-10-15/summary.json", encoding: .utf8)
    #expect(json.contains("\"from\": \"2026-10-01\",\n    \"to\": \"2026-10-15\""))
    #expect(json.contains("\"from\": \"2026-09-16\",\n    \"to\": \"2026-09-30\""))
  }

  @Test func configInputPathsAreRelativeToTheConfigFile() throws {
    let root = try CLI.temporaryFolder()
    try FileManager.default.createDirectory(atPath: root + "/exports", withIntermediateDirectories: true)
    try FileManager.default.copyItem(atPath: "\(fixtures)/leads.csv", toPath: root + "/exports/leads.csv")
    try FileManager.default.copyItem(atPath: "\(fixtures)/deals.csv", toPath: root + "/exports/deals.csv")
    try "[inputs]\nleads = \"exports/leads.csv\"\ndeals = \"exports/deals.csv\"\n".write(toFile: root + "/rr.toml", atomically: true, encoding: .utf8)
    let result = try CLI.run(["check", "--config", root + "/rr.toml"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("exports/leads.csv: 6 rows, 6 accepted"))
  }

  /// Without dates no period can be chosen, and one given holds no data: a report of nothing
  /// only on purpose.
  @Test func exportsWithoutAnyDateStopTheRunUnlessAnEmptyPeriodIsAskedFor() throws {
    let folder = try CLI.temporaryFolder()
    try "lead_id,created_at,source\n".write(toFile: folder + "/l.csv", atomically: true, encoding: .utf8)
    try "deal_id,lead_id,stage,amount,closed_at\n".write(toFile: folder + "/d.csv", atomically: true, encoding: .utf8)
    let noPeriod = try CLI.run(["check", "--leads", folder + "/l.csv", "--deals", folder + "/d.csv"])
    #expect(noPeriod.status == ExitStatus.dataError.rawValue)
    #expect(noPeriod.stderr.contains("the exports hold no dated rows"))
    let withMonth = try CLI.run(["check", "--leads", folder + "/l.csv", "--deals", folder + "/d.csv", "--month", "2026-10"])
    #expect(withMonth.status == ExitStatus.dataError.rawValue)
    #expect(withMonth.stderr.contains("the exports hold no dated rows, so the period 2026-10-01 to 2026-10-31 holds no data"))
    let allowed = try CLI.run(["check", "--leads", folder + "/l.csv", "--deals", folder + "/d.csv", "--month", "2026-10", "--allow-empty-period"])
    #expect(allowed.status == 0, "\(allowed.stderr)")
  }

  @Test func aRerunGivesTheSameBytes() throws {
    let first = try CLI.temporaryFolder()
    let second = try CLI.temporaryFolder()
    for out in [first, second] {
      _ = try CLI.run(["run", "--leads", "\(fixtures)/leads.csv", "--deals", "\(fixtures)/deals.csv", "--out", out + "/r"])
    }
    for file in ["report.md", "report.html", "summary.json", "rejects.csv"] {
      #expect(FileManager.default.contents(atPath: "\(first)/r/\(file)") == FileManager.default.contents(atPath: "\(second)/r/\(file)"))
    }
  }
}

extension CLITests {
  /// A won-deals export (no stage column, and the config says so) shows no win rate anywhere,
  /// and says why.
  @Test func aWonOnlyExportShowsWinRateAsNotApplicable() throws {
    let folder = try CLI.temporaryFolder()
    try "lead_id,amount,closed_at\nL1,100,2026-10-20\nL2,50,2026-10-21\n"
      .write(toFile: folder + "/won.csv", atomically: true, encoding: .utf8)
    try "[columns.deals]\nstage = false\n".write(toFile: folder + "/won.toml", atomically: true, encoding: .utf8)
    let result = try CLI.run([
      "run", "--config", folder + "/won.toml", "--leads", "\(fixtures)/leads.csv", "--deals", folder + "/won.csv", "--month", "2026-10", "--out", folder + "/r",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let markdown = try String(contentsOfFile: folder + "/r/report.md", encoding: .utf8)
    #expect(markdown.contains("Win rate is n/a: the deals export has no stage column, so it holds won deals only."))
    // 2 of the 5 leads are referrals (40%) and won both wins (100%): conversion 100%, win rate
    // unknown (the lost deals are not in the export).
    // Lost is n/a too: 0 would say no deal was lost.
    #expect(
      markdown.contains(
        "| Referral | yes | 2 (40.0%) (too few to judge: 5 leads) | 2 (100.0%) (too few to judge: 2 won deals) | n/a | n/a | 100.0% (too few to judge: 2 leads) | $150.00 (100.0%) (too few to judge: 2 won deals) |"
      ))
    let json = try String(contentsOfFile: folder + "/r/summary.json", encoding: .utf8)
    #expect(!json.contains("\"win_rate\": 1"))
    #expect(json.contains("\"win_rate\": null"))
    // It has no deal ids either (keyed by the lead): accepted, and the report says what that costs.
    #expect(markdown.contains("- The deals export has no deal id column: each deal is named by its file and line"))
    #expect(json.contains("\"limits\": [\n      \"the deals export has no stage column, so it holds won deals only; win rates are n/a\","))
  }
}

extension CLITests {
  /// `channels` prints the catalogue in force: built in, the preset's and the config's.
  @Test func channelsListsTheCatalogueWithThePresetsAndTheConfigsAdditions() throws {
    let folder = try CLI.temporaryFolder()
    try "[channels.\"Podcast Ads\"]\nreferral = false\naliases = [\"podcast\", \"spotify\"]\n"
      .write(toFile: folder + "/c.toml", atomically: true, encoding: .utf8)
    let result = try CLI.run(["channels", "--config", folder + "/c.toml", "--preset", "hubspot"])
    #expect(result.status == 0, "\(result.stderr)")
    let lines = result.stdout.split(separator: "\n").map(String.init)
    #expect(lines.contains("Organic Search (not referral): google, organic, organic search, search, seo"))
    #expect(lines.contains("Web Referral (not referral): referrals, web referral"))  // HubSpot's false friend
    #expect(lines.contains("Podcast Ads (not referral): podcast, podcast ads, spotify"))
    #expect(lines.contains { $0.hasPrefix("Unknown (not referral): (empty), (none), (not set), ?, n/a") })
    // A config file that is not there is a missing file (66), not an invalid config (78).
    let missing = try CLI.run(["channels", "--config", folder + "/nope.toml"])
    #expect(missing.status == ExitStatus.noInput.rawValue)
  }
}
