import ArgumentParser
import Foundation
import ReferralPipeline

/// The options that set a run up, whatever it reads: the config file, the CRM preset, and how
/// much the run says.
struct SetupOptions: ParsableArguments {
  @Option(help: "The config file (default: $REFERRAL_REPORT_CONFIG, else referral-report.toml when it exists in the current folder).")
  var config: String?

  @Option(
    help:
      "The CRM the exports come from: \(Preset.names) (default: the config's, else generic); the config's own [columns], [stages] and [channels] stay on top of it."
  )
  var preset: Preset?

  @Flag(name: .shortAndLong, help: "Say nothing but errors: no progress bar, no notes, no 'wrote' line.")
  var quiet = false

  @Flag(name: .shortAndLong, help: "Also say which config and inputs were used, and how long each stage took.")
  var verbose = false

  @Flag(help: "Show the progress bar whatever the inputs' size (it shows by itself from 20 MB, on a terminal that is not TERM=dumb).")
  var progress = false

  /// A note on standard error, unless `--quiet`.
  func note(_ message: String) {
    if !quiet { Diagnostics.printError(message) }
  }

  /// The configuration these options name, with the preset applied, and the note that says
  /// which file it came from when the command line did not name one (`nil` otherwise, unless
  /// `--verbose`).
  func configuration() throws(RunError) -> (configuration: Configuration, note: String?) {
    if quiet, verbose { throw .usage("--quiet and --verbose contradict each other; give one") }
    var configuration = Configuration()
    var note: String?
    let environment = ProcessInfo.processInfo.environment[ConfigLoader.environmentVariable].flatMap { $0.isEmpty ? nil : $0 }
    do {
      if let config {
        configuration = try ConfigLoader.load(file: config)
        if verbose { note = "config: \(config)" }
      } else if let environment {
        configuration = try ConfigLoader.load(file: environment)
        note = "config: \(environment) (from \(ConfigLoader.environmentVariable))"
      } else if FileManager.default.fileExists(atPath: ConfigLoader.defaultFile) {
        configuration = try ConfigLoader.load(file: ConfigLoader.defaultFile)
        note = "config: \(ConfigLoader.defaultFile) (found in the current folder; --config names another)"
      } else if verbose {
        note = "config: none (the defaults)"
      }
    } catch {
      throw .config(error)
    }
    // The same rule as `[inputs] preset`: the config's own mappings stay on top.
    if let preset { configuration.apply(preset) }
    return (configuration, note)
  }
}

extension Preset: ExpressibleByArgument {}
