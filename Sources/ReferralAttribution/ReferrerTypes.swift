import ReferralCore

/// Who refers: referral leads and revenue of the period by the kind of person the referrer is,
/// told by the referrer's own lead in the exports.
package struct ReferrerTypes: Sendable, Equatable {
  package enum Kind: String, Sendable, CaseIterable {
    /// The referrer's own lead has a won deal (at any time in the data).
    case customer
    /// The referrer's own lead has lost deals and no won one.
    case lostProspect = "lost_prospect"
    /// The referrer's own lead has neither a won nor a lost deal.
    case openProspect = "open_prospect"
    /// The referrer is not one of the leads: a partner, an accountant, an employee.
    case outside
  }

  package struct Row: Sendable, Equatable {
    package var kind: Kind
    /// Distinct referrers of this kind with a referral lead or a referred win in the period.
    package var referrers: Int
    /// Referral leads created in the period.
    package var leads: Int
    /// Referred deals won in the period, and their revenue (`nil` without amounts).
    package var won: Int
    package var revenue: Money?
  }

  /// One row per kind, in the order of ``Kind``.
  package var rows: [Row]

  init(ledger: Ledger, period: Period) {
    let (deals, leads) = (ledger.deals, ledger.leads)
    var lostLead = Array(repeating: false, count: leads.count)
    for index in deals.indices where deals.outcome[index] == .lost {
      if let lead = ledger.dealLead(index) { lostLead[lead] = true }
    }
    func kind(of referrer: TextID) -> Kind {
      guard let lead = ledger.lead(ofReferrer: referrer) else { return .outside }
      return ledger.converted(lead) ? .customer : lostLead[lead] ? .lostProspect : .openProspect
    }
    let hasAmounts = ledger.dataset.dealsHaveAmounts
    var rows = Kind.allCases.map { Row(kind: $0, referrers: 0, leads: 0, won: 0, revenue: hasAmounts ? .zero : nil) }
    var counted = Array(repeating: false, count: ledger.dataset.referrers.count)
    func slot(_ referrer: TextID) -> Int {
      let slot = Kind.allCases.firstIndex(of: kind(of: referrer))!
      if !counted[Int(referrer)] {
        counted[Int(referrer)] = true
        rows[slot].referrers += 1
      }
      return slot
    }
    leads.forEachReferral { index, referrer in
      guard period.contains(leads.created(index)), ledger.isReferral(ledger.leadChannel(index)) else { return }
      rows[slot(referrer)].leads += 1
    }
    for index in deals.indices where deals.outcome[index] == .won {
      guard let won = deals.closed(index), period.contains(won), ledger.isReferral(ledger.dealChannel(index)),
        let lead = ledger.dealLead(index), let referrer = leads.referrer(lead)
      else { continue }
      let at = slot(referrer)
      rows[at].won += 1
      if let amount = deals.amount(index) { rows[at].revenue.add(amount) }
    }
    self.rows = rows
  }
}
