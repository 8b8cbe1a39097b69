import ArgumentParser
import Foundation
import ReferralPipeline

/// The one place that turns outcomes and errors into messages on standard error and exit codes.
enum Diagnostics {
  static func exit(_ body: () throws -> RunOutcome) throws {
    do {
      let outcome = try body()
      for message in outcome.thresholdMessages { printError(message) }
      if outcome.exitStatus != .success { throw ExitCode(outcome.exitStatus.rawValue) }
    } catch let error as RunError {
      printError(error.description)
      throw ExitCode(error.exitStatus.rawValue)
    }
  }

  /// `--verbose`: how long each stage took, and the run's peak memory.
  static func timings(_ outcome: RunOutcome) {
    let stages = outcome.timings.map { "\($0.stage.rawValue) \(String(format: "%.3f", $0.seconds)) s" }
    printError("timings: " + stages.joined(separator: ", ") + (peakMemory().map { "; peak memory \($0 / 1024) MB" } ?? ""))
  }

  /// The process's peak resident memory in kB (`VmHWM`), of its own program only: a parent's
  /// `wait4` figure also counts the memory the process had before it became this program.
  static func peakMemory() -> Int? {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
      let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") })
    else { return nil }
    return Int(line.split(separator: " ").dropFirst().first ?? "")
  }

  static func printError(_ message: String) {
    FileHandle.standardError.write(Data(("referral-report: " + message + "\n").utf8))
  }
}
