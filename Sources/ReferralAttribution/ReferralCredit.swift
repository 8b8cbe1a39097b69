import ReferralCore

/// Credit for referrals and what they may cost (issue #38): who outside sales brings them,
/// which deserve a fee and how high a fee can go. Its parts are made side by side with the
/// other sections (see ``Attributor``).
package struct ReferralCredit: Sendable, Equatable {
  package var feeHeadroom: FeeHeadroom
  /// `nil` when the exports hold no dates: nothing came before anything.
  package var eligibility: ReferralEligibility?
  /// Why ``eligibility`` is `nil` when it is, decided here with it, so that the report only
  /// says it: it is judged for every dated report.
  package static let whyNoEligibility = Unknown.undated
  package var staff: StaffCredit
  /// `nil` without a `--referrals-given` export or without dates.
  package var reciprocity: Reciprocity?
}
