import Foundation
import Testing

/// Runs the built `referral-report` executable, as a user or cron would.
struct CLI {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  static let fixtures = root.appendingPathComponent("Tests/ReferralPipelineTests/Fixtures").path
  static let binary = root.appendingPathComponent(".build/debug/referral-report").path

  /// What a run in the repository root says first: the project's config applies.
  static let configNote = "referral-report: config: referral-report.toml (found in the current folder; --config names another)\n"

  struct Output {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  /// Runs the tool with `arguments` in `directory` (the repository root by default), with
  /// `input` on its standard input and `environment` added to the test's.
  static func run(_ arguments: [String], in directory: String = root.path, input: Data? = nil, environment: [String: String] = [:]) throws -> Output {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: binary)
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: directory)
    if !environment.isEmpty { process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
    let out = Pipe()
    let err = Pipe()
    let stdin = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = stdin
    try process.run()
    if let input { stdin.fileHandleForWriting.write(input) }
    try stdin.fileHandleForWriting.close()
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Output(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
  }

  /// Runs `run` with `arguments` into a fresh folder, expecting `status`; the report's Markdown
  /// and JSON (from the folder beside it when the data check failed), and what the run said on
  /// standard error.
  static func report(_ arguments: [String], status: Int32 = 0) throws -> (markdown: String, json: String, stderr: String) {
    let out = try temporaryFolder() + "/r"
    let result = try run(["run"] + arguments + ["--out", out])
    #expect(result.status == status, "\(result.stderr)")
    let folder = status == 2 ? out + ".failed" : out
    return (
      try String(contentsOfFile: folder + "/report.md", encoding: .utf8), try String(contentsOfFile: folder + "/summary.json", encoding: .utf8),
      result.stderr
    )
  }

  /// Runs another program (a shell script, the HTML checker, a browser) from the repository
  /// root, found on the PATH; standard output and error together.
  static func tool(_ name: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [name] + arguments
    process.currentDirectoryURL = root
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let output = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: output, as: UTF8.self))
  }

  /// A fresh folder, inside one per test process that is removed when the process exits.
  static func temporaryFolder() throws -> String {
    let path = processFolder + "/" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }
}

/// The folder of this test process's temporary folders, removed when the process exits.
private let processFolder: String = {
  let path = NSTemporaryDirectory() + "referral-report-cli-\(getpid())"
  atexit { try? FileManager.default.removeItem(atPath: processFolder) }
  return path
}()
