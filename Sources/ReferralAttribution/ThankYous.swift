import ReferralCore

/// Thank-you discipline: was every referrer thanked within the window after their referral?
package struct ThankYous: Sendable, Equatable {
  package struct Miss: Sendable, Equatable {
    package var leadID: String
    package var company: String
    /// The referred lead's person (`nil`: the leads export names nobody for them).
    package var name: String?
    package var referrer: String
    package var owner: String?
    package var created: Day
    /// `nil`: never thanked.
    package var thanked: Day?
  }

  package var windowDays: Int
  /// `false` when the leads export has no `thanked_at` column.
  package var known: Bool
  /// Referred leads created in the period whose window has passed by the last date in the data.
  package var due: Int
  package var onTime: Int
  /// Referred leads not thanked in time, oldest first: the action list.
  package var missed: [Miss]

  package var onTimeRate: Double? { ratio(onTime, due) }
  /// The misses whose referrer is still not thanked: the tasks. A referrer thanked late was
  /// thanked; the lateness counts against the discipline figures, but leaves nothing to do.
  package var unthanked: [Miss] { missed.filter { $0.thanked == nil } }

  init(ledger: Ledger, period: Period, windowDays: Int) {
    let data = ledger.dataset
    self.windowDays = windowDays
    known = data.leadsHaveThankedAt
    due = 0
    onTime = 0
    missed = []
    guard known else { return }
    let asOf = ledger.span?.end ?? period.to
    let leads = ledger.leads
    leads.forEachReferral { index, referrer in
      guard period.contains(leads.created(index)), ledger.isReferral(ledger.leadChannel(index)) else { return }
      let created = leads.created(index)
      let deadline = created.adding(days: windowDays)
      let thanked = leads.thanked(index)
      if let thanked, thanked <= deadline {
        due += 1
        onTime += 1
      } else if thanked != nil || deadline < asOf {
        due += 1
        missed.append(
          Miss(
            leadID: leads.id(index), company: ledger.company(ofLead: index), name: ledger.person(ofLead: index), referrer: ledger.name(ofReferrer: referrer),
            owner: leads.owner(index).map { data.owners[Int($0)] }, created: created, thanked: thanked))
      }
    }
    missed.sort { ($0.created, $0.leadID) < ($1.created, $1.leadID) }
  }
}
