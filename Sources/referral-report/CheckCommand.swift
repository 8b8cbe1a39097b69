import ArgumentParser
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
      let outcome = try Pipeline.analyse(inputs.plan())
      print(CheckSummary.render(outcome.result))
      return outcome
    }
  }
}
