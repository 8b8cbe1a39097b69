import ReferralCore

/// Counts the ledger over one period: the figures of every channel, totals, referral share.
struct PeriodCounter {
  let ledger: Ledger
  let options: AttributionOptions

  func figures(for period: Period) -> PeriodFigures {
    let data = ledger.dataset
    var rows = ledger.channels.map { ChannelFigures(channel: $0.name, referral: $0.referral) }
    var cycles = Array(repeating: [Int](), count: rows.count)
    let (from, to) = (period.from.ordinal, period.to.ordinal)
    let created = ledger.leads.created
    for index in created.indices {
      let day = created[index].ordinal
      guard day >= from, day <= to else { continue }
      let channel = ledger.leadChannel(index)
      rows[channel].leads += 1
      if ledger.leadConverted[index] { rows[channel].convertedLeads += 1 }
    }
    for index in ledger.dealClosed.indices {
      guard let closed = ledger.dealClosed[index], closed >= from, closed <= to else { continue }
      let channel = ledger.dealChannel(index)
      if ledger.deals.outcome[index] == .won {
        rows[channel].won += 1
        if let amount = ledger.deals.amount(index) { rows[channel].revenue.add(amount) }
        if let days = ledger.cycleDays(ofDeal: index) { cycles[channel].append(days) }
      } else {
        rows[channel].lost += 1
      }
    }
    if data.dealsHaveAmounts {
      for i in rows.indices where rows[i].revenue == nil { rows[i].revenue = .zero }
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
      for (index, payout) in data.payouts.enumerated() where period.contains(payout.paid) {
        rows[ledger.payoutChannel[index]].spend.add(payout.amount)
      }
    }
    for i in rows.indices {
      rows[i].salesCycleDays = median(cycles[i])
      rows[i].grossMargin = options.grossMargin
    }

    let active = rows.indices.filter { i in
      rows[i].leads + rows[i].won + rows[i].lost > 0 || (rows[i].spend ?? .zero) != .zero
    }
    let totals = combine(active.map { rows[$0] }, cycles: active.flatMap { cycles[$0] }, name: "Total", referral: false)
    let referralRows = active.filter { ledger.isReferral($0) }
    let referral = combine(referralRows.map { rows[$0] }, cycles: referralRows.flatMap { cycles[$0] }, name: "Referral channels", referral: true)
    let share = ReferralShare(
      leads: ratio(referral.leads, totals.leads),
      wins: ratio(referral.won, totals.won),
      revenue: ratio(referral.revenue, totals.revenue))
    let ordered = active.map { rows[$0] }.sorted(by: Self.channelOrder)
    return PeriodFigures(period: period, channels: ordered, totals: totals, referral: referral, referralShare: share)
  }

  /// Most leads first, then most wins, most revenue, then by name: a total order.
  static func channelOrder(_ a: ChannelFigures, _ b: ChannelFigures) -> Bool {
    if a.leads != b.leads { return a.leads > b.leads }
    if a.won != b.won { return a.won > b.won }
    if (a.revenue ?? .zero) != (b.revenue ?? .zero) { return (a.revenue ?? .zero) > (b.revenue ?? .zero) }
    return a.channel < b.channel
  }

  private func combine(_ rows: [ChannelFigures], cycles: [Int], name: String, referral: Bool) -> ChannelFigures {
    var total = ChannelFigures(channel: name, referral: referral)
    total.grossMargin = options.grossMargin
    if ledger.dataset.dealsHaveAmounts { total.revenue = .zero }
    for row in rows {
      total.leads += row.leads
      total.convertedLeads += row.convertedLeads
      total.won += row.won
      total.lost += row.lost
      if let revenue = row.revenue { total.revenue.add(revenue) }
      if let spend = row.spend { total.spend.add(spend) }
    }
    total.salesCycleDays = median(cycles)
    return total
  }
}

/// The middle value (the mean of the two middle ones for an even count); `nil` for none.
func median(_ values: [Int]) -> Double? {
  guard !values.isEmpty else { return nil }
  let sorted = values.sorted()
  let mid = sorted.count / 2
  return sorted.count % 2 == 1 ? Double(sorted[mid]) : Double(sorted[mid - 1] + sorted[mid]) / 2
}
