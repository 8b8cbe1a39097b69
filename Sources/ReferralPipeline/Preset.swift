import ReferralAttribution
import ReferralCore
import ReferralImport

/// The CRMs (and marketing-automation platforms) whose exports the tool knows, selected with
/// `--preset` or `[inputs] preset`; the config's own mappings go on top. What each knows is
/// data, one file per CRM under `Presets/` (see ``CRMPreset``); adding a CRM is a case here and
/// a file there.
package enum Preset: String, Sendable, CaseIterable {
  case generic
  case salesforce
  case salesforceAPI = "salesforce-api"
  case hubspot
  case pipedrive
  case marketo

  /// Everything the tool knows about this CRM's exports.
  package var definition: CRMPreset {
    switch self {
    case .generic: .generic
    case .salesforce: .salesforce
    case .salesforceAPI: .salesforceAPI
    case .hubspot: .hubspot
    case .pipedrive: .pipedrive
    case .marketo: .marketo
    }
  }

  /// The header names of this CRM's exports, per input and field (generic names always work
  /// too), with those of the survey exports the feedback input knows (see ``SurveyExport``).
  package var columns: ColumnNames { definition.columns.adding(SurveyExport.feedbackColumns, role: .feedback) }

  /// Every preset's name, for help texts and messages: "generic, salesforce, salesforce-api, hubspot, pipedrive or marketo".
  package static var names: String { list(allCases) }
  /// The presets whose leads and deals exports `sample --crm` imitates: all but generic (what
  /// the sample is) and marketo (Marketo has no bulk extract of deals to imitate).
  package static var crmPresets: [Preset] { allCases.filter { $0 != .generic && $0 != .marketo } }
  /// ``crmPresets``, as ``names`` lists them.
  package static var crmNames: String { list(crmPresets) }

  private static func list(_ presets: [Preset]) -> String {
    let all = presets.map(\.rawValue)
    return all.dropLast().joined(separator: ", ") + " or " + all.last!
  }

  /// Adds the channels this CRM's source values mean to `catalogue`.
  func adjust(_ catalogue: inout Catalogue) {
    for channel in definition.sourceChannels { catalogue.add(channel.channel, referral: channel.referral, aliases: channel.aliases) }
  }
}
