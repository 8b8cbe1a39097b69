import ArgumentParser
import ReferralAttribution
import ReferralPipeline
import ReferralRender

struct ChannelsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "channels",
    abstract: "List the source catalogue: every channel, whether it counts as referral, and the source values that map onto it.",
    discussion: "The built-in catalogue with the preset's and the config's [channels] additions, as a run would use it."
  )

  @OptionGroup var setup: SetupOptions

  func run() throws {
    do {
      let (configuration, note) = try setup.configuration()
      if let note { setup.note(note) }
      print(CatalogueText.render(configuration.attribution.catalogue))
    } catch {
      Diagnostics.printError(error.description)
      throw ExitCode(error.exitStatus.rawValue)
    }
  }
}
