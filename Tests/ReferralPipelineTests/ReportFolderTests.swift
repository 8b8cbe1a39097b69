import Foundation
import ReferralPipeline
import Testing

@Suite struct ReportFolderTests {
  func contents(_ folder: String) throws -> [String: String] {
    var files: [String: String] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: folder) {
      files[name] = try String(contentsOfFile: "\(folder)/\(name)", encoding: .utf8)
    }
    return files
  }

  /// A report folder that holds an old `report.md`, and the folder it is in.
  func oldReport() throws -> (root: String, folder: String) {
    let root = try CLI.temporaryFolder()
    let folder = "\(root)/2026-10"
    let first = try ReportFolder(replacing: folder)
    try first.write("report.md", [Array("old\n".utf8)])
    try first.commit()
    return (root, folder)
  }

  @Test func theNewReportReplacesTheOldOneWhole() throws {
    let (root, folder) = try oldReport()
    let second = try ReportFolder(replacing: folder)
    try second.write("report.md", [Array("new\n".utf8)])
    try second.write("summary.json", [Array("{".utf8), [], Array("}\n".utf8)])  // runs, one after another
    #expect(try contents(folder) == ["report.md": "old\n"])  // nothing shows before the swap
    try second.commit()
    #expect(try contents(folder) == ["report.md": "new\n", "summary.json": "{}\n"])
    #expect(try FileManager.default.contentsOfDirectory(atPath: root) == ["2026-10"])  // no staging left
  }

  @Test func aFileThatCannotBeWrittenFailsWithTheFolderAndReasonAndLeavesTheOldReport() throws {
    let (root, folder) = try oldReport()
    let second = try ReportFolder(replacing: folder)
    #expect(throws: RunError.output(path: folder, reason: "No such file or directory")) {
      try second.write("missing/report.md", [Array("new\n".utf8)])
    }
    second.discard()
    #expect(try contents(folder) == ["report.md": "old\n"])
    #expect(try FileManager.default.contentsOfDirectory(atPath: root) == ["2026-10"])
  }
}
