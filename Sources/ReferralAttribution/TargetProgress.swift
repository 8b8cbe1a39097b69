import ReferralCore

/// Fiscal year-to-date progress against the yearly targets, with the year's projection
/// (``YearProjection``: computed here, once, and shown by the Forecast too).
package struct TargetProgress: Sendable, Equatable {
  /// The fiscal year-to-date: from the fiscal year's first day to the end of the period.
  package var yearToDate: Period
  package var fiscalYear: Period
  /// The twelve months to the period's end, from the data's first day when the data began
  /// later: the pace of the projections. Days before the data began hold no rows, and counting
  /// them as zeros would read a young export's pace as slow.
  package var trailingYear: Period
  /// Days from the period's end to the fiscal year's end.
  package var daysLeft: Int
  /// `nil` without a leads export.
  package var referralLeads: YearProjection<Int>?
  /// `nil` without amounts.
  package var referralRevenue: YearProjection<Money>?
  package var referralShareOfLeads: Double?
  package var targetShare: Double

  /// The projections' method in words, with this year's days left (see ``YearProjection``):
  /// the one wording of the method, in the Targets section and the Forecast alike.
  package var projectionMethod: String {
    let pace = trailingYear.dayCount >= 365 ? "the trailing twelve months' total" : "the total of the \(trailingYear.dayCount) days of data to the period's end"
    return "year to date + \(pace) × \(daysLeft) days left ÷ \(trailingYear.dayCount)"
  }

  /// The referral share of leads ÷ its target (29.8% of a 41% target is 72.6%): `nil` when the
  /// share is unknown or there is no target (0).
  package var shareOfTarget: Double? { targetShare > 0 ? referralShareOfLeads.map { $0 / targetShare } : nil }

  /// Elapsed share of the fiscal year.
  package var elapsed: Double { Double(yearToDate.dayCount) / Double(fiscalYear.dayCount) }

  /// `dataFrom`: the data's first day (`nil`: undated), which shortens the pace's window.
  init(counter: PeriodCounter, period: Period, dataFrom: Day?, options: AttributionOptions) {
    let endMonth = period.to.month
    var start = Month(year: endMonth.year, month: options.fiscalYearStart)!
    if start > endMonth { start = start.adding(months: -12) }
    fiscalYear = Period(from: start.firstDay, to: start.adding(months: 11).lastDay)!
    yearToDate = Period(from: start.firstDay, to: period.to)!
    let year = period.trailingYear
    trailingYear = dataFrom.flatMap { $0 > year.from ? Period(from: $0, to: period.to) : nil } ?? year
    daysLeft = fiscalYear.dayCount - yearToDate.dayCount
    let figures = counter.figures(for: yearToDate)
    let trailing = counter.figures(for: trailingYear).referral
    let pace = Double(daysLeft) / Double(trailingYear.dayCount)
    if let actual = figures.referral.knownLeads, let year = trailing.knownLeads {
      referralLeads = YearProjection(actual: actual, trailingYear: year, pace: pace, target: options.targets.referralLeadsPerYear)
    }
    if let actual = figures.referral.revenue, let year = trailing.revenue {
      referralRevenue = YearProjection(actual: actual, trailingYear: year, pace: pace, target: options.targets.referralRevenuePerYear)
    }
    referralShareOfLeads = figures.referralShare.leads.value
    targetShare = options.targetShare
  }
}
