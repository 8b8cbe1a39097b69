import ReferralCore

/// Top referrers, watched: the few referrers who bring most of the referral revenue, each with
/// how their referrals are going, so that one who goes quiet is noticed while a call can still
/// help. A few strong relationships bring more than many shallow ones; losing one unnoticed
/// costs more than any new referrer brings.
package struct ReferrerWatch: Sendable, Equatable {
  /// Why a referrer counts as cooling.
  package enum Cooling: String, Sendable, CaseIterable {
    /// Their referrals of the last 90 days are half or fewer of those of the 90 before.
    case referralsHalved = "referrals_halved"
    /// Their silence since their last referral is more than twice their usual gap between referrals.
    case silentTooLong = "silent_too_long"
  }

  package struct Referrer: Sendable, Equatable {
    package var id: String
    /// The company of the referrer's own lead; empty when the referrer is not one of the leads.
    package var company: String
    /// The person of the referrer's own lead (`nil`: not one of the leads, or no name in the export).
    package var person: String?
    /// Whether the referrer is one of the leads (their id is a lead's): a task can name that record.
    package var isLead: Bool
    /// Who works the referrer's own lead in the CRM (`nil`: not one of the leads, or no owner).
    package var owner: String?
    /// Revenue of their referrals' won deals in the trailing twelve months.
    package var revenue: Money
    /// Referral leads they brought created in the last 90 days to the period's end, and in the
    /// 90 days before those.
    package var last90: Int
    package var previous90: Int
    /// Their latest referral lead created by the period's end, and the days from it to the end.
    package var lastReferral: Day
    package var daysSinceLastReferral: Int
    /// The median days between the consecutive days they referred on, by the period's end;
    /// `nil` when they referred on one day only.
    package var usualGapDays: Double?
    /// The latest thank-you of one of their referrals by the period's end (`nil`: none, or no
    /// `thanked_at` column: ``ReferrerWatch/thanksKnown`` says which).
    package var lastThanked: Day?
    /// The latest gift or fee paid to them by the period's end (`nil`: none, or no payouts
    /// export: ``ReferrerWatch/payoutsKnown`` says which).
    package var lastPaid: Day?
    /// Why they are cooling, in the order of ``Cooling``; empty when they are not.
    package var cooling: [Cooling]

    package var isCooling: Bool { !cooling.isEmpty }
    /// The id, with the person and company of the referrer's own lead when there are.
    package var name: String { RecordName.withID(id, person: person, company: company) }
  }

  /// `[referrers] top_share`: the share of earning referrers watched.
  package var topShare: Double
  /// Referrers whose referrals won revenue in the trailing twelve months.
  package var earningReferrers: Int
  package var trailingYear: Period
  /// The watched: the top ``topShare`` of earning referrers (rounded up), most revenue first.
  package var referrers: [Referrer]
  /// Whether the leads export has a `thanked_at` column, and whether a payouts export was given.
  package var thanksKnown: Bool
  package var payoutsKnown: Bool

  /// The watched referrers who are cooling: the call list.
  package var coolingReferrers: [Referrer] { referrers.filter(\.isCooling) }

  /// How many of `earning` referrers the top `share` is: rounded up (a share of one referrer is
  /// that referrer), less a hair so that 0.2 of 35 is 7, not 8 by the fraction's last bit.
  package static func watchedCount(earning: Int, share: Double) -> Int {
    min(earning, Int((Double(earning) * share - 1e-9).rounded(.up)))
  }

  init(ledger: Ledger, period: Period, topShare: Double) {
    let data = ledger.dataset
    let (leads, deals) = (ledger.leads, ledger.deals)
    self.topShare = topShare
    trailingYear = period.trailingYear
    thanksKnown = data.leadsHaveThankedAt
    payoutsKnown = data.hasPayouts
    let count = data.referrers.count
    var revenue = Array(repeating: Int64(0), count: count)
    var earned = Array(repeating: false, count: count)
    for index in deals.indices where deals.outcome[index] == .won {
      guard let closed = deals.closed(index), trailingYear.contains(closed), ledger.isReferral(ledger.dealChannel(index)),
        let lead = ledger.dealLead(index), let referrer = leads.referrer(lead).map(Int.init)
      else { continue }
      revenue[referrer] += deals.amount(index)?.minorUnits ?? 0
      earned[referrer] = true
    }
    let ids = data.referrers
    let earning = (0..<count).filter { earned[$0] && revenue[$0] > 0 }
    earningReferrers = earning.count
    let top = earning.sorted { a, b in revenue[a] != revenue[b] ? revenue[a] > revenue[b] : ids[a] < ids[b] }
      .prefix(Self.watchedCount(earning: earning.count, share: topShare))
    // Only the watched (a few hundred at most) keep their days: by place in `top`.
    var place = [Int: Int]()
    for (at, referrer) in top.enumerated() { place[referrer] = at }
    var days = Array(repeating: [Day](), count: top.count)
    var thanked = Array(repeating: Day?.none, count: top.count)
    leads.forEachReferral { index, referrer in
      guard let at = place[Int(referrer)], ledger.isReferral(ledger.leadChannel(index)), leads.created(index) <= period.to else { return }
      days[at].append(leads.created(index))
      if let day = leads.thanked(index), day <= period.to, day > (thanked[at] ?? Day(ordinal: .min)) { thanked[at] = day }
    }
    var paid = Array(repeating: Day?.none, count: top.count)
    let payouts = data.payoutTable
    for index in payouts.indices {
      guard let at = payouts.referrer(index).flatMap({ place[Int($0)] }) else { continue }
      let day = payouts.paid(index)
      if day <= period.to, day > (paid[at] ?? Day(ordinal: .min)) { paid[at] = day }
    }
    let recent = period.to.adding(days: -89)
    let before = period.to.adding(days: -179)
    referrers = top.enumerated().compactMap { at, referrer in
      // A referrer earns through a referral lead, so one has days unless all were created after the period's end.
      let sorted = days[at].sorted()
      guard let last = sorted.last else { return nil }
      let last90 = sorted.count { $0 >= recent }
      let previous90 = sorted.count { $0 >= before && $0 < recent }
      // Between the distinct days they referred on: two referrals on one day are one occasion,
      // not a usual gap of 0 days that any silence would be more than twice of.
      let gaps = median(zip(sorted, sorted.dropFirst()).compactMap { earlier, later in earlier == later ? nil : earlier.days(to: later) })
      let silent = last.days(to: period.to)
      var cooling: [Cooling] = []
      if previous90 > 0, 2 * last90 <= previous90 { cooling.append(.referralsHalved) }
      if let gap = gaps, Double(silent) > 2 * gap { cooling.append(.silentTooLong) }
      let own = ledger.lead(ofReferrer: TextID(referrer))
      return Referrer(
        id: ids[referrer], company: ledger.company(ofReferrer: TextID(referrer)), person: ledger.person(ofReferrer: TextID(referrer)), isLead: own != nil,
        owner: own.flatMap { leads.owner($0) }.map { data.owners[Int($0)] },
        revenue: Money(minorUnits: revenue[referrer]), last90: last90, previous90: previous90, lastReferral: last, daysSinceLastReferral: silent,
        usualGapDays: gaps, lastThanked: thanked[at], lastPaid: paid[at], cooling: cooling)
    }
  }
}
