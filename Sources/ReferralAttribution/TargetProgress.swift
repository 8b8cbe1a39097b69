import ReferralCore

/// Fiscal year-to-date progress against the yearly targets, with a run-rate projection.
public struct TargetProgress: Sendable, Equatable {
  public struct Figure<Value: Sendable & Equatable>: Sendable, Equatable {
    public var actual: Value
    /// The year-to-date figure scaled to the whole fiscal year at the same daily rate.
    public var projected: Value
    public var target: Value?
  }

  /// The fiscal year-to-date: from the fiscal year's first day to the end of the period.
  public var yearToDate: Period
  public var fiscalYear: Period
  /// `nil` without a leads export.
  public var referralLeads: Figure<Int>?
  public var referralRevenue: Figure<Money>?
  public var referralShareOfLeads: Double?
  public var targetShare: Double

  /// Elapsed share of the fiscal year.
  public var elapsed: Double { Double(yearToDate.dayCount) / Double(fiscalYear.dayCount) }

  init(counter: PeriodCounter, period: Period, options: AttributionOptions) {
    let endMonth = period.to.month
    var start = Month(year: endMonth.year, month: options.fiscalYearStart)!
    if start > endMonth { start = start.adding(months: -12) }
    fiscalYear = Period(from: start.firstDay, to: start.adding(months: 11).lastDay)!
    yearToDate = Period(from: start.firstDay, to: period.to)!
    let figures = counter.figures(for: yearToDate)
    let scale = Double(fiscalYear.dayCount) / Double(yearToDate.dayCount)
    referralLeads = figures.referral.knownLeads.map { leads in
      Figure(actual: leads, projected: Int((Double(leads) * scale).rounded()), target: options.targets.referralLeadsPerYear)
    }
    referralRevenue = figures.referral.revenue.map {
      Figure(actual: $0, projected: $0.multiplied(by: scale), target: options.targets.referralRevenuePerYear)
    }
    referralShareOfLeads = figures.referralShare.leads.value
    targetShare = options.targetShare
  }
}
