import ReferralCore

/// Leads grouped by the month they were created, so that like is compared with like: the share
/// of a month's leads won within 30, 60, 90 and 180 days of their creation, referral leads
/// against the others. A period's own lead conversion is always low for its newest leads, which
/// have not had time to close; a cohort's rate at an age is only given once every lead of the
/// cohort has reached that age by the end of the data.
package struct Cohorts: Sendable, Equatable {
  /// The ages, in days after a lead's creation, at which cohorts are compared.
  package static let ages = [30, 60, 90, 180]

  /// The leads of one cohort on one side (referral or other).
  package struct Group: Sendable, Equatable {
    package var leads = 0
    /// Per age of ``Cohorts/ages``: leads whose first win closed within that many days of their
    /// creation; `nil` ("not yet") while the cohort's last leads are younger than that.
    package var wonWithin: [Int?] = Array(repeating: nil, count: Cohorts.ages.count)
    /// Won revenue of the cohort's leads, whenever won (up to the end of the data); `nil`
    /// without amounts.
    package var revenue: Money?
    /// Median days from creation to the first win, over the leads that have one.
    package var medianDaysToFirstWin: Double?
    /// Rates on fewer leads than this are too few to judge (`[report] min_sample`).
    package var minSample = Rate.defaultMinSample

    /// Per age, the share of the leads won within it; `nil` ("not yet") as in ``wonWithin``.
    package var wonWithinRate: [Rate?] { wonWithin.map { $0.map { Rate($0, of: leads, .leads, minSample: minSample) } } }
    /// Won revenue ÷ leads.
    package var revenuePerLead: Money? {
      guard let revenue, leads > 0 else { return nil }
      return revenue.divided(by: leads)
    }
  }

  package struct Cohort: Sendable, Equatable {
    package var month: Month
    package var referral = Group()
    package var other = Group()
  }

  /// The end of the data: a cohort's age is counted up to this day.
  package var asOf: Day
  /// The twelve months to the period's end, oldest first.
  package var cohorts: [Cohort]
  /// Why no cohort can be followed (no leads, no outcomes, or no links between them); `nil`
  /// when they can.
  package var missing: Unknown?
  /// Whether the cohorts can be followed.
  package var known: Bool { missing == nil }
  /// Median days from creation to first win over all twelve months' leads.
  package var medianDaysToFirstWin: Double?
  /// Whether the period's leads are too young for its lead conversion to mean much: the end of
  /// the data is fewer days after the period's end than a lead takes to its first win (median).
  package var periodLeadsAreYoung = false

  init(ledger: Ledger, period: Period, minSample: Int) {
    let data = ledger.dataset
    asOf = ledger.span?.end ?? period.to
    let end = period.to.month
    let months = (0..<12).map { end.adding(months: $0 - 11) }
    let group = Group(minSample: minSample)
    cohorts = months.map { Cohort(month: $0, referral: group, other: group) }
    missing = !data.hasLeads ? .noLeadsExport : !data.hasOutcomes ? .noOutcomes : ledger.linksKnown ? nil : .noLinks
    guard known else { return }
    let leads = ledger.leads
    let deals = ledger.deals
    // The months' first days, and the day after the last: a day's cohort by comparing ordinals
    // (a calendar conversion per lead cost more than the rest of the section).
    let starts = months.map(\.firstDay.ordinal) + [months[11].lastDay.ordinal + 1]
    /// The cohort of a creation day (`nil`: outside the twelve months).
    func cohort(of created: Day) -> Int? {
      let day = created.ordinal
      guard day >= starts[0], day < starts[12] else { return nil }
      var index = 11
      while starts[index] > day { index -= 1 }
      return index
    }
    let hasAmounts = data.dealsHaveAmounts
    for index in cohorts.indices {
      // An age counts once the cohort's last lead (created on its month's last day) reached it.
      let reached = Self.ages.map { months[index].lastDay.adding(days: $0) <= asOf }
      for side in [true, false] {
        var group = Group()
        group.wonWithin = reached.map { $0 ? 0 : nil }
        group.revenue = hasAmounts ? .zero : nil
        if side { cohorts[index].referral = group } else { cohorts[index].other = group }
      }
    }
    // The won revenue of each cohort, added as the deals go by (a lead's first win is the
    // ledger's).
    for index in deals.indices where hasAmounts && deals.outcome[index] == .won {
      guard let lead = ledger.dealLead(index), let closed = deals.closed(index), closed <= asOf else { continue }
      guard let offset = cohort(of: leads.created(lead)), let amount = deals.amount(index) else { continue }
      if ledger.isReferral(ledger.leadChannel(lead)) {
        cohorts[offset].referral.revenue.add(amount)
      } else {
        cohorts[offset].other.revenue.add(amount)
      }
    }
    var days = Array(repeating: (referral: [Int](), other: [Int]()), count: 12)
    for lead in leads.indices {
      let created = leads.created(lead)
      guard let offset = cohort(of: created) else { continue }
      let referral = ledger.isReferral(ledger.leadChannel(lead))
      func count(_ group: inout Group, _ waits: inout [Int]) {
        group.leads += 1
        guard let win = ledger.firstWin(ofLead: lead) else { return }
        let wait = created.days(to: win)
        waits.append(wait)
        for (age, limit) in Self.ages.enumerated() where wait <= limit { group.wonWithin[age]? += 1 }
      }
      if referral {
        count(&cohorts[offset].referral, &days[offset].referral)
      } else {
        count(&cohorts[offset].other, &days[offset].other)
      }
    }
    for index in cohorts.indices {
      cohorts[index].referral.medianDaysToFirstWin = median(days[index].referral)
      cohorts[index].other.medianDaysToFirstWin = median(days[index].other)
    }
    medianDaysToFirstWin = median(days.flatMap { $0.referral + $0.other })
    if let typical = medianDaysToFirstWin { periodLeadsAreYoung = Double(asOf.ordinal - period.to.ordinal) < typical }
  }
}
