import ReferralCore

/// Everything the renderers show: the figures of the period and of the one before, and the
/// data-quality account. Renderers read this value and nothing else.
public struct AttributionResult: Sendable, Equatable {
  public var currency: String
  /// The locale the report writes money in (`de-DE`); `nil`: the currency's own symbol first.
  public var locale: String?
  public var targetShare: Double
  public var model: AttributionModel
  public var current: PeriodFigures
  public var previous: PeriodFigures
  /// The deals still open at the end of the period, by channel.
  public var openPipeline: OpenPipeline
  public var programme: Programme
  public var quality: DataQuality
  /// How much of the period the data covers; `nil` when the exports hold no dates.
  public var coverage: Coverage?
  /// What needs doing, in the order the report lists it.
  public var actions: [Action]
  /// Whether the exports hold no dates: the period is all the data, there is no previous
  /// period, and the sections that follow time (trend, targets, cohorts, forecast, per month,
  /// the ask list, thank-you timing) cannot be computed.
  public var undated = false
  /// What the exports' shape says before any figure is read (an unread column that looks like
  /// a source, a source that hides most leads), in the order the report lists them: the
  /// import's first, then attribution's.
  public var notices: [Notice] = []

  /// Whether a leads export was given: the sections that count leads and referrers need one.
  public var leadsKnown: Bool { current.totals.leadsKnown }

  /// What a section needs of the exports beyond the period's channel figures.
  public struct Needs: OptionSet, Sendable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }
    /// A leads export: the sections that count leads or referrers.
    public static let leads = Needs(rawValue: 1)
    /// Dated exports: the sections that follow time.
    public static let dates = Needs(rawValue: 2)
  }

  /// Why a section that needs `needs` cannot be computed, or `nil` when it can: decided here
  /// once, so that the report's note, summary.json's `null` and the task lists agree. Without
  /// dates that is the reason even without leads: nothing over time means anything then.
  public func unknown(needing needs: Needs) -> Unknown? {
    if needs.contains(.dates), undated { return .undated }
    if needs.contains(.leads), !leadsKnown { return .noLeadsExport }
    return nil
  }
}
