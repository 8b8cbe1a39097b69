import ReferralCore

/// Does thanking pay? Referrers whose first referral was thanked within the window, against
/// those thanked late or never: the share of each who referred again within twelve months.
package struct ThankYouEffect: Sendable, Equatable {
  package struct Group: Sendable, Equatable {
    /// Referrers whose first referral falls in the cohort.
    package var referrers: Int
    /// Of those, the ones with another referral within 365 days after their first.
    package var referredAgain: Int

    package var rate: Double? { ratio(referredAgain, referrers) }

    package init(referrers: Int, referredAgain: Int) {
      self.referrers = referrers
      self.referredAgain = referredAgain
    }
  }

  /// A group smaller than this is too small to judge by (the report says so).
  package static let minimumGroup = 30

  /// Referrers whose first referral was thanked within the window, and the others.
  package var thanked: Group
  package var notThanked: Group
  /// The last first-referral day counted: a year before the period's end, so that every
  /// referrer counted had a whole year to refer again.
  package var cohortEnd: Day
  package var windowDays: Int

  /// Whether either group is too small to judge by.
  package var tooSmall: Bool { min(thanked.referrers, notThanked.referrers) < Self.minimumGroup }

  /// `nil` when the leads export has no `thanked_at` column.
  static func make(ledger: Ledger, period: Period, windowDays: Int) -> ThankYouEffect? {
    guard ledger.dataset.leadsHaveThankedAt else { return nil }
    let leads = ledger.leads
    // Each referrer's first referral (the lowest position on a tie), then whether another of
    // their referrals came within a year of it: two passes over arrays by referrer number.
    let count = ledger.dataset.referrers.count
    var first = Array(repeating: -1, count: count)
    leads.forEachReferral { index, referrer in
      guard ledger.isReferral(ledger.leadChannel(index)) else { return }
      let known = first[Int(referrer)]
      if known < 0 || (leads.created(index), index) < (leads.created(known), known) { first[Int(referrer)] = index }
    }
    var again = Array(repeating: false, count: count)
    leads.forEachReferral { index, referrer in
      let firstLead = first[Int(referrer)]
      guard firstLead >= 0, firstLead != index, ledger.isReferral(ledger.leadChannel(index)) else { return }
      let (start, day) = (leads.created(firstLead), leads.created(index))
      if day >= start, day <= start.adding(days: 365) { again[Int(referrer)] = true }
    }
    let cohortEnd = period.to.adding(days: -365)
    var groups = (thanked: Group(referrers: 0, referredAgain: 0), notThanked: Group(referrers: 0, referredAgain: 0))
    for referrer in 0..<count where first[referrer] >= 0 {
      let lead = first[referrer]
      let start = leads.created(lead)
      guard start <= cohortEnd else { continue }
      let onTime = leads.thanked(lead).map { $0 <= start.adding(days: windowDays) } ?? false
      if onTime {
        groups.thanked.referrers += 1
        if again[referrer] { groups.thanked.referredAgain += 1 }
      } else {
        groups.notThanked.referrers += 1
        if again[referrer] { groups.notThanked.referredAgain += 1 }
      }
    }
    return ThankYouEffect(thanked: groups.thanked, notThanked: groups.notThanked, cohortEnd: cohortEnd, windowDays: windowDays)
  }
}
