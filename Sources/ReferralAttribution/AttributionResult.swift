import ReferralCore

/// Everything the renderers show: the figures of the period and of the one before, and the
/// data-quality account. Renderers read this value and nothing else.
package struct AttributionResult: Sendable, Equatable {
  package var currency: String
  /// The locale the report writes money in (`de-DE`); `nil`: the currency's own symbol first.
  package var locale: String?
  package var targetShare: Double
  /// The target share, `nil` when it is 0 ("no target": nothing is measured against it).
  package var shareTarget: Double? { targetShare > 0 ? targetShare : nil }
  package var model: AttributionModel
  package var current: PeriodFigures
  package var previous: PeriodFigures
  /// The deals still open at the end of the period, by channel.
  package var openPipeline: OpenPipeline
  package var programme: Programme
  package var quality: DataQuality
  /// How much of the period the data covers; `nil` when the exports hold no dates.
  package var coverage: Coverage?
  /// What needs doing, most valuable first (see ``Action/list``).
  package var actions: [Action]
  /// What the report's first screen answers.
  package var firstScreen: FirstScreen
  /// Whether the exports hold no dates: the period is all the data, there is no previous
  /// period, and the sections that follow time (trend, targets, cohorts, forecast, per month,
  /// the ask list, thank-you timing) cannot be computed.
  package var undated = false
  /// What the exports' shape says before any figure is read (an unread column that looks like
  /// a source, a source that hides most leads), in the order the report lists them: the
  /// import's first, then attribution's.
  package var notices: [Notice] = []
  /// The eight multi-touch models side by side (see ``MultiTouchAttribution``); `nil` without a
  /// touches export or without dates.
  package var multiTouch: MultiTouchAttribution?

  /// The report's period and the one it is compared with, decided here once: `nil` when the
  /// exports hold no dates (the period is all the data, nothing is compared, and what follows
  /// time is n/a), so that no renderer tests ``undated`` itself.
  package var timeline: Timeline? { undated ? nil : Timeline(period: current.period, previous: previous.period) }

  /// A dated report's period and its previous period (see ``Period/previous``).
  package struct Timeline: Sendable, Equatable {
    package var period: Period
    package var previous: Period
  }

  /// Whether a leads export was given: the sections that count leads and referrers need one.
  package var leadsKnown: Bool { current.totals.leadsKnown }

  /// What a section needs of the exports beyond the period's channel figures.
  package struct Needs: OptionSet, Sendable {
    package let rawValue: Int
    package init(rawValue: Int) { self.rawValue = rawValue }
    /// A leads export: the sections that count leads or referrers.
    package static let leads = Needs(rawValue: 1)
    /// Dated exports: the sections that follow time.
    package static let dates = Needs(rawValue: 2)
    /// A touches export: the multi-touch models.
    package static let touches = Needs(rawValue: 4)
  }

  /// Why a section that needs `needs` cannot be computed, or `nil` when it can: decided here
  /// once, so that the report's note, summary.json's `null` and the task lists agree. Without
  /// dates that is the reason even without leads: nothing over time means anything then.
  package func unknown(needing needs: Needs) -> Unknown? {
    if needs.contains(.dates), undated { return .undated }
    if needs.contains(.leads), !leadsKnown { return .noLeadsExport }
    if needs.contains(.touches), !current.totals.outcomesKnown { return .noOutcomes }
    if needs.contains(.touches), multiTouch == nil { return .noTouchesExport }
    return nil
  }
}
