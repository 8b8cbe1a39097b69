import ReferralAttribution
import ReferralCore
import ReferralImport

/// Everything a run is set up with: what the config file says, with the spec's defaults for
/// whatever it leaves out. The CLI's options override it.
package struct Configuration: Sendable {
  /// The config file this was read from (`nil`: the defaults, no file).
  package var file: String?
  /// Input paths from the config (`[inputs]`, one key per ``InputRole``); the CLI's `--leads`
  /// etc. win.
  package var inputs = InputFiles()
  package var preset: Preset = .generic
  /// The generic layout's names until a preset is applied (the survey exports' among them).
  package var importOptions = ImportOptions(columns: Preset.generic.columns)
  package var attribution = AttributionOptions()
  /// Rejected share of any input above which the run fails (after writing the report); kept in
  /// the attribution options, where the report's status is decided.
  package var maxRejectRate: Double {
    get { attribution.maxRejectRate }
    set { attribution.maxRejectRate = newValue }
  }
  /// Folder under which `<period>/` is written.
  package var outputRoot = "Reports"
  /// The config file's own column, stage and channel mappings, which go on top of the preset's.
  package private(set) var mappings = Mappings()

  /// What the config file maps itself (`[columns]`, `[stages]`, `[channels]`), in the order it
  /// says it, kept apart from the preset so that a preset chosen after the file was read
  /// (`--preset`) goes under them just as `[inputs] preset` does.
  package struct Mappings: Sendable {
    /// A column mapped onto a header, or declared absent (`header` `nil`: `field = false`).
    var columns: [(role: InputRole, field: Field, header: String?)] = []
    var stages: [(values: [String], outcome: DealOutcome)] = []
    var channels: [(name: String, referral: Bool, aliases: [String])] = []
  }

  package init() {}

  /// Switches to a CRM's column layout, stage values and source aliases, with the config's own
  /// mappings on top: the one rule for combining a preset and a config, whether the preset is
  /// named in the config or on the command line. It rebuilds them from the defaults, so
  /// applying a preset after another leaves nothing of the first.
  package mutating func apply(_ preset: Preset) {
    self.preset = preset
    let definition = preset.definition
    importOptions.columns = preset.columns
    importOptions.stages = .standard
    importOptions.stages.add(definition.wonStages, as: .won)
    importOptions.stages.add(definition.lostStages, as: .lost)
    importOptions.stages.add(definition.openStages, as: .open)
    attribution.catalogue = .standard
    preset.adjust(&attribution.catalogue)
    for column in mappings.columns {
      if let header = column.header {
        importOptions.columns.override(column.field, role: column.role, header: header)
      } else {
        importOptions.columns.declareAbsent(column.field, role: column.role)
      }
    }
    for stage in mappings.stages { importOptions.stages.add(stage.values, as: stage.outcome) }
    for channel in mappings.channels { attribution.catalogue.add(channel.name, referral: channel.referral, aliases: channel.aliases) }
  }

  /// The config maps `field` of `role` onto `header` (over the preset's names).
  mutating func map(_ field: Field, role: InputRole, header: String) {
    mappings.columns.append((role, field, header))
    importOptions.columns.override(field, role: role, header: header)
  }

  /// The config declares that the exports of `role` have no `field` column (over the preset's
  /// names, which are then never looked for).
  mutating func declareAbsent(_ field: Field, role: InputRole) {
    mappings.columns.append((role, field, nil))
    importOptions.columns.declareAbsent(field, role: role)
  }

  /// The config maps stage `values` onto `outcome` (over the preset's and the standard ones).
  mutating func map(stages values: [String], as outcome: DealOutcome) {
    mappings.stages.append((values, outcome))
    importOptions.stages.add(values, as: outcome)
  }

  /// The config adds (or re-routes) channel `name` and its aliases (over the preset's).
  mutating func map(channel name: String, referral: Bool, aliases: [String]) {
    mappings.channels.append((name, referral, aliases))
    attribution.catalogue.add(name, referral: referral, aliases: aliases)
  }
}
