import ReferralCore

/// Referral share and both rates, month by month, referral channels against the others.
public struct Trend: Sendable, Equatable {
  public struct Point: Sendable, Equatable {
    public var month: Month
    public var share: ReferralShare
    public var referralWinRate: Rate
    public var otherWinRate: Rate
    public var referralConversion: Rate
    public var otherConversion: Rate
  }

  /// The trailing 12 months, ending with the period's last month, oldest first.
  public var points: [Point]

  init(counter: PeriodCounter, period: Period) {
    let last = period.to.month
    points = (0..<12).reversed().map { back in
      let month = last.adding(months: -back)
      let figures = counter.figures(for: Period(month: month))
      var other = figures.totals
      other.won -= figures.referral.won
      other.lost -= figures.referral.lost
      other.leads -= figures.referral.leads
      other.convertedLeads -= figures.referral.convertedLeads
      return Point(
        month: month, share: figures.referralShare, referralWinRate: figures.referral.winRate,
        otherWinRate: other.winRate, referralConversion: figures.referral.leadConversion, otherConversion: other.leadConversion)
    }
  }
}
