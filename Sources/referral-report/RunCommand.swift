import ArgumentParser
import ReferralPipeline

struct RunCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run",
    abstract: "Import the exports, attribute them, and write the report folder.",
    discussion: """
      Writes report.md, report.html, summary.json and rejects.csv into --out (default Reports/<period>/), \
      atomically: a failed or killed run leaves the previous report as it was.
      """
  )

  @OptionGroup var inputs: InputOptions

  @Option(help: "Output folder (default: Reports/<period>).")
  var out: String?

  func run() throws {
    try Diagnostics.exit {
      let outcome = try Pipeline.run(inputs.plan(output: out))
      print("wrote \(outcome.folder!)/ (report.md, report.html, summary.json, rejects.csv)")
      return outcome
    }
  }
}
