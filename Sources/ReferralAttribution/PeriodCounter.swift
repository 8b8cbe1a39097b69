import ReferralCore

/// Counts the ledger over one period: the figures of every channel, totals, referral share.
struct PeriodCounter {
  let ledger: Ledger
  let options: AttributionOptions
  /// The days around the report's period, counted once: every period the report asks for
  /// falls inside it; any other is counted on its own.
  private let grid: DayGrid

  /// A counter for the periods of a report on `period`: the period itself, the one before
  /// it, the fiscal year to date and the twelve months of the trend.
  init(ledger: Ledger, options: AttributionOptions, around period: Period) {
    self.ledger = ledger
    self.options = options
    let trendStart = period.to.month.adding(months: -11).firstDay
    let from = min(period.previous.from, trendStart, period.to.adding(days: -366))
    grid = DayGrid(ledger: ledger, from: from, to: period.to)
  }

  func figures(for period: Period) -> PeriodFigures {
    let data = ledger.dataset
    var rows = ledger.channels.map { ChannelFigures(channel: $0.name, referral: $0.referral) }
    var cycles = Array(repeating: CycleCounts(), count: rows.count)
    let grid = grid.covers(period) ? grid : DayGrid(ledger: ledger, from: period.from, to: period.to)
    grid.add(period, to: &rows, cycles: &cycles)
    // No revenue is 0 when no deal was won, and unknown when every deal won lacked an amount.
    if data.dealsHaveAmounts {
      for i in rows.indices where rows[i].revenue == nil && rows[i].wonWithoutAmount == 0 { rows[i].revenue = .zero }
    }
    if data.hasSpend {
      let months = Set(period.months)
      for i in rows.indices { rows[i].spend = .zero }
      for entry in data.spend where months.contains(entry.month) {
        rows[ledger.sourceChannel[Int(entry.source)]].spend.add(entry.amount)
      }
    }
    if data.hasPayouts {
      // Fees and gifts paid in the period are spend of the referral channel they pay for.
      for i in rows.indices where ledger.isReferral(i) && rows[i].spend == nil { rows[i].spend = .zero }
      let payouts = data.payoutTable
      for index in payouts.indices where period.contains(payouts.paid(index)) {
        rows[Int(ledger.payoutChannel[index])].spend.add(payouts.amount(index))
      }
    }
    for i in rows.indices {
      rows[i].salesCycleDays = cycles[i].median
      rows[i].grossMargin = options.grossMargin
      rows[i].minSample = options.minSample
      Self.know(ledger, &rows[i])
    }

    let active = rows.indices.filter { i in
      rows[i].leads + rows[i].won + rows[i].lost > 0 || (rows[i].spend ?? .zero) != .zero
    }
    let totals = combine(active.map { rows[$0] }, cycles: active.map { cycles[$0] }, name: "Total", referral: false)
    let referralRows = active.filter { ledger.isReferral($0) }
    let referral = combine(referralRows.map { rows[$0] }, cycles: referralRows.map { cycles[$0] }, name: "Referral channels", referral: true)
    let unknowable = ledger.channellessWins.count { index in ledger.closeDay(ofDeal: index).map(period.contains) ?? false }
    // When no won deal has a channel, the referral channels' share of wins and revenue is
    // unknown, not 0%: in the headline and in the channel table's referral row alike.
    var referralShares = Self.sharing(referral, of: totals)
    if unknowable > 0, unknowable == totals.won {
      referralShares.winShare.missing = .noKnownChannel
      referralShares.revenueShare = nil
    }
    let share = ReferralShare(leads: referralShares.leadShare, wins: referralShares.winShare, revenue: referralShares.revenueShare)
    let ordered = active.map { Self.sharing(rows[$0], of: totals) }.sorted(by: Self.channelOrder)
    // The totals' share of themselves is 100% by definition, not a rate to judge: never too few.
    var whole = Self.sharing(totals, of: totals)
    whole.leadShare.minSample = 1
    whole.winShare.minSample = 1
    return PeriodFigures(
      period: period, channels: ordered, totals: whole, referral: referralShares,
      referralShare: share, unknownChannelWins: unknowable)
  }

  /// What the data lets figures know: losses, leads, outcomes, the links between them.
  static func know(_ ledger: Ledger, _ figures: inout ChannelFigures) {
    let data = ledger.dataset
    figures.lossesKnown = data.dealsHaveStages
    figures.leadsKnown = data.hasLeads
    figures.outcomesKnown = data.hasOutcomes
    figures.linksKnown = ledger.linksKnown
  }

  /// `figures` with their shares of `totals`' leads, wins and revenue.
  static func sharing(_ figures: ChannelFigures, of totals: ChannelFigures) -> ChannelFigures {
    var figures = figures
    figures.leadShare = Rate(figures.leads, of: totals.leads, .leads, missing: figures.leadsKnown ? nil : .noLeadsExport, minSample: figures.minSample)
    figures.winShare = Rate(figures.won, of: totals.won, .wonDeals, missing: figures.outcomesKnown ? nil : .noOutcomes, minSample: figures.minSample)
    figures.revenueShare = ratio(figures.revenue, totals.revenue)
    return figures
  }

  /// Most leads first, then most wins, most revenue, then by name: a total order.
  static func channelOrder(_ a: ChannelFigures, _ b: ChannelFigures) -> Bool {
    if a.leads != b.leads { return a.leads > b.leads }
    if a.won != b.won { return a.won > b.won }
    if (a.revenue ?? .zero) != (b.revenue ?? .zero) { return (a.revenue ?? .zero) > (b.revenue ?? .zero) }
    return a.channel < b.channel
  }

  private func combine(_ rows: [ChannelFigures], cycles: [CycleCounts], name: String, referral: Bool) -> ChannelFigures {
    var total = ChannelFigures(channel: name, referral: referral)
    total.grossMargin = options.grossMargin
    total.minSample = options.minSample
    Self.know(ledger, &total)
    for row in rows {
      total.leads += row.leads
      total.convertedLeads += row.convertedLeads
      total.won += row.won
      total.lost += row.lost
      total.wonWithoutAmount += row.wonWithoutAmount
      if let revenue = row.revenue { total.revenue.add(revenue) }
      if let spend = row.spend { total.spend.add(spend) }
    }
    if ledger.dataset.dealsHaveAmounts, total.revenue == nil, total.wonWithoutAmount == 0 { total.revenue = .zero }
    var all = CycleCounts()
    for counts in cycles { all.add(counts) }
    total.salesCycleDays = all.median
    return total
  }
}
