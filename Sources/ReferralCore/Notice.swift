/// A shape of the exports that may make the figures mean less than they seem, though every row
/// was read: said on the report's first screen, in `summary.json` and by `check`, because
/// finance forwards figures without reading the data-quality section at the end.
///
/// Decided by the stage that can see it (an unread column by the import, a source that hides
/// most leads by attribution) and only formatted by the renderers.
package struct Notice: Sendable, Equatable {
  package enum Kind: String, Sendable, CaseIterable {
    /// A column that is not read but whose name looks like a field the figures rest on (a
    /// custom `Lead Source` beside HubSpot's `Original Source`).
    case lookalikeColumn = "lookalike_column"
    /// Most of the period's leads sit in `Unknown` or in one value that says nothing of where
    /// they came from (HubSpot's `Offline Sources`).
    case hiddenSources = "hidden_sources"
    /// Leads name a referrer while no lead is in a referral channel: the referral share says
    /// 0% of what the leads themselves say are referrals.
    case referrersWithoutReferralChannel = "referrers_without_referral_channel"
  }

  package var kind: Kind
  /// The export it is about.
  package var file: String
  /// What was seen and why it matters: tool text that may quote headers and values of the export.
  package var message: String
  /// What to do, as a line to paste into the config when there is one.
  package var fix: String?

  package init(kind: Kind, file: String, message: String, fix: String? = nil) {
    (self.kind, self.file, self.message, self.fix) = (kind, file, message, fix)
  }
}
