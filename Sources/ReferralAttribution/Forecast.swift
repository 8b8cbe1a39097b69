import ReferralCore

/// What the open referral deals are likely worth, and where referral leads and revenue will
/// stand at the fiscal year's end at the pace of the trailing twelve months, against the
/// yearly targets.
public struct Forecast: Sendable, Equatable {
  /// A yearly figure: where it stands, where the trailing pace takes it, and the target.
  public struct Projection<Value: Sendable & Equatable>: Sendable, Equatable {
    /// Fiscal year to date.
    public var actual: Value
    /// The trailing twelve months' total: the pace.
    public var trailingYear: Value
    /// Year to date + the trailing pace over the days left in the fiscal year.
    public var projected: Value
    public var target: Value?
  }

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
  /// `nil` without a leads export.
  public var referralLeads: Projection<Int>?
  /// `nil` without amounts.
  public var referralRevenue: Projection<Money>?

  init(counter: PeriodCounter, period: Period, targets: TargetProgress, open: OpenPipeline, options: AttributionOptions) {
    trailingYear = period.trailingYear
    fiscalYear = targets.fiscalYear
    yearToDate = targets.yearToDate
    daysLeft = fiscalYear.dayCount - yearToDate.dayCount
    let trailing = counter.figures(for: trailingYear).referral
    let soFar = counter.figures(for: yearToDate).referral
    referralWinRate = trailing.winRate.value
    openReferralValue = open.referral.value
    if let value = open.referral.value, let rate = referralWinRate {
      expectedReferralRevenue = value.multiplied(by: rate)
    }
    let pace = Double(daysLeft) / Double(trailingYear.dayCount)
    if let actual = soFar.knownLeads, let year = trailing.knownLeads {
      referralLeads = Projection(
        actual: actual, trailingYear: year, projected: actual + Int((Double(year) * pace).rounded()),
        target: options.targets.referralLeadsPerYear)
    }
    if let actual = soFar.revenue, let year = trailing.revenue {
      referralRevenue = Projection(
        actual: actual, trailingYear: year, projected: actual + year.multiplied(by: pace), target: options.targets.referralRevenuePerYear)
    }
  }
}

extension Forecast.Projection where Value == Int {
  /// How far the projection falls short of the target (`nil`: no target; 0 or less: on track).
  public var shortfall: Int? { target.map { $0 - projected } }
}

extension Forecast.Projection where Value == Money {
  public var shortfall: Money? { target.map { $0 - projected } }
}
