import ArgumentParser
import CSystemShims
import ReferralPipeline

@main
struct ReferralReportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "referral-report",
    abstract: "Where does our business come from, and are referrals pulling their weight?",
    discussion: HelpText.discussion,
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
