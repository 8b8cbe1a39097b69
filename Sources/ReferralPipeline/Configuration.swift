import ReferralAttribution
import ReferralCore
import ReferralImport

/// Everything a run is set up with: what the config file says, with the spec's defaults for
/// whatever it leaves out. The CLI's options override it.
public struct Configuration: Sendable {
  /// The config file this was read from (`nil`: the defaults, no file).
  public var file: String?
  /// Input paths from the config (`[inputs]`, one key per ``InputRole``); the CLI's `--leads`
  /// etc. win.
  public var inputs = InputFiles()
  public var preset: Preset = .generic
  public var importOptions = ImportOptions()
  public var attribution = AttributionOptions()
  /// Rejected share of any input above which the run fails (after writing the report); kept in
  /// the attribution options, where the report's status is decided.
  public var maxRejectRate: Double {
    get { attribution.maxRejectRate }
    set { attribution.maxRejectRate = newValue }
  }
  /// Folder under which `<period>/` is written.
  public var outputRoot = "Reports"

  public init() {}

  /// Switches to a CRM's column layout, stage values and source aliases.
  public mutating func apply(_ preset: Preset) {
    self.preset = preset
    let definition = preset.definition
    importOptions.columns = definition.columns
    importOptions.stages.add(definition.wonStages, as: .won)
    importOptions.stages.add(definition.lostStages, as: .lost)
    importOptions.stages.add(definition.openStages, as: .open)
    preset.adjust(&attribution.catalogue)
  }
}
