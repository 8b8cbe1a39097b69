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

  /// `--verbose`: how long each stage took.
  static func timings(_ outcome: RunOutcome) {
    let stages = outcome.timings.map { "\($0.stage.rawValue) \(String(format: "%.3f", $0.seconds)) s" }
    printError("timings: " + stages.joined(separator: ", "))
  }

  static func printError(_ message: String) {
    FileHandle.standardError.write(Data(("referral-report: " + message + "\n").utf8))
  }
}
