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

  /// Files stay open between their write and the swap (which flushes them all); both the swap
  /// and a discarded report close them.
  @Test func writtenFilesAreClosedByTheSwapOrTheDiscard() throws {
    let (root, folder) = try oldReport()
    /// Files of this test's folder that the process has open (other tests run meanwhile).
    func openFiles() throws -> Int {
      try FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").filter { fd in
        ((try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/\(fd)")) ?? "").hasPrefix(root)
      }.count
    }
    let kept = try ReportFolder(replacing: folder)
    try kept.write("report.md", [Array("new\n".utf8)])
    try kept.write("summary.json", [Array("{}\n".utf8)])
    #expect(try openFiles() == 2)
    try kept.commit()
    #expect(try openFiles() == 0)
    let dropped = try ReportFolder(replacing: folder)
    try dropped.write("report.md", [Array("newer\n".utf8)])
    #expect(try openFiles() == 1)
    dropped.discard()
    #expect(try openFiles() == 0)
    #expect(try contents(folder) == ["report.md": "new\n", "summary.json": "{}\n"])
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
