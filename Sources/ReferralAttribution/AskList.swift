import ReferralCore

/// Whom to ask next: customers due an ask, and the prospects lost in the period (the "who would
/// be a better fit?" ask). Made also without an asks export (then nobody counts as asked).
package struct AskList: Sendable, Equatable {
  /// In this order, 72 bytes (80 in the order a reader would expect): at 10M leads the list
  /// holds 300,000 customers.
  package struct Customer: Sendable, Equatable {
    package var leadID: String
    package var company: String
    package var owner: String?
    /// Days from the first win to the period's end.
    package var daysSinceFirstWin: Int
    /// Won revenue of the customer's deals closed by the period's end (`nil` without amounts).
    package var revenue: Money?
    package var firstWin: Day
  }

  package struct LostProspect: Sendable, Equatable {
    package var leadID: String
    package var company: String
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

  init(ledger: Ledger, period: Period, afterDays: Int) {
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
    var askedOrReferred = PositionSet(count: leads.count)
    let asks = data.askTable
    for ask in asks.indices where year.contains(asks.asked(ask)) {
      if let lead = ledger.lead(ofAsk: ask) { askedOrReferred.insert(lead) }
    }
    leads.forEachReferral { index, referrer in
      guard year.contains(leads.created(index)), let referring = ledger.lead(ofReferrer: referrer) else { return }
      askedOrReferred.insert(referring)
    }
    let owner = { (lead: Int) in leads.owner(lead).map { data.owners[Int($0)] } }
    // Ranked by position first (integer keys; ids compared only on equal revenue), and only
    // then made into entries: at a million leads, tens of thousands are due.
    let due = leads.indices.filter { lead in
      guard let win = ledger.firstWin(ofLead: lead), !askedOrReferred.contains(lead) else { return false }
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
    let ranked = due.indices.sorted { a, b in
      let (x, y) = (revenue[a], revenue[b])
      return x != y ? x > y : leads.index.precedes(due[a], due[b])
    }
    customers = ranked.map { at in
      let lead = due[at]
      let win = ledger.firstWin(ofLead: lead)!
      return Customer(
        leadID: leads.id(lead), company: ledger.company(ofLead: lead), owner: owner(lead), daysSinceFirstWin: win.days(to: period.to),
        revenue: hasAmounts ? Money(minorUnits: revenue[at]) : nil, firstWin: win)
    }
    // Sorted as (lead, deal, day) entries: no dictionary lookup while sorting.
    let lostOrder = lost.map { (lead: $0.key, deal: $0.value, day: deals.closed($0.value)!.ordinal) }.sorted { a, b in
      a.day != b.day ? a.day < b.day : leads.index.precedes(a.lead, b.lead)
    }
    lostProspects = lostOrder.map { lead, deal, _ in
      LostProspect(
        leadID: leads.id(lead), company: ledger.company(ofLead: lead), owner: ledger.owner(ofDeal: deal),
        dealID: deals.id(deal), lost: deals.closed(deal)!)
    }
    self.afterDays = afterDays
    asksKnown = data.hasAsks
  }
}
