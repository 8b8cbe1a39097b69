import ReferralCore

/// Closing the loop: a referrer whose referral was won should hear so, with a gift or the fee,
/// or they stop referring. Lists the referred deals won in the period whose referrer has had no
/// payout dated on or after the win (and no payout names the deal since).
package struct ClosingTheLoop: Sendable, Equatable {
  package struct Open: Sendable, Equatable {
    package var dealID: String
    package var leadID: String
    /// The lead as a person reads it: its id, with its company when the export has one.
    package var leadName: String
    /// The referrer as shown: their id, with their company when they are one of the leads.
    package var referrer: String
    /// Who tells the referrer: the deal's owner, else its lead's (`nil`: neither known).
    package var owner: String?
    package var amount: Money?
    package var won: Day
    /// Whole days from the win to the period's last day.
    package var daysSinceWin: Int
  }

  /// The won referred deals still waiting for a payout, oldest win first; `nil` without a
  /// payouts export (no payout can be known, so none can be called missing).
  package var open: [Open]?

  init(ledger: Ledger, period: Period) {
    let data = ledger.dataset
    guard data.hasPayouts else {
      open = nil
      return
    }
    // The latest payout of each referrer, and of each deal a payout names.
    let payouts = data.payoutTable
    var referrerPaid = [Int32?](repeating: nil, count: data.referrers.count)
    var dealPaid = [Int32?](repeating: nil, count: ledger.deals.count)
    for index in payouts.indices {
      let day = payouts.paid(index).ordinal
      if let referrer = payouts.referrer(index).map(Int.init) { referrerPaid[referrer] = max(referrerPaid[referrer] ?? day, day) }
      if let deal = ledger.payoutDeal(index) { dealPaid[deal] = max(dealPaid[deal] ?? day, day) }
    }
    let (deals, leads) = (ledger.deals, ledger.leads)
    var found: [Open] = []
    for index in deals.indices where deals.outcome[index] == .won {
      guard let won = deals.closed(index), period.contains(won), ledger.isReferral(ledger.dealChannel(index)),
        let lead = ledger.dealLead(index), let referrer = leads.referrer(lead)
      else { continue }
      let thanked = [referrerPaid[Int(referrer)], dealPaid[index]].contains { ($0 ?? .min) >= won.ordinal }
      guard !thanked else { continue }
      found.append(
        Open(
          dealID: deals.id(index), leadID: leads.id(lead), leadName: ledger.name(ofLead: lead), referrer: ledger.name(ofReferrer: referrer),
          owner: ledger.owner(ofDeal: index),
          amount: deals.amount(index), won: won,
          daysSinceWin: won.days(to: period.to)))
    }
    open = found.sorted { ($0.won, $0.dealID) < ($1.won, $1.dealID) }
  }
}
