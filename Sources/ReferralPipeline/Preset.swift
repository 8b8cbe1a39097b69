import ReferralAttribution
import ReferralImport

/// Column layouts of the exports of common CRMs.
public enum Preset: String, Sendable, CaseIterable {
  case generic

  /// The header names of this CRM's exports, per input and field.
  public var columns: ColumnNames { ColumnNames() }
}
