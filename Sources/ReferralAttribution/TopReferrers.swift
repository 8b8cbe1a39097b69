import ReferralCore

/// Referrers ranked by the revenue of the deals their referrals won in the period.
package struct TopReferrers: Sendable, Equatable {
  package struct Referrer: Sendable, Equatable {
    package var id: String
    /// The company of the referrer's own lead; empty when the referrer is not one of the leads.
    package var company: String
    /// The person of the referrer's own lead (`nil`: not one of the leads, or no name in the export).
    package var person: String?
    /// Referral leads they brought that were created in the period.
    package var leads: Int
    package var won: Int
    package var revenue: Money

    /// The id, with the person and company of the referrer's own lead when there are (made when
    /// shown: only the top of the ranking is).
    package var name: String { RecordName.withID(id, person: person, company: company) }
  }

  /// All referrers with a referred lead or win in the period, by revenue, leads, then id.
  package var ranked: [Referrer]
  /// Revenue of the referral channels in the period (the whole, of which referrers bring part).
  package var referralRevenue: Money?
  /// How many referrers the top 20% is (at least one), among those who brought revenue.
  package var topCount: Int
  /// Share of referral revenue the top 20% of referrers bring.
  package var topShare: Double?

  /// The referrer's share of referral revenue.
  package func share(of referrer: Referrer) -> Double? { ratio(referrer.revenue, referralRevenue) }

  init(ledger: Ledger, period: Period, referralRevenue: Money?) {
    // Counted by referrer number, then ranked: no value is made for a referrer until then.
    let count = ledger.dataset.referrers.count
    // Counts as 32-bit numbers: three arrays by referrer at 10M leads.
    var (leads, won, revenue) = (Array(repeating: Int32(0), count: count), Array(repeating: Int32(0), count: count), Array(repeating: Int64(0), count: count))
    var counted = Array(repeating: false, count: count)
    let table = ledger.leads
    table.forEachReferral { index, referrer in
      guard period.contains(table.created(index)), ledger.isReferral(ledger.leadChannel(index)) else { return }
      leads[Int(referrer)] += 1
      counted[Int(referrer)] = true
    }
    let deals = ledger.deals
    for index in deals.indices where deals.outcome[index] == .won {
      guard let closed = deals.closed(index), period.contains(closed), ledger.isReferral(ledger.dealChannel(index)),
        let lead = ledger.dealLead(index), let id = table.referrer(lead).map(Int.init)
      else { continue }
      won[id] += 1
      revenue[id] += (deals.amount(index) ?? .zero).minorUnits
      counted[id] = true
    }
    let ids = ledger.dataset.referrers
    ranked = (0..<count).filter { counted[$0] }
      .sorted { a, b in
        if revenue[a] != revenue[b] { return revenue[a] > revenue[b] }
        if leads[a] != leads[b] { return leads[a] > leads[b] }
        return ids[a] < ids[b]
      }
      .map {
        Referrer(
          id: ids[$0], company: ledger.company(ofReferrer: TextID($0)), person: ledger.person(ofReferrer: TextID($0)), leads: Int(leads[$0]), won: Int(won[$0]),
          revenue: Money(minorUnits: revenue[$0]))
      }
    self.referralRevenue = referralRevenue
    let earning = ranked.filter { $0.revenue > .zero }
    topCount = max(1, (earning.count + 4) / 5)
    let topRevenue = earning.prefix(topCount).reduce(Money.zero) { $0 + $1.revenue }
    topShare = earning.isEmpty ? nil : ratio(topRevenue, referralRevenue)
  }
}
