import ArgumentParser
import CSystemShims
import ReferralPipeline

@main
struct ReferralReportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "referral-report",
    abstract: "Where does our business come from, and are referrals pulling their weight?",
    discussion: """
      Reads CRM exports (leads, deals, and optionally marketing spend and referral payouts),
      attributes them to lead sources, and writes report.md, summary.json and rejects.csv.

      Exit codes: 0 success; 1 internal error; 2 report written but an input's rejected share \
      passed --max-reject-rate; 64 usage; 65 bad input content (missing column, empty file, \
      ambiguous dates); 66 input or config file missing or unreadable; 69 the nightly job cannot \
      run (scripts/nightly.sh: no binary, no swift); 73 output not writable; 78 invalid config.
      """,
    version: ToolVersion.current,
    subcommands: [RunCommand.self, CheckCommand.self, ChannelsCommand.self, SampleCommand.self],
    defaultSubcommand: nil
  )

  /// Every command starts with large allocations mapped on their own, so the columns of a large
  /// import that grow or are let go return their memory (see `shims_map_large_allocations`).
  static func main() {
    _ = shims_map_large_allocations(1 << 18)
    main(nil)
  }
}
