import ReferralCore

/// The referral programme's sections, each computed from the same ledger and period.
package struct Programme: Sendable, Equatable {
  package var fees: FeeLedger
  package var reps: RepReferrals
  package var referrers: TopReferrers
  package var chains: ReferralChains
  package var thankYous: ThankYous
  package var targets: TargetProgress
  package var trend: Trend
  package var closingTheLoop: ClosingTheLoop
  package var referrerTypes: ReferrerTypes
  /// `nil` without a referral requests export.
  package var asking: Asking?
  package var askList: AskList
  /// When asks pay; `nil` without a referral requests export.
  package var askTiming: AskTiming?
  package var referrerWatch: ReferrerWatch
  /// Does happiness predict referrals; `nil` without a feedback export.
  package var feedbackEffect: FeedbackEffect?
  /// `nil` without a `thanked_at` column.
  package var thankYouEffect: ThankYouEffect?
  package var cohorts: Cohorts
  package var forecast: Forecast
  package var scorecards: RepScorecards
  package var advocates: Advocates
}
