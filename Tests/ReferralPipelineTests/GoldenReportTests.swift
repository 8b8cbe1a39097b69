import Foundation
import ReferralCore
import Testing

/// The committed `Reports/` is exactly what `make report` makes from SampleData. Set
/// RECORD_GOLDENS=1 to re-record it after an intended change (then review the diff).
@Suite struct GoldenReportTests {
  @Test func theCommittedReportsAreCurrent() throws {
    let root = CLI.root.path
    let record = ProcessInfo.processInfo.environment["RECORD_GOLDENS"] != nil
    let out = try CLI.temporaryFolder() + "/2026-10"
    let result = try CLI.run(["run", "--config", "referral-report.toml", "--out", out])
    #expect(result.status == 0, "\(result.stderr)")
    let golden = "\(root)/Reports/2026-10"
    // Every file, in the subfolders too; the marker lists exactly these.
    let files = try FileManager.default.subpathsOfDirectory(atPath: out).filter { !["tables", "tasks"].contains($0) }.sorted()
    #expect(files.filter { !$0.contains("/") } == [".referral-report", "rejects.csv", "report.html", "report.md", "summary.json"])
    #expect(files.contains("tables/channels.csv") && files.contains("tasks/ask-customers.csv"))
    let marker = try String(contentsOfFile: "\(out)/.referral-report", encoding: .utf8)
    #expect(
      Set(marker.components(separatedBy: "Files of this report:\n")[1].split(separator: "\n").map(String.init))
        == Set(files.filter { $0 != ".referral-report" }))
    if record {
      // Only files this test wrote are replaced (the golden folder is the tool's own report).
      for sub in ["tables", "tasks"] { try FileManager.default.createDirectory(atPath: "\(golden)/\(sub)", withIntermediateDirectories: true) }
      let stale = try FileManager.default.subpathsOfDirectory(atPath: golden).filter { $0.hasSuffix(".csv") && !files.contains($0) }
      for file in stale where file.contains("/") { try FileManager.default.removeItem(atPath: "\(golden)/\(file)") }
    } else {
      let committed = try FileManager.default.subpathsOfDirectory(atPath: golden).filter { !["tables", "tasks"].contains($0) }.sorted()
      #expect(committed == files, "Reports/2026-10 holds other files than the run makes: run `make report` and review the diff")
    }
    for file in files {
      let made = FileManager.default.contents(atPath: "\(out)/\(file)")
      if record {
        try made!.write(to: URL(fileURLWithPath: "\(golden)/\(file)"))
        continue
      }
      let expected = FileManager.default.contents(atPath: "\(golden)/\(file)")
      #expect(made == expected, "Reports/2026-10/\(file) is out of date: run `make report` (or RECORD_GOLDENS=1 make test) and review the diff")
    }
  }

  @Test func theSampleGeneratorIsDeterministic() throws {
    let folder = try CLI.temporaryFolder()
    let result = try CLI.run(["sample", "--leads", "600", "--seed", "3", "--out", folder, "--crm", "salesforce", "--crm", "hubspot", "--crm", "pipedrive"])
    #expect(result.status == 0)
    let files =
      InputRole.allCases.map { "\($0.rawValue).csv" }
      + ["salesforce", "hubspot", "pipedrive"].flatMap { ["\($0)/leads.csv", "\($0)/deals.csv"] }
    for file in files {
      #expect(
        FileManager.default.contents(atPath: "\(folder)/\(file)") == FileManager.default.contents(atPath: "\(CLI.root.path)/SampleData/\(file)"),
        "SampleData/\(file) differs from `referral-report sample --leads 600 --seed 3 --crm salesforce --crm hubspot --crm pipedrive`")
    }
  }
}
