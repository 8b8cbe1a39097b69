import ArgumentParser
import ReferralImport
import ReferralPipeline
import ReferralRender

struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Validate the exports and the config, print the data-quality summary, write nothing.",
    discussion: "Exits as `run` would (2 when an input's rejected share passes --max-reject-rate); with --json the exit code is in `status` too."
  )

  @OptionGroup var inputs: InputOptions

  @Flag(help: "Print the summary as JSON (status, period, coverage, inputs, data_quality: the keys summary.json gives them).")
  var json = false

  func run() throws {
    let setup = inputs.setup
    try Diagnostics.exit {
      let plan = try inputs.plan()
      let bar = ProgressBar.make(for: plan.files.all, quiet: setup.quiet || json, always: setup.progress)
      let outcome = try Pipeline.analyse(plan, progress: { role, bytes, _ in bar?.update(role, bytesRead: bytes) }, stage: { bar?.enter($0) })
      bar?.finish()
      if setup.verbose { Diagnostics.timings(outcome) }
      print(json ? CheckSummary.json(outcome.result) : CheckSummary.render(outcome.result))
      return outcome
    }
  }
}
