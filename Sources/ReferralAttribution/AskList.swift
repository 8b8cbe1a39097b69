import ReferralCore

/// Whom to ask next: customers due an ask, and the prospects lost in the period (the "who would
/// be a better fit?" ask). Made also without an asks export (then nobody counts as asked).
public struct AskList: Sendable, Equatable {
  public struct Customer: Sendable, Equatable {
    public var leadID: String
    public var company: String
    public var owner: String?
    public var firstWin: Day
    /// Won revenue of the customer's deals closed by the period's end (`nil` without amounts).
    public var revenue: Money?
    /// Days from the first win to the period's end.
    public var daysSinceFirstWin: Int
  }

  public struct LostProspect: Sendable, Equatable {
    public var leadID: String
    public var company: String
    public var owner: String?
    public var dealID: String
    public var lost: Day
  }

  /// Customers whose first win is between ``afterDays`` and 365 days before the period's end,
  /// not asked in the twelve months to it, who referred nobody in them; most revenue first.
  public var customers: [Customer]
  /// Leads whose deal was lost in the period, one entry each (their latest loss, the later in
  /// the export on a tie), oldest first.
  public var lostProspects: [LostProspect]
  public var afterDays: Int
  /// Whether an asks export said who was asked (without one, nobody counts as asked).
  public var asksKnown: Bool

  init(ledger: Ledger, period: Period, afterDays: Int) {
    let data = ledger.dataset
    let (deals, leads) = (ledger.deals, ledger.leads)
    let year = period.trailingYear
    // Per lead, compact (at 3M leads every byte per lead is 3 MB): the first win's day
    // (`Int32.max`: none) and the won revenue in minor units (an export with amounts has one on
    // every won deal).
    var firstWin = [Int32](repeating: .max, count: leads.count)
    var revenue = [Int64](repeating: 0, count: leads.count)
    let hasAmounts = data.dealsHaveAmounts
    // Each lead's latest deal lost in the period (-1: none), by position: no hashing per deal.
    var lost = Array(repeating: Int32(-1), count: leads.count)
    for index in deals.indices {
      guard let lead = ledger.dealLead(index), let closed = deals.closed(index), closed <= period.to else { continue }
      switch deals.outcome[index] {
      case .won:
        firstWin[lead] = min(firstWin[lead], closed.ordinal)
        revenue[lead] += deals.amount(index)?.minorUnits ?? 0
      case .lost:
        guard period.contains(closed) else { continue }
        let known = Int(lost[lead])
        if known < 0 || (deals.closed(known)!, known) < (closed, index) { lost[lead] = Int32(index) }
      case .open: continue
      }
    }
    var askedOrReferred = Array(repeating: false, count: leads.count)
    for ask in data.asks where year.contains(ask.asked) {
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
      guard firstWin[lead] != .max, !askedOrReferred[lead] else { return false }
      let age = Day(ordinal: firstWin[lead]).days(to: period.to)
      return age >= afterDays && age <= 365
    }
    let ranked = due.sorted { a, b in
      let (x, y) = (revenue[a], revenue[b])
      return x != y ? x > y : leads.index.precedes(a, b)
    }
    customers = ranked.map { lead in
      let win = Day(ordinal: firstWin[lead])
      return Customer(
        leadID: leads.id(lead), company: ledger.company(ofLead: lead), owner: owner(lead), firstWin: win,
        revenue: hasAmounts ? Money(minorUnits: revenue[lead]) : nil,
        daysSinceFirstWin: win.days(to: period.to))
    }
    let lostDay = { (lead: Int) in deals.closed(Int(lost[lead]))!.ordinal }
    let lostOrder = leads.indices.filter { lost[$0] >= 0 }.sorted { a, b in
      let (x, y) = (lostDay(a), lostDay(b))
      return x != y ? x < y : leads.index.precedes(a, b)
    }
    lostProspects = lostOrder.map { lead in
      let deal = Int(lost[lead])
      return LostProspect(
        leadID: leads.id(lead), company: ledger.company(ofLead: lead), owner: deals.owner(deal).map { data.owners[Int($0)] } ?? owner(lead),
        dealID: deals.id(deal), lost: deals.closed(deal)!)
    }
    self.afterDays = afterDays
    asksKnown = data.hasAsks
  }
}
