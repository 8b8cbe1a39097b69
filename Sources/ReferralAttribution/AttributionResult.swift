import ReferralCore

/// Everything the renderers show: the figures of the period and of the one before, and the
/// data-quality account. Renderers read this value and nothing else.
public struct AttributionResult: Sendable, Equatable {
  public var currency: String
  public var targetShare: Double
  public var model: AttributionModel
  public var current: PeriodFigures
  public var previous: PeriodFigures
  public var quality: DataQuality
}

/// The attribution stage: joins leads and deals, maps sources onto channels, computes every
/// figure. Pure: no files, no clock; the same dataset and options give the same result.
public enum Attributor {
  public static func attribute(_ dataset: Dataset, options: AttributionOptions) -> AttributionResult {
    let ledger = Ledger(dataset: dataset, options: options)
    let period = options.period ?? Period(month: (ledger.latestDay ?? Day(ordinal: 0)).month)
    let counter = PeriodCounter(ledger: ledger, options: options)
    return AttributionResult(
      currency: options.currency,
      targetShare: options.targetShare,
      model: options.model,
      current: counter.figures(for: period),
      previous: counter.figures(for: period.previous),
      quality: DataQuality(ledger: ledger))
  }
}
