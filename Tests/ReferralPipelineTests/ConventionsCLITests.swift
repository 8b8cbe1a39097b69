import Foundation
import ReferralPipeline
import Testing

/// The shell's conventions: `--version`, `-` for standard input, `--quiet` and `--verbose`,
/// `check --json`, the config named by the environment, and a report that says it failed.
@Suite struct ConventionsCLITests {
  let fixtures = CLI.fixtures

  @Test func versionPrintsTheToolsVersion() throws {
    let result = try CLI.run(["--version"])
    #expect(result.status == 0)
    #expect(result.stdout == ToolVersion.current + "\n")
  }

  /// `-` reads an input from standard input: the same figures as the file, named `stdin`.
  @Test func aDashReadsStandardInput() throws {
    let leads = try #require(FileManager.default.contents(atPath: "\(fixtures)/leads.csv"))
    let folder = try CLI.temporaryFolder()
    let piped = try CLI.run(["run", "--quiet", "--leads", "-", "--deals", "\(fixtures)/deals.csv", "--out", folder + "/a"], input: leads)
    #expect(piped.status == 0, "\(piped.stderr)")
    let file = try CLI.run(["run", "--quiet", "--leads", "\(fixtures)/leads.csv", "--deals", "\(fixtures)/deals.csv", "--out", folder + "/b"])
    #expect(file.status == 0)
    let channels = { (path: String) in
      try String(contentsOfFile: path + "/report.md", encoding: .utf8).components(separatedBy: "## Channels")[1].components(separatedBy: "\n## ")[0]
    }
    #expect(try channels(folder + "/a") == channels(folder + "/b"))
    #expect(try String(contentsOfFile: folder + "/a/summary.json", encoding: .utf8).contains("\"file\": \"stdin\""))
  }

  @Test func onlyOneInputCanReadStandardInput() throws {
    let result = try CLI.run(["check", "--leads", "-", "--deals", "-"])
    #expect(result.status == 64)
    #expect(result.stderr.hasSuffix("referral-report: error: --leads and --deals both read standard input ('-'); only one input can\n"))
  }

  @Test func quietSaysNothingButErrorsAndVerboseSaysMore() throws {
    let folder = try CLI.temporaryFolder()
    let arguments = ["run", "--leads", "\(fixtures)/leads.csv", "--deals", "\(fixtures)/deals.csv"]
    let quiet = try CLI.run(arguments + ["--quiet", "--out", folder + "/q"])
    #expect(quiet.status == 0)
    #expect(quiet.stdout.isEmpty && quiet.stderr.isEmpty)
    let verbose = try CLI.run(arguments + ["--verbose", "--out", folder + "/v"])
    #expect(verbose.status == 0)
    let lines = verbose.stderr.split(separator: "\n").map(String.init)
    #expect(lines.first == String(CLI.configNote.dropLast()))
    #expect(lines.contains("referral-report: inputs: leads \(fixtures)/leads.csv, deals \(fixtures)/deals.csv (from the command line)"))
    let timings = try #require(lines.first { $0.hasPrefix("referral-report: timings: ") })
    #expect(timings.contains("reading the exports ") && timings.contains("attributing ") && timings.contains("writing the report "))
    #expect(try CLI.run(arguments + ["--quiet", "--verbose"]).status == 64)
  }

  /// `check --json`: the status and the accounts as JSON, and the exit code `run` would give.
  @Test func checkPrintsJSON() throws {
    let good = try CLI.run(["check", "--json", "--leads", "\(fixtures)/leads.csv", "--deals", "\(fixtures)/deals.csv"])
    #expect(good.status == 0)
    let json = try #require(try JSONSerialization.jsonObject(with: Data(good.stdout.utf8)) as? [String: Any])
    #expect(json["status"] as? String == "ok")
    let inputs = try #require(json["inputs"] as? [[String: Any]])
    #expect(inputs.map { $0["role"] as? String } == ["leads", "deals"])
    let bad = try CLI.run(["check", "--json", "--leads", "\(fixtures)/leads.csv", "--deals", "\(fixtures)/deals-bad-row.csv"])
    #expect(bad.status == 2)
    let failed = try #require(try JSONSerialization.jsonObject(with: Data(bad.stdout.utf8)) as? [String: Any])
    #expect(failed["status"] as? String == "rejects_over_threshold")
    let quality = try #require(failed["data_quality"] as? [String: Any])
    let reasons = try #require(quality["reject_reasons"] as? [[String: Any]])
    #expect(reasons.first?["fix"] as? String == "add it to won, lost or open under [stages], e.g. [stages] open = [\"Maybe Later\"]")
  }

