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
  /// Leads whose deal was lost in the period, one entry each (their latest loss), oldest first.
  public var lostProspects: [LostProspect]
  public var afterDays: Int
  /// Whether an asks export said who was asked (without one, nobody counts as asked).
  public var asksKnown: Bool

  init(ledger: Ledger, period: Period, afterDays: Int) {
    let data = ledger.dataset
    let (deals, leads) = (ledger.deals, ledger.leads)
    let yearStart = period.to.adding(days: -364)
    var firstWin = [Day?](repeating: nil, count: leads.count)
    var revenue = [Money?](repeating: nil, count: leads.count)
    var lost: [Int: (deal: Int, day: Day)] = [:]
    for index in deals.indices {
      guard let lead = ledger.dealLead(index), let closed = deals.closed(index), closed <= period.to else { continue }
      switch deals.outcome[index] {
      case .won:
        firstWin[lead] = min(firstWin[lead] ?? closed, closed)
        if let amount = deals.amount(index) { revenue[lead].add(amount) }
      case .lost:
        guard period.contains(closed), lost[lead].map { ($0.day, deals.id($0.deal)) < (closed, deals.id(index)) } ?? true else { continue }
        lost[lead] = (index, closed)
      case .open: continue
      }
    }
    var askedOrReferred = Array(repeating: false, count: leads.count)
    for ask in data.asks where ask.asked >= yearStart && ask.asked <= period.to {
      if let lead = ask.lead.map(Int.init) ?? (data.links == nil ? leads.index.position(of: ask.leadID) : nil) { askedOrReferred[lead] = true }
    }
    leads.forEachReferral { index, referrer in
      let created = leads.created(index)
      guard created >= yearStart, created <= period.to, let referring = ledger.lead(ofReferrer: referrer) else { return }
      askedOrReferred[referring] = true
    }
    let owner = { (lead: Int) in leads.owner(lead).map { data.owners[Int($0)] } }
    customers = leads.indices.compactMap { lead -> Customer? in
      guard let win = firstWin[lead], !askedOrReferred[lead] else { return nil }
      let age = win.days(to: period.to)
      guard age >= afterDays, age <= 365 else { return nil }
      return Customer(
        leadID: leads.id(lead), company: ledger.company(ofLead: lead), owner: owner(lead), firstWin: win, revenue: revenue[lead], daysSinceFirstWin: age)
    }
    .sorted { a, b in
      if (a.revenue ?? .zero) != (b.revenue ?? .zero) { return (a.revenue ?? .zero) > (b.revenue ?? .zero) }
      return a.leadID < b.leadID
    }
    lostProspects = lost.map { lead, entry in
      LostProspect(
        leadID: leads.id(lead), company: ledger.company(ofLead: lead), owner: deals.owner(entry.deal).map { data.owners[Int($0)] } ?? owner(lead),
        dealID: deals.id(entry.deal), lost: entry.day)
    }
    .sorted { ($0.lost, $0.leadID) < ($1.lost, $1.leadID) }
    self.afterDays = afterDays
    asksKnown = data.hasAsks
  }
}
