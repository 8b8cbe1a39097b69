import ReferralCore

/// Where a yearly figure stands at the end of the period, where it will stand at the fiscal
/// year's end, and its target: the report's one projection of the year. ``TargetProgress``
/// computes it and ``Forecast`` shows the same value, so the two sections cannot disagree; both
/// name the method in the words of ``TargetProgress/projectionMethod``.
///
/// The method, run rate of the trailing twelve months: projected = the fiscal year to date, as
/// it stands, + the trailing twelve months' total × the days left in the fiscal year ÷ 365 (the
/// trailing twelve months' days; when the data began less than a year before the period's end,
/// the window starts on the data's first day and the divisor is its days, so the months before
/// the data are not counted as months of nothing). It was chosen over scaling the year to date to the whole
/// year (year to date × days in the year ÷ days elapsed) because that scaling multiplies a
/// short, seasonal stretch: a month into the fiscal year it is one month × 12, whatever that
/// month's season or luck. The trailing twelve months hold every season once, and what the
/// year to date already holds is kept as it is, not re-estimated.
package struct YearProjection<Value: Sendable & Equatable>: Sendable, Equatable {
  /// Fiscal year to date.
  package var actual: Value
  /// The trailing twelve months' total: the pace.
  package var trailingYear: Value
  /// ``actual`` + ``trailingYear`` × the days left in the fiscal year ÷ the window's days.
  package var projected: Value
  package var target: Value?
}

extension YearProjection where Value == Int {
  /// The projection of a count: `actual` + `trailingYear` × `pace`, rounded to a whole count.
  init(actual: Int, trailingYear: Int, pace: Double, target: Int?) {
    self.init(actual: actual, trailingYear: trailingYear, projected: actual + Int((Double(trailingYear) * pace).rounded()), target: target)
  }

  /// How far the projection falls short of the target (`nil`: no target; 0 or less: on track).
  package var shortfall: Int? { target.map { $0 - projected } }
  /// Whether the projection reaches the target (`nil`: no target).
  package var onTrack: Bool? { shortfall.map { $0 <= 0 } }
  /// The year to date ÷ the target, and the projection ÷ the target (`nil`: no target, or 0).
  package var toDateOfTarget: Double? { target.flatMap { $0 > 0 ? Double(actual) / Double($0) : nil } }
  package var projectedOfTarget: Double? { target.flatMap { $0 > 0 ? Double(projected) / Double($0) : nil } }
}

extension YearProjection where Value == Money {
  /// The projection of an amount: `actual` + `trailingYear` × `pace`, to the cent.
  init(actual: Money, trailingYear: Money, pace: Double, target: Money?) {
    self.init(actual: actual, trailingYear: trailingYear, projected: actual + trailingYear.multiplied(by: pace), target: target)
  }

  package var shortfall: Money? { target.map { $0 - projected } }
  /// Whether the projection reaches the target (`nil`: no target).
  package var onTrack: Bool? { shortfall.map { $0 <= .zero } }
  /// The year to date ÷ the target, and the projection ÷ the target (`nil`: no target, or 0).
  package var toDateOfTarget: Double? { target.flatMap { $0 > .zero ? actual.doubleValue / $0.doubleValue : nil } }
  package var projectedOfTarget: Double? { target.flatMap { $0 > .zero ? projected.doubleValue / $0.doubleValue : nil } }
}