  /// Without `--config`, `REFERRAL_REPORT_CONFIG` names the config, and the run says so.
  @Test func theEnvironmentNamesTheConfig() throws {
    let folder = try CLI.temporaryFolder()
    try "[report]\ncurrency = \"EUR\"\n[rates]\nUSD = 0.9\n".write(toFile: folder + "/team.toml", atomically: true, encoding: .utf8)
    let result = try CLI.run(
      ["run", "--leads", "\(fixtures)/leads.csv", "--deals", "\(fixtures)/deals.csv", "--out", folder + "/r"], in: folder,
      environment: ["REFERRAL_REPORT_CONFIG": folder + "/team.toml"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr == "referral-report: config: \(folder)/team.toml (from REFERRAL_REPORT_CONFIG)\n")
    #expect(try String(contentsOfFile: folder + "/r/summary.json", encoding: .utf8).contains("\"currency\": \"EUR\""))
  }

  @Test func aMissingConfigFileExits66() throws {
    let result = try CLI.run(["run", "--config", "no-such.toml", "--leads", "\(fixtures)/leads.csv"])
    #expect(result.status == 66)
    #expect(result.stderr == "referral-report: no-such.toml: error: cannot read the config file; check the path given to --config\n")
  }

  /// Over the threshold, the report itself says so first, in every format.
  @Test func aReportOverTheThresholdSaysSoAtTheTop() throws {
    let out = try CLI.temporaryFolder() + "/r"
    let result = try CLI.run(["run", "--leads", "\(fixtures)/leads.csv", "--deals", "\(fixtures)/deals-bad-row.csv", "--out", out])
    #expect(result.status == 2)
    let folder = out + ".failed"
    let markdown = try String(contentsOfFile: folder + "/report.md", encoding: .utf8)
    let firstSection = markdown.components(separatedBy: "\n## ")[1]
    // deals-bad-row.csv: 1 of 4 rows rejected = 25.0%, above the project config's 1.0%.
    #expect(firstSection.hasPrefix("This report failed its data check"))
    #expect(firstSection.contains(": **25.0%** of its rows were rejected (1 of 4), above the 1.0% limit"))
    let html = try String(contentsOfFile: folder + "/report.html", encoding: .utf8)
    #expect(html.contains("id=\"status\""))
    let json = try String(contentsOfFile: folder + "/summary.json", encoding: .utf8)
    #expect(
      json.contains(
        "\"status\": \"rejects_over_threshold\",\n  \"max_reject_rate\": 0.01,\n  \"over_threshold\": [\n    {\n      \"file\": \"\(fixtures)/deals-bad-row.csv\",\n      \"reject_rate\": 0.25"
      ))
  }

  /// The progress bar, on a terminal (`script` gives the run one): it names the stages after
  /// reading, and ends with a line of its own, so "wrote" starts a line; with `TERM=dumb` it
  /// stays off.
  @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script"), "needs script(1) for a terminal"))
  func theProgressBarEndsWithItsOwnLineAndStaysOffOnADumbTerminal() throws {
    let out = try CLI.temporaryFolder()
    func onATerminal(term: String, _ folder: String) throws -> String {
      let command = "\(CLI.binary) run --progress --leads \(fixtures)/leads.csv --deals \(fixtures)/deals.csv --out \(folder)"
      return try CLI.tool("env", ["TERM=\(term)", "script", "-qfec", command, "/dev/null"]).output
    }
    let shown = try onATerminal(term: "xterm", out + "/a")
    #expect(shown.contains("writing the report…"))
    let lines = shown.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n")
    let done = try #require(lines.firstIndex { $0.contains("; done in ") })
    #expect(lines[done + 1].hasPrefix("wrote \(out)/a/ ("))
    let dumb = try onATerminal(term: "dumb", out + "/b")
    #expect(!dumb.contains("done in") && dumb.contains("wrote \(out)/b/ ("))
  }
}
