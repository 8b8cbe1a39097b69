import Dispatch
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

/// The results of the sections computed side by side; each job writes its own property once.
private final class Parts: @unchecked Sendable {
  var previous: PeriodFigures?
  var fees: FeeLedger?
  var reps: RepReferrals?
  var referrers: TopReferrers?
  var chains: ReferralChains?
  var thankYous: ThankYous?
  var targets: TargetProgress?
  var trend: Trend?
  var quality: DataQuality?
}

/// The attribution stage: joins leads and deals, maps sources onto channels, computes every
/// figure. Pure: no files, no clock; the same dataset and options give the same result.
public enum Attributor {
  /// Everything the report shows, for `options.period` (or the month of the latest date;
  /// callers check ``Dataset/latestDay`` first when there may be no dates at all).
  public static func attribute(_ dataset: Dataset, options: AttributionOptions) -> AttributionResult {
    let ledger = Ledger(dataset: dataset, options: options)
    let period = options.period ?? Period(month: (ledger.latestDay ?? Day(ordinal: 0)).month)
    let counter = PeriodCounter(ledger: ledger, options: options, around: period)
    let current = counter.figures(for: period)
    // The sections only read the ledger: they are computed side by side, the longest first
    // (as measured at 1M leads), so that no long one is left to run alone at the end.
    let parts = Parts()
    DispatchQueue.concurrentPerform(iterations: 9) { job in
      switch job {
      case 0: parts.fees = FeeLedger(ledger: ledger, period: period, options: options, current: current)
      case 1: parts.chains = ReferralChains(ledger: ledger, period: period)
      case 2: parts.referrers = TopReferrers(ledger: ledger, period: period, referralRevenue: current.referral.revenue)
      case 3: parts.trend = Trend(counter: counter, period: period)
      case 4: parts.thankYous = ThankYous(ledger: ledger, period: period, windowDays: options.thankYouWindowDays)
      case 5: parts.reps = RepReferrals(ledger: ledger, period: period, target: options.targets.referralLeadsPerRepPerMonth)
      case 6: parts.quality = DataQuality(ledger: ledger)
      case 7: parts.targets = TargetProgress(counter: counter, period: period, options: options)
      default: parts.previous = counter.figures(for: period.previous)
      }
    }
    return AttributionResult(
      currency: options.currency,
      targetShare: options.targetShare,
      model: options.model,
      current: current,
      previous: parts.previous!,
      programme: Programme(
        fees: parts.fees!, reps: parts.reps!, referrers: parts.referrers!, chains: parts.chains!,
        thankYous: parts.thankYous!, targets: parts.targets!, trend: parts.trend!),
      quality: parts.quality!)
  }
}
