import ArgumentParser
import ReferralImport
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
      let plan = try inputs.plan(output: out)
      let bar = ProgressBar.make(for: plan.files.all)
      defer { bar?.finish() }
      let outcome = try Pipeline.run(plan) { role, bytes, _ in bar?.update(role, bytesRead: bytes) }
      print("wrote \(outcome.folder!)/ (report.md, report.html, summary.json, rejects.csv)")
      return outcome
    }
  }
}
