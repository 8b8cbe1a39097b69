import ReferralCore

/// One line per rep: how much of their business comes from referrals, and how referred deals
/// close for them against their other deals; with a revenue plan, how far the year has come.
/// The reps whose referral share of wins is lowest stand first: they have the most to gain.
package struct RepScorecards: Sendable, Equatable {
  package struct Rep: Sendable, Equatable {
    package var owner: String
    /// Leads they own created in the period, and of those the referral leads.
    package var leads = 0
    package var referralLeads = 0
    /// Their deals closed in the period (a deal's owner, else its lead's), referred or not.
    package var referredWon = 0
    package var referredLost = 0
    package var otherWon = 0
    package var otherLost = 0
    /// Of their wins, those whose channel cannot be known (counted in `otherWon`): when it is
    /// all of them, their referral share of wins is unknown, not 0%.
    package var channellessWon = 0
    package var referredRevenue: Money?
    package var revenue: Money?
    /// Their revenue plan for the fiscal year (`[targets.reps]`), and their won revenue of the
    /// fiscal year to date.
    package var plan: Money?
    package var yearToDateRevenue: Money?

    /// What the exports let be known: lead counts need a leads export, win rates the lost
    /// deals (an export of won deals only has none); rates on fewer cases are too few to judge.
    package var leadsKnown = true
    package var lossesKnown = true
    package var minSample = Rate.defaultMinSample

    /// Leads and referral leads, when a leads export was given (else unknown, not 0).
    package var knownLeads: Int? { leadsKnown ? leads : nil }
    package var knownReferralLeads: Int? { leadsKnown ? referralLeads : nil }
    package var referredWinRate: Rate {
      Rate(referredWon, of: referredWon + referredLost, .closedDeals, missing: lossesKnown ? nil : .wonOnly, minSample: minSample)
    }
    package var otherWinRate: Rate {
      Rate(otherWon, of: otherWon + otherLost, .closedDeals, missing: lossesKnown ? nil : .wonOnly, minSample: minSample)
    }
    package var referralShareOfWins: Rate {
      let missing: Unknown? = channellessWon > 0 && channellessWon == referredWon + otherWon ? .noKnownChannel : nil
      return Rate(referredWon, of: referredWon + otherWon, .wonDeals, missing: missing, minSample: minSample)
    }
    package var referralShareOfRevenue: Double? { ratio(referredRevenue, revenue) }
    /// Year-to-date revenue ÷ the year's plan.
    package var attainment: Double? { ratio(yearToDateRevenue, plan) }
  }

  package var reps: [Rep]
  package var yearToDate: Period
  /// Elapsed share of the fiscal year, to read attainment against.
  package var elapsed: Double
  /// `false` without a leads or a deals export: the rows then miss half their figures.
  package var lossesKnown: Bool
  /// Whether any rep has a revenue plan to be measured against (never without dates: there is
  /// no fiscal year to date then).
  package var hasPlans: Bool { reps.contains { $0.plan != nil } }

  init(ledger: Ledger, period: Period, targets: TargetProgress, plans: [String: Money], minSample: Int) {
    yearToDate = targets.yearToDate
    elapsed = targets.elapsed
    let data = ledger.dataset
    let lossesKnown = data.dealsHaveStages
    self.lossesKnown = lossesKnown
    let (leads, deals) = (ledger.leads, ledger.deals)
    let hasAmounts = data.dealsHaveAmounts
    let channelless = Set(ledger.channellessWins)
    var rows: [TextID: Rep] = [:]
    func rep(_ owner: TextID) -> Rep {
      rows[owner]
        ?? Rep(
          owner: data.owners[Int(owner)], referredRevenue: hasAmounts ? .zero : nil, revenue: hasAmounts ? .zero : nil, leadsKnown: data.hasLeads,
          lossesKnown: lossesKnown, minSample: minSample)
    }
    for index in leads.indices where period.contains(leads.created(index)) {
      guard let owner = leads.owner(index) else { continue }
      var row = rep(owner)
      row.leads += 1
      if ledger.isReferral(ledger.leadChannel(index)) { row.referralLeads += 1 }
      rows[owner] = row
    }
    for index in deals.indices where deals.outcome[index] != .open {
      guard let closed = deals.closed(index), let owner = deals.owner(index) ?? ledger.dealLead(index).flatMap({ leads.owner($0) }) else { continue }
      let inPeriod = period.contains(closed)
      let inYear = yearToDate.contains(closed)
      guard inPeriod || inYear else { continue }
      var row = rep(owner)
      let won = deals.outcome[index] == .won
      let amount = deals.amount(index) ?? .zero
      if inPeriod {
        let referred = ledger.isReferral(ledger.dealChannel(index))
        switch (referred, won) {
        case (true, true): row.referredWon += 1
        case (true, false): row.referredLost += 1
        case (false, true):
          row.otherWon += 1
          if channelless.contains(index) { row.channellessWon += 1 }
        case (false, false): row.otherLost += 1
        }
        if won, hasAmounts {
          row.revenue.add(amount)
          if referred { row.referredRevenue.add(amount) }
        }
      }
      if won, inYear, hasAmounts { row.yearToDateRevenue.add(amount) }
      rows[owner] = row
    }
    for (owner, plan) in plans {
      guard let id = data.owners.firstIndex(of: owner).map({ TextID($0) }) else { continue }
      var row = rep(id)
      row.plan = plan
      if hasAmounts, row.yearToDateRevenue == nil { row.yearToDateRevenue = .zero }
      rows[id] = row
    }
    reps = rows.values.sorted { a, b in
      // Lowest referral share of wins first; reps with no wins at all last; then by name.
      switch (a.referralShareOfWins.value, b.referralShareOfWins.value) {
      case (let x?, let y?) where x != y: return x < y
      case (nil, _?): return false
      case (_?, nil): return true
      default: return a.owner < b.owner
      }
    }
  }
}
