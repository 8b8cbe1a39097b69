import ReferralCore

/// Whether referred customers go on to refer in their turn, and how concentrated referring is:
/// a programme that lives on a handful of referrers is fragile.
package struct Advocates: Sendable, Equatable {
  /// The twelve months to the period's end, over which referrers are counted.
  package var trailingYear: Period
  /// Referred leads (of a referral channel) with a won deal, both by the period's end.
  package var referredCustomers = 0
  /// Of those, the ones who referred someone themselves by then: "referrals from referrals".
  package var referringCustomers = 0
  /// Referral leads created in the trailing year, and the distinct referrers who brought them.
  package var referrals = 0
  package var activeReferrers = 0
  /// Referrers whose referrals won revenue in the trailing year, and the fewest of them whose
  /// revenue makes half of it.
  package var earningReferrers = 0
  package var halfOfRevenueReferrers: Int?

  /// Rates on fewer referred customers than this are too few to judge (`[report] min_sample`).
  package var minSample: Int

  /// referring customers ÷ referred customers.
  package var referralsFromReferralsRate: Rate { Rate(referringCustomers, of: referredCustomers, .referredCustomers, minSample: minSample) }
  /// referrals ÷ active referrers.
  package var referralsPerActiveReferrer: Double? { activeReferrers == 0 ? nil : Double(referrals) / Double(activeReferrers) }

  init(ledger: Ledger, period: Period, minSample: Int) {
    trailingYear = period.trailingYear
    self.minSample = minSample
    // Without a leads export the renderers show none of this (see `AttributionResult.leadsKnown`).
    guard ledger.dataset.hasLeads else { return }
    let (leads, deals) = (ledger.leads, ledger.deals)
    var revenueByReferrer: [TextID: Int64] = [:]
    for index in deals.indices where deals.outcome[index] == .won {
      guard let lead = ledger.dealLead(index), let closed = deals.closed(index), closed <= period.to else { continue }
      if trailingYear.contains(closed), ledger.isReferral(ledger.dealChannel(index)), let referrer = leads.referrer(lead) {
        revenueByReferrer[referrer, default: 0] += deals.amount(index)?.minorUnits ?? 0
      }
    }
    // Who referred, by the period's end: the leads whose id some referred lead names.
    var referred = Array(repeating: false, count: leads.count)
    var active = Array(repeating: false, count: ledger.dataset.referrers.count)
    leads.forEachReferral { index, referrer in
      let created = leads.created(index)
      guard created <= period.to else { return }
      if let referring = ledger.lead(ofReferrer: referrer) { referred[referring] = true }
      if trailingYear.contains(created), ledger.isReferral(ledger.leadChannel(index)) {
        referrals += 1
        if !active[Int(referrer)] {
          active[Int(referrer)] = true
          activeReferrers += 1
        }
      }
    }
    for lead in leads.indices where ledger.isCustomer(lead, by: period.to) && leads.created(lead) <= period.to && ledger.isReferral(ledger.leadChannel(lead)) {
      referredCustomers += 1
      if referred[lead] { referringCustomers += 1 }
    }
    let earnings = revenueByReferrer.values.filter { $0 > 0 }.sorted(by: >)
    earningReferrers = earnings.count
    let total = earnings.reduce(0, +)
    if total > 0 {
      var sum: Int64 = 0
      for (count, amount) in earnings.enumerated() {
        sum += amount
        if sum * 2 >= total {
          halfOfRevenueReferrers = count + 1
          break
        }
      }
    }
  }
}
