import ReferralCore
import ReferralImport

extension Dataset {
  /// The dataset a run makes of these exports with a config that declares the fields `absent`
  /// of each input (`[columns.deals] amount = false`): the way a run reads an export that lacks
  /// a key column, such as a deals export without amounts. For test targets that do not import
  /// the importer's options themselves.
  package static func importing(_ texts: [InputRole: String], absent: [InputRole: [Field]]) throws -> Dataset {
    var options = ImportOptions()
    for (role, fields) in absent {
      for field in fields { options.columns.declareAbsent(field, role: role) }
    }
    return try importing(texts, options: options)
  }
}
