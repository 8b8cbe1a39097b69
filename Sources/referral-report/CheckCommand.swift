import ArgumentParser
import ReferralImport
import ReferralPipeline
import ReferralRender

struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Validate the exports and the config, print the data-quality summary, write nothing.",
    discussion: "Exits as `run` would (2 when an input's rejected share passes --max-reject-rate)."
  )

  @OptionGroup var inputs: InputOptions

  func run() throws {
    try Diagnostics.exit {
      let plan = try inputs.plan()
      let bar = ProgressBar.make(for: plan.files.all)
      let outcome = try Pipeline.analyse(plan) { role, bytes, _ in bar?.update(role, bytesRead: bytes) }
      bar?.finish()
      print(CheckSummary.render(outcome.result))
      return outcome
    }
  }
}
