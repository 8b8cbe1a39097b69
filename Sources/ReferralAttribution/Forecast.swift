import ReferralCore

/// What the open referral deals are likely worth, and where referral leads and revenue will
/// stand at the fiscal year's end at the pace of the trailing twelve months, against the
/// yearly targets.
package struct Forecast: Sendable, Equatable {
  /// The twelve months to the period's end: the pace and the win rate are theirs.
  package var trailingYear: Period
  package var fiscalYear: Period
  package var yearToDate: Period
  /// Days from the period's end to the fiscal year's end.
  package var daysLeft: Int
  /// Referral channels' win rate over the trailing twelve months.
  package var referralWinRate: Double?
  /// Value of the referral deals open at the period's end (see ``OpenPipeline``).
  package var openReferralValue: Money?
  /// Open referral value × the trailing referral win rate: what the open referral deals are
  /// expected to bring, if they close as the last year's did.
  package var expectedReferralRevenue: Money?
  /// The projections of ``TargetProgress``, the same values (one method, computed there);
  /// `nil` without a leads export.
  package var referralLeads: YearProjection<Int>?
  /// `nil` without amounts.
  package var referralRevenue: YearProjection<Money>?

  init(counter: PeriodCounter, targets: TargetProgress, open: OpenPipeline) {
    trailingYear = targets.trailingYear
    fiscalYear = targets.fiscalYear
    yearToDate = targets.yearToDate
    daysLeft = targets.daysLeft
    referralWinRate = counter.figures(for: trailingYear).referral.winRate.value
    openReferralValue = open.referral.value
    if let value = open.referral.value, let rate = referralWinRate {
      expectedReferralRevenue = value.multiplied(by: rate)
    }
    referralLeads = targets.referralLeads
    referralRevenue = targets.referralRevenue
  }
}
