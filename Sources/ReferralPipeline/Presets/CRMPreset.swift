import ReferralCore
import ReferralImport

/// Everything the tool knows about one CRM's exports, as data: its header names, its stage
/// values, what its source values mean, and how its exports look (for `referral-report
/// sample --crm`). One file per CRM holds its value; ``Preset`` lists them.
package struct CRMPreset: Sendable {
  /// The CRM's name, as shown in help and the README.
  package var title: String
  /// The header names of the CRM's exports, per input and field (generic names always work too).
  package var columns: ColumnNames
  /// Stage values beyond the common ones.
  package var wonStages: [String] = []
  package var lostStages: [String] = []
  package var openStages: [String] = []
  /// Source values that mean something else in this CRM: channels added to the catalogue.
  package var sourceChannels: [SourceChannel] = []
  /// How the CRM writes its exports.
  package var dialect: ExportDialect

  /// A channel the CRM's source values map onto, and whether it is a referral channel.
  package struct SourceChannel: Sendable {
    package var channel: String
    package var referral: Bool
    package var aliases: [String]
  }
}

/// How a CRM writes an export: what `referral-report sample --crm` imitates, and what the
/// preset's tests read back.
package struct ExportDialect: Sendable {
  package enum Encoding: Sendable {
    case utf8
    case utf8WithByteOrderMark
    /// Excel's "Unicode Text": UTF-16LE with a byte-order mark.
    case utf16LittleEndian
  }

  package enum DateStyle: Sendable {
    /// `2026-10-31`, timestamps `2026-10-31 14:05`.
    case iso
    /// `10/31/2026`, timestamps `10/31/2026 2:05 PM`.
    case us
    /// `31.10.2026` (no time).
    case dotted
  }

  package var delimiter: Character = ","
  package var encoding: Encoding = .utf8
  package var dates: DateStyle = .iso
  /// Thousands grouping and decimal mark of amounts (`nil`: plain `1234.50`).
  package var grouping: (thousands: Character, decimal: Character)?
  /// The CRM's name for a won, a lost and each open stage (by the generic stage's letters,
  /// lower-cased: `negotiation`, `proposal`, `qualification`); `nil`: stages as they are.
  package var stageNames: StageNames?
  /// Lines the CRM adds below the data (a report's totals and notices); `{count}` is the
  /// number of records.
  package var footer: [String] = []

  package struct StageNames: Sendable {
    package var won: String
    package var lost: String
    package var open: [String: String]
  }
}
