import Foundation
import ReferralPipeline
import Testing

/// The output folder as a user meets it from the command line: nothing of theirs is ever
/// lost, and runs side by side into one folder leave one whole report.
@Suite struct OutputFolderCLITests {
  let fixtures = CLI.fixtures

  /// A project folder as a user has it: the exports, a config naming them, their notes.
  func project() throws -> String {
    let root = try CLI.temporaryFolder()
    try FileManager.default.createDirectory(atPath: root + "/SampleData", withIntermediateDirectories: true)
    try FileManager.default.copyItem(atPath: "\(fixtures)/leads.csv", toPath: root + "/SampleData/leads.csv")
    try FileManager.default.copyItem(atPath: "\(fixtures)/deals.csv", toPath: root + "/SampleData/deals.csv")
    try "[inputs]\nleads = \"SampleData/leads.csv\"\ndeals = \"SampleData/deals.csv\"\n"
      .write(toFile: root + "/referral-report.toml", atomically: true, encoding: .utf8)
    try "my notes".write(toFile: root + "/notes.txt", atomically: true, encoding: .utf8)
    return root
  }

  func listing(_ folder: String) throws -> [String] {
    try FileManager.default.subpathsOfDirectory(atPath: folder).sorted()
  }

  @Test(arguments: [".", "SampleData", "notes.txt", "..", "./"])
  func aRunIntoTheProjectsOwnFoldersOrFilesExits73AndTouchesNothing(out: String) throws {
    let root = try project()
    let before = try listing(root)
    let result = try CLI.run(["run", "--out", out], in: root)
    #expect(result.status == ExitStatus.cannotWrite.rawValue, "\(result.stderr)")
    let error = result.stderr.split(separator: "\n").last.map(String.init) ?? ""
    #expect(error.hasPrefix("referral-report: \(out): error: "))
    #expect(error.hasSuffix("so nothing was written; choose another --out (a new or empty folder)"))
    #expect(try listing(root) == before)
    #expect(try String(contentsOfFile: root + "/notes.txt", encoding: .utf8) == "my notes")
  }

  @Test func aFolderOfDocumentsIsRefusedWithWhatIsInTheWay() throws {
    let root = try project()
    try FileManager.default.createDirectory(atPath: root + "/Documents/photos", withIntermediateDirectories: true)
    try "tax".write(toFile: root + "/Documents/taxes.txt", atomically: true, encoding: .utf8)
    let result = try CLI.run(["run", "--out", "Documents"], in: root)
    #expect(result.status == ExitStatus.cannotWrite.rawValue)
    #expect(result.stderr.contains("referral-report: Documents: error: holds 'photos', which referral-report did not write;"))
    #expect(try listing(root + "/Documents") == ["photos", "taxes.txt"])
  }

  /// Four runs at once into one folder: each succeeds and the folder is one whole report.
  @Test func fourRunsAtOnceLeaveOneWholeReport() throws {
    let root = try project()
    let runs = (0..<4).map { _ in
      let process = Process()
      process.executableURL = URL(fileURLWithPath: CLI.binary)
      process.arguments = ["run", "--out", "out"]
      process.currentDirectoryURL = URL(fileURLWithPath: root)
      process.standardOutput = FileHandle.nullDevice
      process.standardError = FileHandle.nullDevice
      return process
    }
    for run in runs { try run.run() }
    for run in runs { run.waitUntilExit() }
    #expect(runs.map(\.terminationStatus) == [0, 0, 0, 0])
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: root + "/out").sorted()
        == ([OutputTarget.marker] + OutputTarget.reportFiles + ["tables", "tasks"]).sorted())
    #expect(try OutputTarget.classify(root + "/out") == .ownReport)
    #expect(try FileManager.default.contentsOfDirectory(atPath: root).filter { $0.hasPrefix(".out.tmp-") } == [])
  }

  // MARK: Which inputs a run takes

  /// With `--leads`/`--deals` on the command line, the config's other inputs are not mixed in;
  /// standard error says where each input came from whenever the config supplied one.
  @Test func commandLineInputsNeverMixWithTheConfigsOthers() throws {
    let root = try project()
    try "month,source,amount\n2026-10,Web,100\n".write(toFile: root + "/SampleData/spend.csv", atomically: true, encoding: .utf8)
    try "[inputs]\nleads = \"SampleData/leads.csv\"\ndeals = \"SampleData/deals.csv\"\nspend = \"SampleData/spend.csv\"\n"
      .write(toFile: root + "/referral-report.toml", atomically: true, encoding: .utf8)

    let configured = try CLI.run(["check"], in: root)
    #expect(configured.status == 0, "\(configured.stderr)")
    #expect(
      configured.stderr
        == "referral-report: inputs: leads SampleData/leads.csv, deals SampleData/deals.csv, spend SampleData/spend.csv (from referral-report.toml)\n")
    #expect(configured.stdout.contains("SampleData/spend.csv"))

    let given = try CLI.run(["check", "--leads", "\(fixtures)/leads.csv", "--deals", "\(fixtures)/deals.csv"], in: root)
    #expect(given.status == 0, "\(given.stderr)")
    // The config still applies (its currency, rates, stages): said, as it was found, not named.
    #expect(given.stderr == CLI.configNote)
    #expect(!given.stdout.contains("spend.csv"))

    // Leads alone are a dataset of their own: the config's deals are not added to them.
    let halfGiven = try CLI.run(["check", "--leads", "\(fixtures)/leads.csv"], in: root)
    #expect(halfGiven.status == 0, "\(halfGiven.stderr)")
    #expect(halfGiven.stderr == CLI.configNote)
    #expect(!halfGiven.stdout.contains("deals.csv"))

    let withSpend = try CLI.run(["check", "--spend", "SampleData/spend.csv"], in: root)
    #expect(withSpend.status == 0, "\(withSpend.stderr)")
    #expect(
      withSpend.stderr
        == "referral-report: inputs: leads SampleData/leads.csv (from referral-report.toml), deals SampleData/deals.csv (from referral-report.toml), spend SampleData/spend.csv (from the command line)\n"
    )
  }
}
