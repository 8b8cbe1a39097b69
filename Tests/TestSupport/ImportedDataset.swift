import Foundation
import ReferralCore
import ReferralImport

extension Dataset {
  /// The dataset a run makes of these exports, one CSV text per input: written to files of a
  /// temporary folder (named `<input>.csv`, so rejects and names read as a run's) and read by
  /// the importer. Tests build their datasets this way, so what they check is what a run
  /// computes from the same files.
  package static func importing(_ texts: [InputRole: String], options: ImportOptions = ImportOptions()) throws -> Dataset {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("referral-report-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    var files = InputFiles()
    for (role, text) in texts {
      let path = folder.appendingPathComponent("\(role.rawValue).csv").path
      try Data(text.utf8).write(to: URL(fileURLWithPath: path))
      files[role] = path
    }
    return try Importer.load(files, options: options)
  }

  /// The leads as values, for inspecting what an import made.
  package var leads: [Lead] { leadTable.indices.map { leadTable[$0] } }

  /// The deals as values, like ``leads``.
  package var deals: [Deal] { dealTable.indices.map { dealTable[$0] } }

  /// The asks as values, like ``leads``.
  package var asks: [Ask] { askTable.indices.map { askTable[$0] } }

  /// The feedback answers as values, like ``leads``.
  package var answers: [Answer] { feedbackTable.indices.map { feedbackTable[$0] } }

  /// The payouts as values, like ``leads``.
  package var payouts: [Payout] { payoutTable.indices.map { payoutTable[$0] } }
}
