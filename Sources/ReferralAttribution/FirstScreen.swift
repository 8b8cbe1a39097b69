import ReferralCore

/// What the report's first screen answers, decided once here so that the HTML and Markdown
/// reports say the same thing in the same order: the referral share of leads, won deals and
/// revenue with the counts behind each, against the target, its direction against the previous
/// period and the trailing year, and the three most valuable actions.
package struct FirstScreen: Sendable, Equatable {
  /// Which way a share moved against another period's. A change that rounds to 0.0 points (the
  /// report's precision) is level, so the word never contradicts the figure beside it.
  package enum Direction: Sendable, Equatable {
    case up, down, level

    package init?(_ now: Double?, against before: Double?) {
      guard let now, let before else { return nil }
      let points = (now - before) * 100
      self = abs(points) < 0.05 ? .level : points > 0 ? .up : .down
    }
  }

  /// One referral share and what stands behind it.
  package struct Share: Sendable, Equatable {
    package enum Measure: Sendable, Equatable { case leads, wonDeals, revenue }
    /// The referral part and the whole it is a share of: counts of leads or won deals, or
    /// money; `nil` parts are unknown (no leads export, no amounts).
    package enum Behind: Sendable, Equatable {
      case counts(Int, of: Int)
      case money(Money?, of: Money?)
    }

    package var measure: Measure
    package var value: Double?
    /// The cases the share is judged on (its too-few marker); `nil` when the share is unknown.
    package var judgedOn: Rate?
    /// Why the share is unknown; `nil` when it is known.
    package var unknown: Unknown?
    package var behind: Behind?
    /// `nil`: no target (0), or the share is unknown.
    package var meetsTarget: Bool?
    /// The previous period's share; `nil` when unknown or when nothing is compared.
    package var previous: Double?
    /// Against the previous period; `nil` when either share is unknown.
    package var sincePrevious: Direction?
    /// The share over the trailing year (``trailingYear``).
    package var trailingYear: Double?
    /// Against the trailing year's share; `nil` when either is unknown.
    package var againstTrailingYear: Direction?
  }

  /// Leads, won deals and revenue, in that order.
  package var shares: [Share]
  /// The previous period; `nil` when the exports hold no dates (nothing is compared).
  package var previousPeriod: Period?
  /// The twelve months to the period's end (from the data's first day when it began later),
  /// as the targets' pace counts them; `nil` when the exports hold no dates.
  package var trailingYear: Period?
  /// Whether the data begins within the period: the trailing year is then the period itself,
  /// and its shares are not given (a share "level with" itself says nothing).
  package var trailingYearIsThePeriod: Bool
  /// The most valuable actions, at most ``topCount``: the first of ``Action/list``, which is
  /// in order of value (see ``Action/list``).
  package var topActions: [Action]
  /// How many actions the first screen names.
  package static let topCount = 3

  init(
    target: Double?, current: PeriodFigures, previous: PeriodFigures?, trailingYear: (period: Period, figures: PeriodFigures)?, actions: [Action]
  ) {
    let now = current.referralShare
    let before = previous?.referralShare
    let isThePeriod = trailingYear.map { $0.period.from >= current.period.from } ?? false
    let year = isThePeriod ? nil : trailingYear?.figures.referralShare
    func meets(_ value: Double?) -> Bool? { target.flatMap { target in value.map { $0 >= target } } }
    func share(_ measure: Share.Measure, _ rate: Rate, previous: Rate?, year: Rate?, behind: Share.Behind?) -> Share {
      Share(
        measure: measure, value: rate.value, judgedOn: rate.value == nil ? nil : rate, unknown: rate.unknown,
        behind: rate.missing == nil ? behind : nil, meetsTarget: meets(rate.value), previous: previous?.value,
        sincePrevious: Direction(rate.value, against: previous?.value), trailingYear: year?.value,
        againstTrailingYear: Direction(rate.value, against: year?.value))
    }
    // Unknown revenue share: its wins are, nothing was won, or no won deal has an amount.
    let revenueUnknown: Unknown? =
      now.revenue == nil ? (now.wins.unknown ?? (current.totals.revenue == nil ? .noAmounts : .nothingCounted)) : nil
    shares = [
      share(.leads, now.leads, previous: before?.leads, year: year?.leads, behind: .counts(current.referral.leads, of: current.totals.leads)),
      share(.wonDeals, now.wins, previous: before?.wins, year: year?.wins, behind: .counts(current.referral.won, of: current.totals.won)),
      Share(
        measure: .revenue, value: now.revenue, judgedOn: now.revenueBase, unknown: revenueUnknown,
        behind: current.totals.revenue == nil ? nil : .money(current.referral.revenue, of: current.totals.revenue), meetsTarget: meets(now.revenue),
        previous: before?.revenue,
        sincePrevious: Direction(now.revenue, against: before?.revenue), trailingYear: year?.revenue,
        againstTrailingYear: Direction(now.revenue, against: year?.revenue)),
    ]
    self.trailingYear = trailingYear?.period
    trailingYearIsThePeriod = isThePeriod
    previousPeriod = previous?.period
    topActions = Array(actions.prefix(Self.topCount))
  }
}
