import ArgumentParser
import ReferralCore
import ReferralPipeline
import ReferralSample

struct SampleCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sample",
    abstract: "Generate realistic CRM exports of a fictional company, for demos and benchmarks.",
    discussion: """
      Writes \(files) in the generic layout, covering the 14 months up to --last-month. The same options always give the same bytes.
      """
  )

  /// The files the sample writes, one per input: "leads.csv, deals.csv … and asks.csv".
  static let files: String = {
    let names = InputRole.allCases.map { "\($0.rawValue).csv" }
    return names.dropLast().joined(separator: ", ") + " and " + names.last!
  }()

  @Option(help: "Number of leads to generate.")
  var leads: Int = 400

  @Option(help: "Seed of the generator.")
  var seed: UInt64 = 1

  @Option(help: "The last month of data, YYYY-MM.")
  var lastMonth: String = "2026-10"

  @Option(help: "Share of rows made deliberately bad, to exercise rejects (0 for none).")
  var badRowRate: Double = 0.002

  @Option(help: "Marketing and sales touches per lead in touches.csv, on average (the benchmark uses 10).")
  var touchesPerLead: Int = 6

  @Option(help: "Folder to write the exports into.")
  var out: String

  @Option(help: "Also write leads.csv and deals.csv as this CRM exports them, into <out>/<crm>/ (\(Preset.crmNames)).")
  var crm: [Preset] = []

  func validate() throws {
    guard leads > 0 else { throw ValidationError("--leads must be positive") }
    guard (0...0.5).contains(badRowRate) else { throw ValidationError("--bad-row-rate must be between 0 and 0.5") }
    guard (0...100).contains(touchesPerLead) else { throw ValidationError("--touches-per-lead must be between 0 and 100") }
    guard Month(lastMonth) != nil else { throw ValidationError("--last-month '\(lastMonth)' is not YYYY-MM") }
    guard !crm.contains(.generic) else { throw ValidationError("--crm generic is what the sample writes anyway; choose \(Preset.crmNames)") }
    guard !crm.contains(.marketo) else { throw ValidationError("--crm marketo: Marketo has no bulk extract of deals to imitate; choose \(Preset.crmNames)") }
  }

  func run() throws {
    var generator = SampleGenerator(leadCount: leads, seed: seed, lastMonth: Month(lastMonth)!)
    generator.badRowRate = badRowRate
    generator.touchesPerLead = touchesPerLead
    try generator.write(to: out)
    print("wrote \(out)/ (\(InputRole.allCases.map { "\($0.rawValue).csv" }.joined(separator: ", ")))")
    for preset in crm {
      try CRMExport(preset: preset).convert(genericFolder: out, to: "\(out)/\(preset.rawValue)")
      print("wrote \(out)/\(preset.rawValue)/ (leads.csv, deals.csv as \(preset.rawValue) exports them)")
    }
  }
}
