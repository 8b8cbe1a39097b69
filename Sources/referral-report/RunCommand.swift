import ArgumentParser
import ReferralAttribution
import ReferralImport
import ReferralPipeline
import ReferralRender

struct RunCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run",
    abstract: "Import the exports, attribute them, and write the report folder.",
    discussion: """
      Writes report.md, report.html, summary.json, rejects.csv, tables/ (every table as CSV) and tasks/ \
      (the action lists as CRM tasks) into --out (default Reports/<period>/), \
      atomically: a failed or killed run leaves the previous report as it was. A run whose data check \
      fails (exit 2) writes beside it instead, into <folder>.failed/, so a report that passed is never \
      overwritten; the next run that passes removes that folder.
      """
  )

  @OptionGroup var inputs: InputOptions

  @Option(help: "Output folder (default: Reports/<period>); a run whose data check fails writes <folder>.failed beside it.")
  var out: String?

  func run() throws {
    let setup = inputs.setup
    try Diagnostics.exit {
      let plan = try inputs.plan(output: out)
      let bar = ProgressBar.make(for: plan.files.all, quiet: setup.quiet, always: setup.progress)
      defer { bar?.finish() }
      let outcome = try Pipeline.run(plan, progress: { role, bytes, _ in bar?.update(role, bytesRead: bytes) }, stage: { bar?.enter($0) })
      bar?.finish()
      if setup.verbose { Diagnostics.timings(outcome) }
      // Said at the top of the report too; here for whoever reads only the job's log.
      for notice in outcome.result.notices { setup.note(CheckSummary.line(notice)) }
      if !setup.quiet { print("wrote \(outcome.folder!)/ (report.md, report.html, summary.json, rejects.csv, tables/, tasks/)") }
      if let message = outcome.failedFolderMessage { setup.note(message) }
      return outcome
    }
  }
}
