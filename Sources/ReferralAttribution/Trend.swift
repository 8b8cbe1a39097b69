import ReferralCore

/// Referral share and both rates, month by month, referral channels against the others.
package struct Trend: Sendable, Equatable {
  package struct Point: Sendable, Equatable {
    package var month: Month
    package var share: ReferralShare
    package var referralWinRate: Rate
    package var otherWinRate: Rate
    package var referralConversion: Rate
    package var otherConversion: Rate
  }

  /// The trailing 12 months, ending with the period's last month, oldest first.
  package var points: [Point]

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
