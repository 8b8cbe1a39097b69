import ReferralCore

/// Whom to ask next: customers due an ask, and the prospects lost in the period (the "who would
/// be a better fit?" ask). Made also without an asks export (then nobody counts as asked).
package struct AskList: Sendable, Equatable {
  /// What to do next with a customer due an ask, from their latest answer to the feedback
  /// survey: ask only the happy ones, ask the others how it is going first, and mend what a
  /// detractor complained of before anyone asks them for anything.
  package enum NextStep: String, Sendable, CaseIterable {
    /// A promoter (or a passive with `[feedback] ask_passives`), or anyone when no feedback
    /// export was given: ask for a referral.
    case ask
    /// No answer within `[feedback] valid_days` (or a passive): ask how it is going first.
    case askForFeedback = "ask_for_feedback"
    /// A detractor: not asked; their account owner fixes what they complained of first.
    case fixFirst = "fix_first"
  }

  /// A customer due an ask, with what their account owner needs to make it.
  package struct Customer: Sendable, Equatable {
    package var leadID: String
    package var company: String
    /// The customer's person (`nil`: the leads export names nobody for them).
    package var name: String?
    package var owner: String?
    /// What a detractor wrote beside their score (`nil`: nothing, or not a detractor).
    package var comment: String?
    /// Days from the first win to the period's end.
    package var daysSinceFirstWin: Int
    /// Won revenue of the customer's deals closed by the period's end (`nil` without amounts).
    package var revenue: Money?
    package var firstWin: Day
    /// The band of their latest answer within the valid days (`nil`: none, or no feedback export).
    package var feedback: FeedbackBand?
    package var nextStep: NextStep
  }

  package struct LostProspect: Sendable, Equatable {
    package var leadID: String
    package var company: String
    /// The prospect's person (`nil`: the leads export names nobody for them).
    package var name: String?
    package var owner: String?
    package var dealID: String
    package var lost: Day
  }

  /// Customers whose first win is between ``afterDays`` and 365 days before the period's end,
  /// not asked in the twelve months to it, who referred nobody in them; most revenue first.
  package var customers: [Customer]
  /// Leads whose deal was lost in the period, one entry each (their latest loss, the later in
  /// the export on a tie), oldest first.
  package var lostProspects: [LostProspect]
  package var afterDays: Int
  /// Whether an asks export said who was asked (without one, nobody counts as asked).
  package var asksKnown: Bool
  /// Whether a feedback export was given: without one every customer's next step is ``NextStep/ask``
  /// and their feedback `nil`, as before feedback was read.
  package var feedbackKnown: Bool
  /// `[feedback] valid_days` and `ask_passives`, as the section says them.
  package var validDays: Int
  package var askPassives: Bool

  /// The customers whose next step is `step` (to ask for a referral, to ask how it is going,
  /// to fix things for first), in the list's order: read in place, not copied (hundreds of
  /// thousands at 10M leads, each copy retaining their texts, on the thread that lists the
  /// actions, where only their number is read).
  package func customers(to step: NextStep) -> LazyFilterSequence<[Customer]> { customers.lazy.filter { $0.nextStep == step } }

  /// How many customers' next step is `step`.
  package func count(to step: NextStep) -> Int { customers.reduce(0) { $1.nextStep == step ? $0 + 1 : $0 } }

  init(ledger: Ledger, period: Period, options: AttributionOptions) {
    let afterDays = options.askAfterDays
    let data = ledger.dataset
    let (deals, leads) = (ledger.deals, ledger.leads)
    let year = period.trailingYear
    // At 3M leads every byte per lead is 3 MB: the first win is the ledger's, the revenue is
    // summed for the customers due only (a second pass over the deals), and the deals lost in
    // the period are few.
    let hasAmounts = data.dealsHaveAmounts
    // Each lead's latest deal lost in the period.
    var lost: [Int: Int] = [:]
    for index in deals.indices where deals.outcome[index] == .lost {
      guard let lead = ledger.dealLead(index), let closed = deals.closed(index), period.contains(closed) else { continue }
      if let known = lost[lead], (closed, index) < (deals.closed(known)!, known) { continue }
      lost[lead] = index
    }
    var askedOrReferred = Array(repeating: false, count: leads.count)
    let asks = data.askTable
    for ask in asks.indices where year.contains(asks.asked(ask)) {
      if let lead = ledger.lead(ofAsk: ask) { askedOrReferred[lead] = true }
    }
    leads.forEachReferral { index, referrer in
      guard year.contains(leads.created(index)), let referring = ledger.lead(ofReferrer: referrer) else { return }
      askedOrReferred[referring] = true
    }
    let owner = { (lead: Int) in leads.owner(lead).map { data.owners[Int($0)] } }
    // Ranked by position first (integer keys; ids compared only on equal revenue), and only
    // then made into entries: at a million leads, tens of thousands are due.
    let due = leads.indices.filter { lead in
      guard let win = ledger.firstWin(ofLead: lead), !askedOrReferred[lead] else { return false }
      let age = win.days(to: period.to)
      return age >= afterDays && age <= 365
    }
    // Their won revenue to the period's end, by their place in `due` (found by halving, as
    // `due` is in lead order: once per won deal, never while sorting, and no dictionary of
    // every customer due).
    func place(of lead: Int) -> Int? {
      var (low, high) = (0, due.count)
      while low < high {
        let middle = (low + high) / 2
        if due[middle] < lead { low = middle + 1 } else { high = middle }
      }
      return low < due.count && due[low] == lead ? low : nil
    }
    var revenue = [Int64](repeating: 0, count: due.count)
    if !due.isEmpty {
      for index in deals.indices where deals.outcome[index] == .won {
        guard let lead = ledger.dealLead(index), let at = place(of: lead), let closed = deals.closed(index), closed <= period.to else { continue }
        revenue[at] += deals.amount(index)?.minorUnits ?? 0
      }
    }
    // Each due customer's latest answer within the valid days to the period's end (the later
    // in the export on a tie), by place in `due`.
    let answers = data.feedbackTable
    let validFrom = period.to.adding(days: -options.feedbackValidDays)
    var latest = [Int32](repeating: -1, count: due.count)
    for answer in answers.indices {
      let day = answers.answered(answer)
      guard day >= validFrom, day <= period.to, let lead = ledger.lead(ofAnswer: answer), let at = place(of: lead) else { continue }
      if latest[at] >= 0, day < answers.answered(Int(latest[at])) { continue }
      latest[at] = Int32(answer)
    }
    let feedbackKnown = data.hasFeedback
    func step(_ band: FeedbackBand?) -> NextStep {
      guard feedbackKnown else { return .ask }
      switch band {
      case .promoter: return .ask
      case .passive: return options.askPassives ? .ask : .askForFeedback
      case .detractor: return .fixFirst
      case nil: return .askForFeedback
      }
    }
    let ranked = due.indices.sorted { a, b in
      let (x, y) = (revenue[a], revenue[b])
      return x != y ? x > y : leads.index.precedes(due[a], due[b])
    }
    customers = ranked.map { at in
      let lead = due[at]
      let win = ledger.firstWin(ofLead: lead)!
      let answer = latest[at] < 0 ? nil : Int(latest[at])
      let band = answer.map { data.feedbackScale.band(of: answers.score($0)) }
      return Customer(
        leadID: leads.id(lead), company: ledger.company(ofLead: lead), name: ledger.person(ofLead: lead), owner: owner(lead),
        comment: band == .detractor ? answer.flatMap(answers.comment) : nil, daysSinceFirstWin: win.days(to: period.to),
        revenue: hasAmounts ? Money(minorUnits: revenue[at]) : nil, firstWin: win, feedback: band, nextStep: step(band))
    }
    // Sorted as (lead, deal, day) entries: no dictionary lookup while sorting.
    let lostOrder = lost.map { (lead: $0.key, deal: $0.value, day: deals.closed($0.value)!.ordinal) }.sorted { a, b in
      a.day != b.day ? a.day < b.day : leads.index.precedes(a.lead, b.lead)
    }
    lostProspects = lostOrder.map { lead, deal, _ in
      LostProspect(
        leadID: leads.id(lead), company: ledger.company(ofLead: lead), name: ledger.person(ofLead: lead),
        owner: ledger.owner(ofDeal: deal),
        dealID: deals.id(deal), lost: deals.closed(deal)!)
    }
    self.afterDays = afterDays
    asksKnown = data.hasAsks
    self.feedbackKnown = feedbackKnown
    validDays = options.feedbackValidDays
    askPassives = options.askPassives
  }
}
