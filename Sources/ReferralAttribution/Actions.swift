import ReferralCore

/// One thing that needs doing, decided once from the figures: the report's Actions section and
/// `summary.json`'s `actions` list both read these, so they cannot disagree.
package enum Action: Sendable, Equatable {
  /// Referred leads of the period whose referrer was not thanked within the window.
  case thankReferrers(referredLeads: Int, windowDays: Int)
  /// Won referred deals with a fee outstanding (only when fee rules and payouts are both known).
  case payFees(deals: Int, outstanding: Money?)
  /// Referred deals won in the period whose referrer has had no gift or fee since the win.
  case closeTheLoop(deals: Int)
  /// Customers due an ask for a referral whose next step is the ask (see ``AskList``).
  case askCustomers(customers: Int)
  /// Customers due an ask with no recent answer (or a passive one): ask how it is going first.
  case askForFeedback(customers: Int)
  /// Customers due an ask whose latest answer detracts: their owner fixes things first.
  case fixFirst(customers: Int)
  /// Prospects lost in the period, to ask who would be a better fit.
  case askLostProspects(prospects: Int)
  /// Watched top referrers who are cooling (see ``ReferrerWatch``): call them.
  case callCoolingReferrers(referrers: Int)
  /// Payouts of the period that name no deal of the exports.
  case matchPayouts(payouts: Int)
  /// Reps below the monthly referral-lead target in some month of the period.
  case coachReps(owners: [String], target: Int)
  /// Raw source values that match no channel of the catalogue.
  case mapSources(values: [String])
  /// Input rows rejected (listed in `rejects.csv`).
  case fixRejects(rows: Int)
  /// Won deals of the period whose channel cannot be known: no lead and no source of their own.
  case giveDealsAChannel(wonDeals: Int)

  /// The action's name in `summary.json`.
  package var kind: String {
    switch self {
    case .thankReferrers: "thank_referrers"
    case .payFees: "pay_fees"
    case .closeTheLoop: "close_the_loop"
    case .askCustomers: "ask_customers"
    case .askForFeedback: "ask_for_feedback"
    case .fixFirst: "fix_first"
    case .askLostProspects: "ask_lost_prospects"
    case .callCoolingReferrers: "call_cooling_referrers"
    case .matchPayouts: "match_payouts"
    case .coachReps: "coach_reps"
    case .mapSources: "map_sources"
    case .fixRejects: "fix_rejects"
    case .giveDealsAChannel: "give_deals_a_channel"
    }
  }

  /// How many rows, deals or people the action is about.
  package var count: Int {
    switch self {
    case .thankReferrers(let n, _), .payFees(let n, _), .closeTheLoop(let n), .askCustomers(let n), .askForFeedback(let n), .fixFirst(let n),
      .askLostProspects(let n),
      .callCoolingReferrers(let n), .matchPayouts(let n), .fixRejects(let n), .giveDealsAChannel(let n):
      n
    case .coachReps(let owners, _): owners.count
    case .mapSources(let values): values.count
    }
  }

  /// The actions of a result, most valuable first (the report's first screen names the first
  /// three; an action with nothing to do is not listed). The order is one rule, by what the
  /// action is worth to the referral business: first money owed to referrers who brought won
  /// deals (unpaid fees cost their trust) and the asks that bring the next referrals, then what
  /// keeps referrers referring (telling them of the win, thanking them), then the asks of lost
  /// prospects and coaching, and last what corrects the figures themselves (deals without a
  /// channel, unmapped sources, rejected rows, payouts without a deal).
  /// `undated`: the exports hold no dates, so nothing that counts days or months is listed (no
  /// thank-you is late, no customer due an ask, no rep below a monthly target).
  static func list(current: PeriodFigures, programme p: Programme, quality: DataQuality, undated: Bool = false) -> [Action] {
    var actions: [Action] = []
    if let unpaid = p.fees.unpaid, !unpaid.isEmpty { actions.append(.payFees(deals: unpaid.count, outstanding: p.fees.backlog)) }
    // Who to ask, as the feedback says: a detractor's problem first, then the asks, then
    // the customers whose feelings are not known yet.
    if !undated {
      let list = p.askList
      let (ask, feedback, fix) = (list.count(to: .ask), list.count(to: .askForFeedback), list.count(to: .fixFirst))
      if fix > 0 { actions.append(.fixFirst(customers: fix)) }
      if ask > 0 { actions.append(.askCustomers(customers: ask)) }
      if feedback > 0 { actions.append(.askForFeedback(customers: feedback)) }
    }
    if let open = p.closingTheLoop.open, !open.isEmpty { actions.append(.closeTheLoop(deals: open.count)) }
    // The thank-yous still owed, as tasks/thank-referrers.csv lists them: one thanked late is
    // a discipline figure (Thank-you discipline), not something left to do.
    let unthanked = p.thankYous.unthanked.count
    if !undated, unthanked > 0 { actions.append(.thankReferrers(referredLeads: unthanked, windowDays: p.thankYous.windowDays)) }
    if !undated, !p.askList.lostProspects.isEmpty { actions.append(.askLostProspects(prospects: p.askList.lostProspects.count)) }
    let cooling = p.referrerWatch.coolingReferrers.count
    if !undated, cooling > 0 { actions.append(.callCoolingReferrers(referrers: cooling)) }
    let below = p.reps.belowTarget
    if !undated, !below.isEmpty { actions.append(.coachReps(owners: below.map(\.owner), target: p.reps.target)) }
    if current.unknownChannelWins > 0 { actions.append(.giveDealsAChannel(wonDeals: current.unknownChannelWins)) }
    if !quality.unmappedSources.isEmpty { actions.append(.mapSources(values: quality.unmappedSources.map(\.value))) }
    let rejected = quality.inputs.reduce(0) { $0 + $1.rejected }
    if rejected > 0 { actions.append(.fixRejects(rows: rejected)) }
    if !p.fees.unmatched.isEmpty { actions.append(.matchPayouts(payouts: p.fees.unmatched.count)) }
    return actions
  }
}
