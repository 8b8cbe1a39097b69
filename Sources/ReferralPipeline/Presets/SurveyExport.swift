import ReferralCore
import ReferralImport

/// A survey tool's export, read as the feedback input unedited whatever CRM the other exports
/// come from: its header names are known under every preset (``Preset/columns``), so the export
/// is recognised by its header as a CRM's is. One file per tool holds its value; ``all`` lists
/// them.
package struct SurveyExport: Sendable {
  /// The export's header names per feedback field (the generic names always work too).
  package let columns: [Field: [String]]

  /// The survey exports the feedback input knows.
  static let all: [SurveyExport] = [.askNicely]

  /// Every known export's names per feedback field, in the order of ``all``.
  static var feedbackColumns: [Field: [String]] {
    all.reduce(into: [:]) { merged, export in
      for (field, headers) in export.columns { merged[field, default: []].append(contentsOf: headers) }
    }
  }
}
