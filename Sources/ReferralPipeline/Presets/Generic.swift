import ReferralImport

extension CRMPreset {
  /// The generic layout: the field names themselves as headers (see the README's Inputs).
  static let generic = CRMPreset(title: "generic CSV", columns: ColumnNames(), dialect: ExportDialect())
}
