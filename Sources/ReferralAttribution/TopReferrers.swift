import ReferralCore

/// Referrers ranked by the revenue of the deals their referrals won in the period.
public struct TopReferrers: Sendable, Equatable {
  public struct Referrer: Sendable, Equatable {
    public var id: String
    /// The id, with the company of the referrer's own lead when there is one.
    public var name: String
    /// Referral leads they brought that were created in the period.
    public var leads: Int
    public var won: Int
    public var revenue: Money
  }

  /// All referrers with a referred lead or win in the period, by revenue, leads, then id.
  public var ranked: [Referrer]
  /// Revenue of the referral channels in the period (the whole, of which referrers bring part).
  public var referralRevenue: Money?
  /// How many referrers the top 20% is (at least one), among those who brought revenue.
  public var topCount: Int
  /// Share of referral revenue the top 20% of referrers bring.
  public var topShare: Double?

  /// The referrer's share of referral revenue.
  public func share(of referrer: Referrer) -> Double? { ratio(referrer.revenue, referralRevenue) }

  init(ledger: Ledger, period: Period, referralRevenue: Money?) {
    var byID: [TextID: Referrer] = [:]
    func entry(_ id: TextID) -> Referrer {
      byID[id] ?? Referrer(id: ledger.dataset.referrers[Int(id)], name: ledger.name(ofReferrer: id), leads: 0, won: 0, revenue: .zero)
    }
    for index in ledger.leads.indices where period.contains(ledger.leads.created(index)) && ledger.isReferral(ledger.leadChannel(index)) {
      guard let id = ledger.leads.referrer(index) else { continue }
      var referrer = entry(id)
      referrer.leads += 1
      byID[id] = referrer
    }
    let deals = ledger.deals
    for index in deals.indices where deals.outcome[index] == .won {
      guard let closed = deals.closed(index), period.contains(closed), ledger.isReferral(ledger.dealChannel(index)),
        let lead = ledger.dealLead(index), let id = ledger.leads.referrer(lead)
      else { continue }
      var referrer = entry(id)
      referrer.won += 1
      referrer.revenue += deals.amount(index) ?? .zero
      byID[id] = referrer
    }
    ranked = byID.values.sorted { a, b in
      if a.revenue != b.revenue { return a.revenue > b.revenue }
      if a.leads != b.leads { return a.leads > b.leads }
      return a.id < b.id
    }
    self.referralRevenue = referralRevenue
    let earning = ranked.filter { $0.revenue > .zero }
    topCount = max(1, (earning.count + 4) / 5)
    let topRevenue = earning.prefix(topCount).reduce(Money.zero) { $0 + $1.revenue }
    topShare = earning.isEmpty ? nil : ratio(topRevenue, referralRevenue)
  }
}
