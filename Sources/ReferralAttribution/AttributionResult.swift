import ReferralCore

/// Everything the renderers show: the figures of the period and of the one before, and the
/// data-quality account. Renderers read this value and nothing else.
public struct AttributionResult: Sendable, Equatable {
  public var currency: String
  public var targetShare: Double
  public var model: AttributionModel
  public var current: PeriodFigures
  public var previous: PeriodFigures
  public var programme: Programme
  public var quality: DataQuality
}

/// The attribution stage: joins leads and deals, maps sources onto channels, computes every
/// figure. Pure: no files, no clock; the same dataset and options give the same result.
public enum Attributor {
  public static func attribute(_ dataset: Dataset, options: AttributionOptions) -> AttributionResult {
    let ledger = Ledger(dataset: dataset, options: options)
    let period = options.period ?? Period(month: (ledger.latestDay ?? Day(ordinal: 0)).month)
    let counter = PeriodCounter(ledger: ledger, options: options)
    let current = counter.figures(for: period)
    let programme = Programme(
      fees: FeeLedger(ledger: ledger, period: period, options: options, referral: current.referral),
      reps: RepReferrals(ledger: ledger, period: period, target: options.targets.referralLeadsPerRepPerMonth),
      referrers: TopReferrers(ledger: ledger, period: period, referralRevenue: current.referral.revenue),
      chains: ReferralChains(ledger: ledger, period: period),
      thankYous: ThankYous(ledger: ledger, period: period, windowDays: options.thankYouWindowDays),
      targets: TargetProgress(counter: counter, period: period, options: options),
      trend: Trend(counter: counter, period: period))
    return AttributionResult(
      currency: options.currency,
      targetShare: options.targetShare,
      model: options.model,
      current: current,
      previous: counter.figures(for: period.previous),
      programme: programme,
      quality: DataQuality(ledger: ledger))
  }
}
