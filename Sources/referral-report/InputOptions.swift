import ArgumentParser
import Foundation
import ReferralAttribution
import ReferralCore
import ReferralImport
import ReferralPipeline

/// The options `run` and `check` share: which files, which period, which rules.
struct InputOptions: ParsableArguments {
  @Option(help: "The leads export (CSV or Excel .xlsx; - reads standard input). A run needs leads, deals or both, here or in the config.")
  var leads: String?

  @Option(help: "The deals/opportunities export (CSV or .xlsx). Without it, a leads export's stage column gives the outcomes.")
  var deals: String?

  @Option(help: "The marketing spend export (CSV or .xlsx), optional.")
  var spend: String?

  @Option(help: "The referral payouts export (CSV or .xlsx), optional.")
  var payouts: String?

  @Option(help: "The referral requests export (CSV or .xlsx: who asked which customer, when; a task or activity export with [asks] activities), optional.")
  var asks: String?
  @Option(
    help:
      "The touches export (CSV or .xlsx: one row per marketing or sales touch of a lead: lead_id, touched_at, channel), optional: the attribution models."
  )
  var touches: String?

  @Option(
    help: "The feedback survey export (CSV or .xlsx: which customer answered, when, the score on [feedback] scale, an optional comment), optional.")
  var feedback: String?

  @OptionGroup var setup: SetupOptions

  @Option(help: "Report on one month, YYYY-MM (default: the month where the data ends; rows dated far past the rest are warnings, not the period).")
  var month: String?

  @Option(help: "First day of a custom period, YYYY-MM-DD (with --to).")
  var from: String?

  @Option(help: "Last day of a custom period, YYYY-MM-DD (with --from).")
  var to: String?

  @Flag(help: "Report on all the data, from its first day to where it ends (instead of one month).")
  var all = false

  @Flag(help: "Report on a --month or --from/--to period that lies wholly before or after the data (an empty report) instead of stopping with exit 65.")
  var allowEmptyPeriod = false

  @Option(help: "Credit deals to their lead's source (lead, first touch) or to their own source (deal).")
  var attribution: AttributionModel?

  @Option(help: "Fail (exit 2) when more than this share of any input's rows is rejected (default 0.01).")
  var maxRejectRate: Double?

  /// The plan these options describe, on top of the configuration.
  func plan(output: String? = nil) throws(RunError) -> RunPlan {
    var (configuration, configNote) = try setup.configuration()
    if let attribution { configuration.attribution.model = attribution }
    if let maxRejectRate {
      guard (0...1).contains(maxRejectRate) else { throw .usage("--max-reject-rate must be between 0 and 1, e.g. 0.01 for 1%") }
      configuration.maxRejectRate = maxRejectRate
    }
    let files = try inputFiles(configuration, configNote: configNote)
    var plan = RunPlan(files: files, period: try period(), outputFolder: output, configuration: configuration)
    plan.wholeData = all
    plan.allowEmptyPeriod = allowEmptyPeriod
    return plan
  }

  /// The inputs of the run. When `--leads` or `--deals` is given, the command line names the
  /// dataset: no other input is taken from the config's `[inputs]`, so two datasets are never
  /// mixed in one report. Says on standard error which inputs the config supplied, or else
  /// `configNote` (which config file applies).
  func inputFiles(_ configuration: Configuration, configNote: String? = nil) throws(RunError) -> InputFiles {
    // The command line's input options, by role: the one list to extend for a new input.
    let options: [InputRole: String?] = [.leads: leads, .deals: deals, .spend: spend, .payouts: payouts, .asks: asks, .feedback: feedback, .touches: touches]
    let fromConfig = leads == nil && deals == nil
    var files = InputFiles()
    /// Each input's path and the config file it came from (`nil`: the command line).
    var origins: [(role: InputRole, path: String, config: String?)] = []
    for role in InputRole.allCases {
      if let given = options[role] ?? nil {
        origins.append((role, given, nil))
      } else if fromConfig, let configured = configuration.inputs[role] {
        origins.append((role, configured, configuration.file))
      } else {
        continue
      }
      files[role] = origins.last!.path
    }
    guard files[.leads] != nil || files[.deals] != nil else {
      throw .usage("no leads or deals export given; pass --leads FILE, --deals FILE or both (or name them under [inputs] in the config)")
    }
    let fromStandardInput = origins.filter { $0.path == "-" }.map { "--\($0.role.rawValue)" }
    if fromStandardInput.count > 1 {
      throw .usage("\(fromStandardInput.joined(separator: " and ")) both read standard input ('-'); only one input can")
    }
    if setup.verbose || origins.contains(where: { $0.config != nil }) {
      let named = origins.map { (role: $0.role.rawValue, path: $0.path, origin: $0.config ?? "the command line") }
      let oneOrigin = Set(named.map(\.origin)).count == 1
      let list = named.map { "\($0.role) \($0.path)" + (oneOrigin ? "" : " (from \($0.origin))") }
      if setup.verbose, let configNote { setup.note(configNote) }
      setup.note("inputs: " + list.joined(separator: ", ") + (oneOrigin ? " (from \(named[0].origin))" : ""))
    } else if let configNote {
      setup.note(configNote)
    }
    return files
  }

  func period() throws(RunError) -> Period? {
    if all, month != nil || from != nil || to != nil { throw .usage("--all cannot be combined with --month or --from/--to") }
    if let month {
      guard from == nil, to == nil else { throw .usage("--month cannot be combined with --from/--to") }
      guard let parsed = Month(month) else { throw .usage("--month '\(month)' is not YYYY-MM, e.g. 2026-10") }
      return Period(month: parsed)
    }
    switch (from, to) {
    case (nil, nil): return nil
    case (let from?, let to?):
      guard let start = Day(iso: from) else { throw .usage("--from '\(from)' is not a date YYYY-MM-DD") }
      guard let end = Day(iso: to) else { throw .usage("--to '\(to)' is not a date YYYY-MM-DD") }
      guard let period = Period(from: start, to: end) else { throw .usage("--from \(from) is after --to \(to)") }
      return period
    default:
      throw .usage("--from and --to go together; give both, or --month")
    }
  }
}

extension AttributionModel: ExpressibleByArgument {}
