import ReferralCore

/// The referral programme's sections, each computed from the same ledger and period.
public struct Programme: Sendable, Equatable {
  public var fees: FeeLedger
  public var reps: RepReferrals
  public var referrers: TopReferrers
  public var chains: ReferralChains
  public var thankYous: ThankYous
  public var targets: TargetProgress
  public var trend: Trend
  public var closingTheLoop: ClosingTheLoop
  public var referrerTypes: ReferrerTypes
  /// `nil` without a referral requests export.
  public var asking: Asking?
  public var askList: AskList
  /// `nil` without a `thanked_at` column.
  public var thankYouEffect: ThankYouEffect?
  public var cohorts: Cohorts
  public var forecast: Forecast
  public var scorecards: RepScorecards
  public var advocates: Advocates
}
