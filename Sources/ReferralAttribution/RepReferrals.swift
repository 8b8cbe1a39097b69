import ReferralCore

/// Referral leads per owner per month, against the per-rep monthly target.
package struct RepReferrals: Sendable, Equatable {
  package struct Rep: Sendable, Equatable {
    package var owner: String
    /// Referral leads in each month of the period, in order.
    package var perMonth: [Int]
    /// Under the target in at least one month of the period.
    package var belowTarget: Bool
    package var total: Int { perMonth.reduce(0, +) }
  }

  package var months: [Month]
  package var target: Int
  /// Every owner with a lead in the period, fewest referral leads first, then by name.
  package var reps: [Rep]
  /// Reps under the target in at least one month of the period.
  package var belowTarget: [Rep] { reps.filter(\.belowTarget) }

  init(ledger: Ledger, period: Period, target: Int) {
    self.target = target
    months = period.months
    let data = ledger.dataset
    // By owner number: a row per owner with a lead in the period, counted in place.
    var counts: [[Int]?] = Array(repeating: nil, count: data.owners.count)
    let leads = ledger.leads
    for index in leads.indices where period.contains(leads.created(index)) {
      guard let owner = leads.owner(index).map(Int.init) else { continue }
      if counts[owner] == nil { counts[owner] = Array(repeating: 0, count: months.count) }
      if ledger.isReferral(ledger.leadChannel(index)) {
        counts[owner]![months.firstIndex(of: leads.created(index).month)!] += 1
      }
    }
    reps = counts.indices.compactMap { owner in counts[owner].map { Rep(owner: data.owners[owner], perMonth: $0, belowTarget: $0.contains { $0 < target }) } }
      .sorted { ($0.total, $0.owner) < ($1.total, $1.owner) }
  }
}
