import ReferralCore

/// Referrals from referrals: a lead whose referrer's own lead was itself referred is one
/// generation further down the chain.
package struct ReferralChains: Sendable, Equatable {
  package struct Generation: Sendable, Equatable {
    /// 1: referred by someone who was not referred; 2: by a generation-1 lead; and so on.
    package var generation: Int
    /// Referred leads created in the period.
    package var leads: Int
    /// Revenue of their deals won in the period.
    package var revenue: Money
  }

  package var generations: [Generation]
  /// The longest chain up to the end of the period, from the first referrer to the last lead
  /// (shown as names); empty when no referral was referred by a referral.
  package var longest: [String]

  init(ledger: Ledger, period: Period) {
    let leads = ledger.leads
    var walk = GenerationWalk(leadCount: leads.count)
    func depth(_ lead: Int) -> Int { walk.generation(of: lead, in: ledger, leads: leads) }
    var byGeneration: [Int: Generation] = [:]
    var deepest: (depth: Int, lead: Int)?
    // A lead without a referrer is of no generation: only the referrals are walked.
    leads.forEachReferral { index, _ in
      guard leads.created(index) <= period.to else { return }
      let g = depth(index)
      guard g > 0 else { return }
      if deepest == nil || g > deepest!.depth || (g == deepest!.depth && leads.index.precedes(index, deepest!.lead)) {
        deepest = (g, index)
      }
      if period.contains(leads.created(index)) {
        byGeneration[g, default: Generation(generation: g, leads: 0, revenue: .zero)].leads += 1
      }
    }
    let deals = ledger.deals
    for index in deals.indices where deals.outcome[index] == .won {
      guard let closed = deals.closed(index), period.contains(closed), let lead = ledger.dealLead(index) else { continue }
      let g = depth(lead)
      guard g > 0 else { continue }
      byGeneration[g, default: Generation(generation: g, leads: 0, revenue: .zero)].revenue += deals.amount(index) ?? .zero
    }
    generations = byGeneration.values.sorted { $0.generation < $1.generation }
    longest = []
    if let deepest, deepest.depth > 1 {
      var chain = [ledger.name(ofLead: deepest.lead)]
      var current = deepest.lead
      while let referrer = leads.referrer(current), chain.count <= deepest.depth {
        chain.append(ledger.name(ofReferrer: referrer))
        guard let own = ledger.referringLead(ofLead: current) else { break }
        current = own
      }
      longest = chain.reversed()
    }
  }
}

/// The generation of every lead, each found once: walking up a chain settles every lead on
/// the way. 0: not yet known, -1: on the path being walked, -2: not referred, n > 0: generation n.
/// The ledger and its lead table are passed to each walk, not held or reached through one
/// another: read that way, the lead table was copied on every call.
private struct GenerationWalk {
  /// One byte a lead; generations beyond ``deepMark`` (chains no real programme has) are
  /// kept in `deep`.
  private var generation: [Int8]
  private var deep: [Int: Int] = [:]
  private var path: [Int] = []
  private static let deepMark: Int8 = 120

  init(leadCount: Int) {
    generation = Array(repeating: 0, count: leadCount)
  }

  private func known(_ lead: Int) -> Int {
    let value = generation[lead]
    return value == Self.deepMark ? deep[lead]! : Int(value)
  }

  private mutating func set(_ lead: Int, _ value: Int) {
    if value >= Int(Self.deepMark) {
      generation[lead] = Self.deepMark
      deep[lead] = value
    } else {
      generation[lead] = Int8(value)
    }
  }

  mutating func generation(of start: Int, in ledger: Ledger, leads: LeadTable) -> Int {
    if generation[start] != 0 { return max(known(start), 0) }
    var current = start
    var base = 0
    while true {
      let value = known(current)
      if value > 0 {
        base = value
        break
      }
      if value < 0 { break }  // not referred, or a loop of referrers: the chain starts here
      guard let referrer = leads.referrer(current), ledger.isReferral(ledger.channel(ofSource: leads.source(current))) else {
        set(current, -2)
        break
      }
      set(current, -1)
      path.append(current)
      guard let own = ledger.lead(ofReferrer: referrer) else { break }
      current = own
    }
    // Down the path again, from the top of the chain: the path is empty for the next walk.
    while let index = path.popLast() {
      base += 1
      set(index, base)
    }
    return max(known(start), 0)
  }
}
