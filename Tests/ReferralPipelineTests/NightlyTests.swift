import Foundation
import TestSupport
import Testing

/// `scripts/nightly.sh` as cron runs it: under `env -i` with cron's PATH, for more than one
/// user, and honest about what failed.
@Suite struct NightlyTests {
  /// Cron's environment: nothing but a minimal PATH (no swift on it).
  static let cron = ["-i", "PATH=/usr/bin:/bin"]

  /// A config reading `deals` (the fixtures' by default) into `folder/Reports`.
  func config(in folder: String, deals: String = "\(CLI.fixtures)/deals.csv") throws -> String {
    let path = folder + "/nightly.toml"
    try """
    [inputs]
    leads = "\(CLI.fixtures)/leads.csv"
    deals = "\(deals)"
    [report]
    output = "\(folder)/Reports"
    """.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  /// Runs the nightly script as cron would, as `user` when given (root only).
  func nightly(_ arguments: [String], user: String? = nil) throws -> (status: Int32, output: String) {
    let script = CLI.root.appendingPathComponent("scripts/nightly.sh").path
    let command = Self.cron + ["bash", script] + arguments
    return try CLI.tool(user == nil ? "env" : "runuser", (user.map { ["-u", $0, "--", "env"] } ?? []) + command)
  }

  @Test func underCronsPathItUpdatesLatestAndIsIdempotent() throws {
    let folder = try CLI.temporaryFolder()
    let config = try config(in: folder)
    for _ in 0..<2 {
      let run = try nightly([CLI.binary, config])
      #expect(run.status == 0, "\(run.output)")
      #expect(run.output.contains("\(folder)/Reports/latest -> 2026-10"))
    }
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: folder + "/Reports/latest") == "2026-10")
    #expect(FileManager.default.fileExists(atPath: folder + "/Reports/latest/report.md"))
  }

  /// Every file under `folder` (the hidden marker included) and its bytes, by path inside it.
  func files(_ folder: String) throws -> [String: Data] {
    var files: [String: Data] = [:]
    for path in FileManager.default.enumerator(atPath: folder)?.compactMap({ $0 as? String }) ?? [] {
      var isFolder: ObjCBool = false
      FileManager.default.fileExists(atPath: "\(folder)/\(path)", isDirectory: &isFolder)
      if !isFolder.boolValue { files[path] = FileManager.default.contents(atPath: "\(folder)/\(path)") }
    }
    return files
  }

  /// Over the reject threshold the report is written beside the last one and says so, the job
  /// exits 2, and `latest` keeps pointing at the last report that passed.
  @Test func aFailedRunLeavesLatestOnTheLastGoodReport() throws {
    let folder = try CLI.temporaryFolder()
    // The last good report was September's.
    try FileManager.default.createDirectory(atPath: folder + "/Reports/2026-09", withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(atPath: folder + "/Reports/latest", withDestinationPath: "2026-09")
    let failing = try nightly([CLI.binary, try config(in: folder, deals: "\(CLI.fixtures)/deals-bad-row.csv")])
    #expect(failing.status == 2, "\(failing.output)")
    #expect(
      failing.output.contains(
        "nightly: referral-report exited with 2; its report is in \(folder)/Reports/2026-10.failed, "
          + "and \(folder)/Reports/latest still points at the last report that passed"))
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: folder + "/Reports/latest") == "2026-09")
    // October's report is written beside where a passing one goes, and says at its top that it failed.
    #expect(!FileManager.default.fileExists(atPath: folder + "/Reports/2026-10"))
    let report = try String(contentsOfFile: folder + "/Reports/2026-10.failed/report.md", encoding: .utf8)
    #expect(report.contains("## This report failed its data check"))
    let json = try String(contentsOfFile: folder + "/Reports/2026-10.failed/summary.json", encoding: .utf8)
    #expect(json.contains("\"status\": \"rejects_over_threshold\""))
  }

  /// Inside one month: a run that passes, one that fails, one that passes again. The failed
  /// run leaves the passing report's every byte and `latest` as they were and writes its own
  /// report beside them; the next passing run replaces the report and removes the failed one.
  @Test func aFailedRunInsideTheMonthNeverOverwritesTheReportThatPassed() throws {
    let folder = try CLI.temporaryFolder()
    let reports = folder + "/Reports"
    let passing = try nightly([CLI.binary, try config(in: folder)])
    #expect(passing.status == 0, "\(passing.output)")
    let passed = try files(reports + "/2026-10")
    #expect(passed.keys.contains("report.md") && passed.keys.contains(".referral-report"))

    let failing = try nightly([CLI.binary, try config(in: folder, deals: "\(CLI.fixtures)/deals-bad-row.csv")])
    #expect(failing.status == 2, "\(failing.output)")
    #expect(try files(reports + "/2026-10") == passed)
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: reports + "/latest") == "2026-10")
    let failed = try String(contentsOfFile: reports + "/2026-10.failed/report.md", encoding: .utf8)
    #expect(failed.contains("## This report failed its data check"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: reports).sorted() == ["2026-10", "2026-10.failed", "latest"])

    let again = try nightly([CLI.binary, try config(in: folder)])
    #expect(again.status == 0, "\(again.output)")
    #expect(again.output.contains("\(reports)/latest -> 2026-10"))
    #expect(try files(reports + "/2026-10") == passed)  // the same exports give the same bytes
    #expect(try FileManager.default.contentsOfDirectory(atPath: reports).sorted() == ["2026-10", "latest"])
  }

  @Test func aMissingInputIsTheRunsOwnExitCode() throws {
    let folder = try CLI.temporaryFolder()
    let failing = try nightly([CLI.binary, try config(in: folder, deals: folder + "/missing.csv")])
    #expect(failing.status == 66)
  }

  /// No binary and no swift on cron's PATH: the job cannot run, which is not a bad export.
  @Test func aSetupFailureExits69() throws {
    let folder = try CLI.temporaryFolder()
    let run = try nightly([folder + "/no-such-binary", try config(in: folder)])
    #expect(run.status == 69)
    #expect(run.output.contains("nightly: error: there is no build at \(folder)/no-such-binary and swift is not on PATH (/usr/bin:/bin)"))
  }

  /// A file of the user's named `latest` is never replaced.
  @Test func aLatestThatIsNoLinkIsLeftAlone() throws {
    let folder = try CLI.temporaryFolder()
    try FileManager.default.createDirectory(atPath: folder + "/Reports", withIntermediateDirectories: true)
    try "mine\n".write(toFile: folder + "/Reports/latest", atomically: true, encoding: .utf8)
    let run = try nightly([CLI.binary, try config(in: folder)])
    #expect(run.status == 73)
    #expect(try String(contentsOfFile: folder + "/Reports/latest", encoding: .utf8) == "mine\n")
  }

  /// Two users' nightly jobs on one machine share no file: the second user's job (as `nobody`)
  /// finds nothing of the first's in its way and points its own `latest` at its own report.
  @Test(.enabled(if: getuid() == 0, "needs root to run as a second user"))
  func twoUsersJobsShareNoFile() throws {
    let first = try CLI.temporaryFolder()
    #expect(try nightly([CLI.binary, try config(in: first)]).status == 0)
    let second = try CLI.temporaryFolder()
    chmod(second, 0o777)
    chmod((second as NSString).deletingLastPathComponent, 0o755)
    let config = try config(in: second)
    chmod(config, 0o644)
    let run = try nightly([CLI.binary, config], user: "nobody")
    #expect(run.status == 0, "\(run.output)")
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: second + "/Reports/latest") == "2026-10")
  }
}
