import ReferralCore

/// What the open referral deals are likely worth, and where referral leads and revenue will
/// stand at the fiscal year's end at the pace of the trailing twelve months, against the
/// yearly targets.
public struct Forecast: Sendable, Equatable {
  /// The twelve months to the period's end: the pace and the win rate are theirs.
  public var trailingYear: Period
  public var fiscalYear: Period
  public var yearToDate: Period
  /// Days from the period's end to the fiscal year's end.
  public var daysLeft: Int
  /// Referral channels' win rate over the trailing twelve months.
  public var referralWinRate: Double?
  /// Value of the referral deals open at the period's end (see ``OpenPipeline``).
  public var openReferralValue: Money?
  /// Open referral value × the trailing referral win rate: what the open referral deals are
  /// expected to bring, if they close as the last year's did.
  public var expectedReferralRevenue: Money?
  /// The projections of ``TargetProgress``, the same values (one method, computed there);
  /// `nil` without a leads export.
  public var referralLeads: YearProjection<Int>?
  /// `nil` without amounts.
  public var referralRevenue: YearProjection<Money>?

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
