import ArgumentParser
import Foundation
import ReferralPipeline

/// The options that set a run up, whatever it reads: the config file and the CRM preset.
struct SetupOptions: ParsableArguments {
  @Option(help: "The config file (default: referral-report.toml when it exists in the current folder).")
  var config: String?

  @Option(help: "The CRM the exports come from: \(Preset.names) (default: the config's, else generic).")
  var preset: Preset?

  /// The configuration these options name, with the preset applied.
  func configuration() throws(RunError) -> Configuration {
    var configuration = Configuration()
    do {
      if let config {
        configuration = try ConfigLoader.load(file: config)
      } else if FileManager.default.fileExists(atPath: ConfigLoader.defaultFile) {
        configuration = try ConfigLoader.load(file: ConfigLoader.defaultFile)
      }
    } catch {
      throw .config(error)
    }
    if let preset, preset != configuration.preset { configuration.apply(preset) }
    return configuration
  }
}

extension Preset: ExpressibleByArgument {}
