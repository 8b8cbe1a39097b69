import ReferralCore

/// Thank-you discipline: was every referrer thanked within the window after their referral?
public struct ThankYous: Sendable, Equatable {
  public struct Miss: Sendable, Equatable {
    public var leadID: String
    public var company: String
    public var referrer: String
    public var owner: String?
    public var created: Day
    /// `nil`: never thanked.
    public var thanked: Day?
  }

  public var windowDays: Int
  /// `false` when the leads export has no `thanked_at` column.
  public var known: Bool
  /// Referred leads created in the period whose window has passed by the last date in the data.
  public var due: Int
  public var onTime: Int
  /// Referred leads not thanked in time, oldest first: the action list.
  public var missed: [Miss]

  public var onTimeRate: Double? { ratio(onTime, due) }

  init(ledger: Ledger, period: Period, windowDays: Int) {
    let data = ledger.dataset
    self.windowDays = windowDays
    known = data.leadsHaveThankedAt
    due = 0
    onTime = 0
    missed = []
    guard known else { return }
    let asOf = ledger.latestDay ?? period.to
    for (index, lead) in data.leads.enumerated() where period.contains(lead.created) && ledger.isReferral(ledger.leadChannel[index]) {
      guard let referrer = ledger.referrer(ofLead: index) else { continue }
      let deadline = lead.created.adding(days: windowDays)
      if let thanked = lead.thanked, thanked <= deadline {
        due += 1
        onTime += 1
      } else if lead.thanked != nil || deadline < asOf {
        due += 1
        missed.append(
          Miss(
            leadID: lead.id, company: lead.company, referrer: ledger.referrerName(referrer),
            owner: lead.owner.map { data.owners[Int($0)] }, created: lead.created, thanked: lead.thanked))
      }
    }
    missed.sort { ($0.created, $0.leadID) < ($1.created, $1.leadID) }
  }
}
