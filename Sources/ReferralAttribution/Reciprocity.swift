import ReferralCore

/// Referrals passed both ways: the partners and customers the team refers business to are the
/// ones who refer back. Over the twelve months to the period's end (365 days).
package struct Reciprocity: Sendable, Equatable {
  /// One partner: whom the team gave referrals to, or who referred leads to it, or both.
  package struct Partner: Sendable, Equatable {
    package var partnerID: String
    /// Their company when their id is one of the leads' (as referrers are shown).
    package var name: String
    /// Referrals given to them, and referral leads received from them, in the twelve months.
    package var given = 0
    package var received = 0
    /// Their latest referral to us in the twelve months.
    package var lastReceived: Day?
  }

  /// Days after a referral given within which a referral back counts as returned.
  package static let returnDays = 180

  package var window: Period
  /// Every partner with a referral either way, most given and received first, then by id.
  package var partners: [Partner] = []
  /// Partners given a referral in the twelve months who referred a lead back within
  /// ``returnDays`` of one: of all the partners given a referral.
  package var reciprocityRate: Rate
  /// Partners who referred leads to us in the twelve months and were given none: whom to
  /// return the favour to, most referrals first.
  package var owed: [Partner] = []

  init(ledger: Ledger, given: [ReferralGiven], period: Period, minSample: Int) {
    let window = period.trailingYear
    self.window = window
    let leads = ledger.leads
    let referrers = ledger.dataset.referrers
    var byPartner: [String: Partner] = [:]
    // A partner who referred is shown as referrers are (with their company when they are a lead).
    var names: [String: String] = [:]
    // Every referral from a partner up to the period's end (a return may come after the window starts).
    var referredOn: [String: [Day]] = [:]
    leads.forEachReferral { lead, referrer in
      let day = leads.created(lead)
      guard day <= period.to else { return }
      let id = referrers[Int(referrer)]
      if names[id] == nil { names[id] = ledger.name(ofReferrer: referrer) }
      referredOn[id, default: []].append(day)
      guard window.contains(day) else { return }
      byPartner[id, default: Partner(partnerID: id, name: "")].received += 1
      byPartner[id]!.lastReceived = max(byPartner[id]!.lastReceived ?? day, day)
    }
    var givenTo: Set<String> = []
    var returned: Set<String> = []
    for referral in given where window.contains(referral.given) {
      byPartner[referral.partner, default: Partner(partnerID: referral.partner, name: "")].given += 1
      givenTo.insert(referral.partner)
      let back = referral.given.adding(days: Self.returnDays)
      if referredOn[referral.partner]?.contains(where: { referral.given <= $0 && $0 <= back }) == true { returned.insert(referral.partner) }
    }
    for id in byPartner.keys { byPartner[id]!.name = names[id] ?? id }
    partners = byPartner.values.sorted { ($1.given + $1.received, $0.partnerID) < ($0.given + $0.received, $1.partnerID) }
    reciprocityRate = Rate(returned.count, of: givenTo.count, .partnersGiven, minSample: minSample)
    owed = partners.filter { $0.received > 0 && $0.given == 0 }.sorted { ($1.received, $0.partnerID) < ($0.received, $1.partnerID) }
  }
}
