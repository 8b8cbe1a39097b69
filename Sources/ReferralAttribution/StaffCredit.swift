import ReferralCore

/// Who outside sales brings referrals: the period's referral leads, referred wins and their
/// revenue per person credited with sourcing them (`credited_to`) and per role
/// (`credited_role`), and the staff share owed under `[fees.staff]`. Service and support staff
/// hear of a customer's plans first; a report that credits the owner only cannot show it.
package struct StaffCredit: Sendable, Equatable {
  /// One person (with one role) or one role.
  package struct Row: Sendable, Equatable {
    package var name: String
    /// The role as the leads write it; ``noRole`` when the person's leads name none.
    package var role: String
    /// Referral leads created in the period.
    package var leads = 0
    /// Referred deals won in the period.
    package var won = 0
    /// Their revenue; `nil` when the deals export has no amounts.
    package var revenue: Money?
    /// The staff share owed on those wins; `nil` without a `[fees.staff]` rule for the role.
    package var owed: Money?
  }

  /// Per person, most revenue first, then most leads, then by name and role.
  package var people: [Row] = []
  /// Per role, in the same order; referrals no lead credits are the last row, ``notCredited``.
  package var roles: [Row] = []
  /// All referral revenue of the period, and the part credited to a role other than sales.
  package var referralRevenue: Money?
  package var outsideSalesRevenue: Money?
  /// ``outsideSalesRevenue`` ÷ ``referralRevenue``: `nil` with ``unknown`` or without revenue.
  package var outsideSalesShare: Double? { ratio(outsideSalesRevenue, referralRevenue) }
  /// The staff share owed in all; `nil` without `[fees.staff]` rules.
  package var owed: Money?
  /// Won referred deals whose staff share is a share of an amount they lack: left out of ``owed``.
  package var unknownShares = 0
  /// Why nothing can be credited (no `credited_to` column), `nil` when it can.
  package var unknown: String?

  package static let noColumn = "the leads export has no credited_to column"
  /// The role of a person whose leads name none.
  package static let noRole = "(no role)"
  /// Referral leads that credit nobody: their owner's, as far as the export says.
  package static let notCredited = "(not credited: the lead's owner)"
  /// The role that is sales; every other credited role is outside sales.
  package static let sales = "sales"

  init(ledger: Ledger, period: Period, options: AttributionOptions) {
    let data = ledger.dataset
    guard data.leadsHaveCredits else {
      unknown = Self.noColumn
      return
    }
    let leads = ledger.leads
    let (names, roleNames) = (leads.creditedNames, leads.creditedRoleNames)
    let hasAmounts = data.dealsHaveAmounts
    // A person is a name with a role: (person + 1) × (roles + 1) + (role + 1), 0 for none.
    var byPerson: [Int: Row] = [:]
    var byRole: [Int: Row] = [:]
    func personKey(_ lead: Int) -> Int { ((leads.credited(lead) ?? -1) + 1) * (roleNames.count + 1) + (leads.creditedRole(lead) ?? -1) + 1 }
    func row(_ lead: Int) -> (person: Row?, role: Row) {
      let role = leads.creditedRole(lead).map { roleNames[$0] } ?? Self.noRole
      guard let person = leads.credited(lead).map({ names[$0] }) else {
        return (nil, Row(name: Self.notCredited, role: Self.notCredited, revenue: hasAmounts ? .zero : nil))
      }
      let rule = options.staffShares[role.lowercased()]
      return (
        Row(name: person, role: role, revenue: hasAmounts ? .zero : nil, owed: rule == nil ? nil : .zero),
        Row(name: role, role: role, revenue: hasAmounts ? .zero : nil, owed: rule == nil ? nil : .zero)
      )
    }
    func roleKey(_ lead: Int) -> Int { leads.credited(lead) == nil ? -1 : (leads.creditedRole(lead) ?? -1) + 1 }
    func count(_ lead: Int, _ update: (inout Row) -> Void) {
      let made = row(lead)
      if let person = made.person { update(&byPerson[personKey(lead), default: person]) }
      update(&byRole[roleKey(lead), default: made.role])
    }
    for lead in leads.indices where period.contains(leads.created(lead)) && ledger.isReferral(ledger.leadChannel(lead)) {
      count(lead) { $0.leads += 1 }
    }
    var (revenue, outside, owed) = (Money.zero, Money.zero, Money.zero)
    let deals = ledger.deals
    for index in deals.indices where deals.outcome[index] == .won {
      guard let closed = deals.closed(index), period.contains(closed), ledger.isReferral(ledger.dealChannel(index)) else { continue }
      let amount = deals.amount(index)
      if let amount { revenue += amount }
      guard let lead = ledger.dealLead(index) else { continue }
      let role = leads.credited(lead) == nil ? nil : leads.creditedRole(lead).map { roleNames[$0] } ?? Self.noRole
      if let amount, let role, role != Self.noRole, role.lowercased() != Self.sales { outside += amount }
      var share: Money?
      if let role, let rule = options.staffShares[role.lowercased()] {
        share = rule.owed(forWon: amount)
        if share == nil { unknownShares += 1 }
      }
      if let share { owed += share }
      count(lead) { row in
        row.won += 1
        if let amount { row.revenue.add(amount) }
        if let share { row.owed.add(share) }
      }
    }
    func order(_ a: Row, _ b: Row) -> Bool {
      if (a.revenue ?? .zero) != (b.revenue ?? .zero) { return (a.revenue ?? .zero) > (b.revenue ?? .zero) }
      if a.leads != b.leads { return a.leads > b.leads }
      return (a.name, a.role) < (b.name, b.role)
    }
    people = byPerson.values.sorted(by: order)
    roles = byRole.filter { $0.key >= 0 }.values.sorted(by: order) + (byRole[-1].map { [$0] } ?? [])
    referralRevenue = hasAmounts ? revenue : nil
    outsideSalesRevenue = hasAmounts ? outside : nil
    self.owed = options.staffShares.isEmpty ? nil : owed
  }
}
