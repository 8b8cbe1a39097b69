import Foundation
import ReferralImport
import ReferralPipeline
import ReferralRender
import Testing

@Suite struct ReportFolderTests {
  /// The folder's files and their text, the marker left out.
  func contents(_ folder: String) throws -> [String: String] {
    var files: [String: String] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: folder) where name != OutputTarget.marker {
      files[name] = try String(contentsOfFile: "\(folder)/\(name)", encoding: .utf8)
    }
    return files
  }

  /// Every file under `folder`, in subfolders too and the marker included, and its bytes.
  func bytes(_ folder: String) -> [String: Data] {
    var files: [String: Data] = [:]
    for path in FileManager.default.enumerator(atPath: folder)?.compactMap({ $0 as? String }) ?? [] {
      if let data = FileManager.default.contents(atPath: "\(folder)/\(path)") { files[path] = data }
    }
    return files
  }

  /// A report folder that holds an old `report.md`, and the folder it is in.
  func oldReport() throws -> (root: String, folder: String) {
    let root = try CLI.temporaryFolder()
    let folder = "\(root)/2026-10"
    let first = try ReportFolder(replacing: folder)
    try first.commit([first.write(RenderedFile("report.md", text: "old\n"))])
    return (root, folder)
  }

  @Test func theNewReportReplacesTheOldOneWhole() throws {
    let (root, folder) = try oldReport()
    let second = try ReportFolder(replacing: folder)
    let files = [
      try second.write(RenderedFile("report.md", text: "new\n")),
      try second.write(RenderedFile("summary.json", text: "{}\n")),
    ]
    #expect(try contents(folder) == ["report.md": "old\n"])  // nothing shows before the swap
    try second.commit(files)
    #expect(try contents(folder) == ["report.md": "new\n", "summary.json": "{}\n"])
    #expect(try FileManager.default.contentsOfDirectory(atPath: root) == ["2026-10"])  // no staging left
  }

  /// A failed run's folder is the report folder's name and `.failed`, beside it.
  @Test(arguments: [("Reports/2026-10", "Reports/2026-10.failed"), ("Reports/2026-10/", "Reports/2026-10.failed"), ("r//", "r.failed")])
  func aFailedRunsFolderIsBesideTheReportFolder(folder: String, failed: String) {
    #expect(OutputTarget.failedFolder(of: folder) == failed)
  }

  /// The run itself: passing, failing, passing. The failed run (deals-bad-row.csv: 1 of 4 rows
  /// rejected, over the default 1%) writes `2026-10.failed` and leaves the passing report's
  /// bytes as they were; the next passing run removes the failed report.
  @Test func aFailedRunWritesBesideThePassingReportNeverOverIt() throws {
    let root = try CLI.temporaryFolder()
    let folder = root + "/2026-10"
    func plan(deals: String) -> RunPlan {
      RunPlan(files: InputFiles(leads: "\(CLI.fixtures)/leads.csv", deals: "\(CLI.fixtures)/\(deals)"), outputFolder: folder)
    }
    let first = try Pipeline.run(plan(deals: "deals.csv"))
    #expect(first.folder == folder && first.failedFolderMessage == nil)
    let passed = bytes(folder)
    #expect(passed.keys.contains(OutputTarget.marker) && passed.keys.contains("tables/channels.csv"))

    let failing = try Pipeline.run(plan(deals: "deals-bad-row.csv"))
    #expect(failing.exitStatus == .rejectThresholdExceeded)
    #expect(failing.folder == folder + ".failed" && failing.passingFolder == folder)
    #expect(bytes(folder) == passed)
    #expect(try OutputTarget.classify(folder + ".failed") == .ownReport)
    #expect(String(decoding: bytes(folder + ".failed")["report.md"] ?? Data(), as: UTF8.self).contains("## This report failed its data check"))

    _ = try Pipeline.run(plan(deals: "deals.csv"))
    #expect(bytes(folder) == passed)
    #expect(try FileManager.default.contentsOfDirectory(atPath: root) == ["2026-10"])
  }

  /// A file of the user's in the failed report's folder keeps it there: a passing run removes
  /// only a failed report that is wholly the tool's.
  @Test func aFailedReportHoldingAnotherFileIsLeftAlone() throws {
    let root = try CLI.temporaryFolder()
    let failed = try ReportFolder(replacing: root + "/2026-10.failed")
    try failed.commit([failed.write(RenderedFile("report.md", text: "failed\n"))])
    try "mine\n".write(toFile: root + "/2026-10.failed/notes.txt", atomically: true, encoding: .utf8)
    ReportFolder.removeFailedReport(beside: root + "/2026-10")
    #expect(try contents(root + "/2026-10.failed") == ["report.md": "failed\n", "notes.txt": "mine\n"])
  }

  @Test func everyReportFolderCarriesTheMarkerThatMakesItReplaceable() throws {
    let (_, folder) = try oldReport()
    let marker = try String(contentsOfFile: "\(folder)/\(OutputTarget.marker)", encoding: .utf8)
    #expect(marker.hasPrefix("This folder is a report written by referral-report."))
    #expect(try OutputTarget.classify(folder) == .ownReport)
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
    let files = [try kept.write(RenderedFile("report.md", text: "new\n")), try kept.write(RenderedFile("summary.json", text: "{}\n"))]
    #expect(try openFiles() == 3)  // the marker, report.md, summary.json
    try kept.commit(files)
    #expect(try openFiles() == 0)
    let dropped = try ReportFolder(replacing: folder)
    let dropping = try dropped.write(RenderedFile("report.md", text: "newer\n"))
    #expect(try openFiles() == 2)
    dropped.discard([dropping])
    #expect(try openFiles() == 0)
    #expect(try contents(folder) == ["report.md": "new\n", "summary.json": "{}\n"])
  }

  /// A file from 1 MiB on goes straight to the disk, not through the page cache (where the
  /// temporary folder's file system takes direct writes), but for its last partial 4 KiB
  /// block; a smaller one is written through the cache. Either reads back byte for byte: just
  /// under, at and over the threshold, over several 4 MiB chunks with a tail, and a whole
  /// number of blocks.
  @Test(arguments: [(1 << 20) - 1, 1 << 20, (9 << 20) + 4096 * 3 + 17, 5 << 20])
  func largeFilesGoStraightToTheDiskAndReadBackWhole(size: Int) throws {
    let root = try CLI.temporaryFolder()
    let folder = "\(root)/2026-10"
    // No block repeats another (a pattern repeating every chunk would hide a copy from the
    // wrong place).
    let bytes = (0..<size).map { UInt8(truncatingIfNeeded: ($0 &* 0x9E37_79B1) >> 24 ^ $0 >> 12) }
    let report = try ReportFolder(replacing: folder)
    try report.commit([report.write(RenderedFile("summary.json", bytes: bytes))])
    let path = "\(folder)/summary.json"
    let (cached, pages) = try Self.cachedPages(of: path)
    if size < 1 << 20 {
      #expect(cached == pages)
    } else if Self.takesDirectWrites(root) {
      #expect(cached == (size % 4096 == 0 ? 0 : 1))
    }
    #expect(FileManager.default.contents(atPath: path) == Data(bytes))
  }

  /// A file handed on in pieces (`summary.json` while it is rendered) reads back whole, only
  /// the first `count` bytes of each piece's buffer written; its pieces of whole 4 KiB blocks
  /// go straight to the disk, as one piece would.
  @Test func aFileWrittenInPiecesReadsBackWhole() throws {
    let root = try CLI.temporaryFolder()
    let folder = "\(root)/2026-10"
    let size = (9 << 20) + 4096 * 3 + 17
    let bytes = (0..<size).map { UInt8(truncatingIfNeeded: ($0 &* 0x9E37_79B1) >> 24 ^ $0 >> 12) }
    let cuts = [0, 4 << 20, 8 << 20, size]
    let report = try ReportFolder(replacing: folder)
    let file = RenderedFile("summary.json") { drain in
      for (start, end) in zip(cuts, cuts.dropFirst()) {
        // A buffer longer than its piece: what follows `count` is not the file's.
        drain(Array(bytes[start..<end]) + [0xFF, 0xFF], end - start)
      }
    }
    try report.commit([report.write(file)])
    let path = "\(folder)/summary.json"
    // (Looked at before the file is read back, which caches it.)
    if Self.takesDirectWrites(root) { #expect(try Self.cachedPages(of: path).cached == 1) }
    #expect(FileManager.default.contents(atPath: path) == Data(bytes))
  }

  /// How many of the file's pages are in the page cache, of how many (`mincore`).
  static func cachedPages(of path: String) throws -> (cached: Int, pages: Int) {
    let descriptor = open(path, O_RDONLY)
    defer { close(descriptor) }
    var status = stat()
    try #require(descriptor >= 0 && fstat(descriptor, &status) == 0)
    let size = Int(status.st_size)
    let mapped = try #require(mmap(nil, size, PROT_READ, MAP_SHARED, descriptor, 0))
    defer { munmap(mapped, size) }
    var vector = [UInt8](repeating: 0, count: (size + 4095) / 4096)
    try #require(mincore(mapped, size, &vector) == 0)
    return (vector.filter { $0 & 1 == 1 }.count, vector.count)
  }

  /// Whether files in `folder` are written around the page cache: it is on a disk file system
  /// known to take direct writes as such (its longest mount point in `/proc/mounts`), not on
  /// memory (tmpfs), btrfs (which may buffer a direct write, as for compressed files) or an
  /// unknown one.
  static func takesDirectWrites(_ folder: String) -> Bool {
    let mounts = (try? String(contentsOfFile: "/proc/mounts", encoding: .utf8)) ?? ""
    var found: (mountPoint: String, type: String)?
    for line in mounts.split(separator: "\n") {
      let fields = line.split(separator: " ").map(String.init)
      guard fields.count > 2, fields[1] == "/" || folder.hasPrefix(fields[1] + "/") else { continue }
      if fields[1].count >= found?.mountPoint.count ?? 0 { found = (fields[1], fields[2]) }
    }
    return found.map { ["ext4", "xfs"].contains($0.type) } ?? false
  }

  @Test func aFileThatCannotBeWrittenFailsWithTheFolderAndReasonAndLeavesTheOldReport() throws {
    let (root, folder) = try oldReport()
    let second = try ReportFolder(replacing: folder)
    #expect(throws: RunError.output(path: folder, reason: "No such file or directory")) {
      _ = try second.write(RenderedFile("missing/report.md", text: "new\n"))
    }
    second.discard([])
    #expect(try contents(folder) == ["report.md": "old\n"])
    #expect(try FileManager.default.contentsOfDirectory(atPath: root) == ["2026-10"])
  }

  /// The tables and task lists live in subfolders, which the marker lists file by file: a new
  /// report replaces the old one whole (a table the new one lacks goes with the old report).
  @Test func subfoldersOfTheReportAreListedInTheMarkerAndReplacedWhole() throws {
    let root = try CLI.temporaryFolder()
    let folder = "\(root)/2026-10"
    let first = try ReportFolder(replacing: folder, files: ["report.md", "tables/a.csv", "tables/b.csv"])
    try first.commit(["report.md", "tables/a.csv", "tables/b.csv"].map { try first.write(RenderedFile($0, text: "1\n")) })
    #expect(try OutputTarget.classify(folder) == .ownReport)
    let second = try ReportFolder(replacing: folder, files: ["report.md", "tables/a.csv"])
    try second.commit(["report.md", "tables/a.csv"].map { try second.write(RenderedFile($0, text: "2\n")) })
    #expect(try FileManager.default.subpathsOfDirectory(atPath: folder).sorted() == [OutputTarget.marker, "report.md", "tables", "tables/a.csv"])
    #expect(try String(contentsOfFile: "\(folder)/tables/a.csv", encoding: .utf8) == "2\n")
    #expect(try FileManager.default.contentsOfDirectory(atPath: root) == ["2026-10"])
  }

  /// A file someone put into the report's `tables/` is theirs: the next run stops and keeps it.
  @Test func aFileAddedToTheTablesFolderIsNotReplaced() throws {
    let root = try CLI.temporaryFolder()
    let folder = "\(root)/2026-10"
    let first = try ReportFolder(replacing: folder, files: ["report.md", "tables/a.csv"])
    try first.commit(["report.md", "tables/a.csv"].map { try first.write(RenderedFile($0, text: "1\n")) })
    try "mine".write(toFile: "\(folder)/tables/pivot.csv", atomically: true, encoding: .utf8)
    #expect(throws: RunError.outputInTheWay(path: folder, .foreignFile("tables/pivot.csv"))) {
      try ReportFolder(replacing: folder, files: ["report.md", "tables/a.csv"])
    }
    #expect(try String(contentsOfFile: "\(folder)/tables/pivot.csv", encoding: .utf8) == "mine")
    // A subfolder the marker does not list is foreign as a whole.
    try FileManager.default.createDirectory(atPath: "\(folder)/charts", withIntermediateDirectories: true)
    try FileManager.default.removeItem(atPath: "\(folder)/tables/pivot.csv")
    #expect(throws: OutputObstacle.foreignFile("charts")) { try OutputTarget.classify(folder) }
  }

  // MARK: What is not the tool's to replace

  /// A folder of someone's files (`~/Documents`): refused before anything is written, and
  /// every file is still there.
  @Test func aFolderOfSomeonesFilesIsNeverReplaced() throws {
    let root = try CLI.temporaryFolder()
    let documents = "\(root)/Documents"
    try FileManager.default.createDirectory(atPath: "\(documents)/photos", withIntermediateDirectories: true)
    try "tax".write(toFile: "\(documents)/taxes.txt", atomically: true, encoding: .utf8)
    #expect(throws: RunError.outputInTheWay(path: documents, .foreignFile("photos"))) { try ReportFolder(replacing: documents) }
    #expect(try FileManager.default.contentsOfDirectory(atPath: documents).sorted() == ["photos", "taxes.txt"])
    #expect(try FileManager.default.contentsOfDirectory(atPath: root) == ["Documents"])  // no staging made
  }

  /// A report folder someone added a file to: the file is theirs, so the run stops.
  @Test func aReportFolderWithAFileAddedIsNotReplaced() throws {
    let (_, folder) = try oldReport()
    try "mine".write(toFile: "\(folder)/notes.txt", atomically: true, encoding: .utf8)
    #expect(throws: RunError.outputInTheWay(path: folder, .foreignFile("notes.txt"))) { try ReportFolder(replacing: folder) }
    #expect(try contents(folder) == ["report.md": "old\n", "notes.txt": "mine"])
  }

  /// A file dropped into the old report while the new one renders stops the swap too.
  @Test func aFileAddedDuringTheRunStopsTheSwap() throws {
    let (root, folder) = try oldReport()
    let second = try ReportFolder(replacing: folder)
    let file = try second.write(RenderedFile("report.md", text: "new\n"))
    try "mine".write(toFile: "\(folder)/notes.txt", atomically: true, encoding: .utf8)
    #expect(throws: RunError.outputInTheWay(path: folder, .foreignFile("notes.txt"))) { try second.commit([file]) }
    #expect(try contents(folder) == ["report.md": "old\n", "notes.txt": "mine"])
    #expect(try FileManager.default.contentsOfDirectory(atPath: root) == ["2026-10"])
  }

  @Test func aRegularFileOrASymbolicLinkInTheWayIsRefused() throws {
    let (root, folder) = try oldReport()
    try "keep".write(toFile: "\(root)/some-file.txt", atomically: true, encoding: .utf8)
    #expect(throws: RunError.outputInTheWay(path: "\(root)/some-file.txt", .notAFolder)) { try ReportFolder(replacing: "\(root)/some-file.txt") }
    #expect(try String(contentsOfFile: "\(root)/some-file.txt", encoding: .utf8) == "keep")
    try FileManager.default.createSymbolicLink(atPath: "\(root)/latest", withDestinationPath: "2026-10")
    #expect(throws: RunError.outputInTheWay(path: "\(root)/latest", .symbolicLink)) { try ReportFolder(replacing: "\(root)/latest") }
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: "\(root)/latest") == "2026-10")
    #expect(try contents(folder) == ["report.md": "old\n"])
  }

  /// Report-like names alone do not make a report: a folder holding only someone's
  /// `report.md` is theirs; the whole report of an older version (no marker) is the tool's.
  @Test func aFolderWithoutTheMarkerIsTheToolsOnlyWhenItHoldsExactlyTheReport() throws {
    let root = try CLI.temporaryFolder()
    try FileManager.default.createDirectory(atPath: "\(root)/mine", withIntermediateDirectories: true)
    try "my report".write(toFile: "\(root)/mine/report.md", atomically: true, encoding: .utf8)
    #expect(throws: OutputObstacle.notAReport) { try OutputTarget.classify("\(root)/mine") }
    try FileManager.default.createDirectory(atPath: "\(root)/old", withIntermediateDirectories: true)
    for name in OutputTarget.reportFiles { try "x".write(toFile: "\(root)/old/\(name)", atomically: true, encoding: .utf8) }
    #expect(try OutputTarget.classify("\(root)/old") == .ownReport)
    #expect(try OutputTarget.classify("\(root)/absent") == .missing)
    try FileManager.default.createDirectory(atPath: "\(root)/empty", withIntermediateDirectories: true)
    #expect(try OutputTarget.classify("\(root)/empty") == .empty)
  }

  /// The current folder, a folder around it, and a folder holding a file the run reads.
  @Test func theCurrentFolderAndAFolderOfInputsAreRefused() throws {
    let root = try CLI.temporaryFolder()
    #expect(throws: OutputObstacle.currentFolder) { try OutputTarget.classify(".") }
    #expect(throws: OutputObstacle.currentFolder) { try OutputTarget.classify(FileManager.default.currentDirectoryPath + "/..") }
    try FileManager.default.createDirectory(atPath: "\(root)/data", withIntermediateDirectories: true)
    for name in OutputTarget.reportFiles { try "x".write(toFile: "\(root)/data/\(name)", atomically: true, encoding: .utf8) }
    #expect(throws: OutputObstacle.holdsInput("\(root)/data/rejects.csv")) {
      try OutputTarget.classify("\(root)/data", protecting: ["\(root)/elsewhere.csv", "\(root)/data/rejects.csv"])
    }
  }

  /// A killed run's staging folder (its process gone, only the tool's files inside) is
  /// removed by the next run; one of a live process, or holding anything else, is left alone.
  @Test func onlyTheToolsOwnLeftoverStagingFoldersAreRemoved() throws {
    let (root, folder) = try oldReport()
    let manager = FileManager.default
    func staging(pid: Int32, files: [String]) throws -> String {
      let path = "\(root)/.2026-10.tmp-\(pid)"
      try manager.createDirectory(atPath: path, withIntermediateDirectories: true)
      for name in files { try "x".write(toFile: "\(path)/\(name)", atomically: true, encoding: .utf8) }
      return path
    }
    let gone: Int32 = 2_000_000_000  // above Linux's largest process id: no such process
    let killed = try staging(pid: gone, files: [OutputTarget.marker, "report.md"])
    let foreign = try staging(pid: gone - 1, files: [OutputTarget.marker, "photo.jpg"])
    let live = try staging(pid: 1, files: [OutputTarget.marker])
    let notOurs = "\(root)/.2026-10.tmp-backup"
    try manager.createDirectory(atPath: notOurs, withIntermediateDirectories: true)
    let next = try ReportFolder(replacing: folder)
    try next.commit([])
    #expect(!manager.fileExists(atPath: killed))
    #expect(manager.fileExists(atPath: "\(foreign)/photo.jpg"))
    #expect(manager.fileExists(atPath: live))
    #expect(manager.fileExists(atPath: notOurs))
  }
}
