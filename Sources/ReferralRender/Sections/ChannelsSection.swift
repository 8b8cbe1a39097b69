import ReferralAttribution
import ReferralCore

/// Volume and both rates by channel, with their charts.
extension ReportBuilder {
  static func channels(_ result: AttributionResult) -> Section {
    let currency = result.money
    /// A share of all channels' figure, after the figure: " (21.8%)"; nothing when unknown.
    func shown(_ share: Double?) -> String { share.map { " (\(Format.rate($0)))" } ?? "" }
    func row(_ c: ChannelFigures, name: Cell) -> [Cell] {
      [
        name, .plain(c.referral ? "yes" : "no"), .plain(Format.count(c.knownLeads) + shown(c.leadShare)),
        .plain(Format.count(c.knownWon) + shown(c.winShare)), .plain(Format.count(c.knownLost)), .plain(Format.rate(c.winRate)),
        .plain(Format.rate(c.leadConversion)),
        .plain(Format.money(c.revenue, currency: currency) + shown(c.revenueShare)), .plain(Format.money(c.averageDeal, currency: currency)),
        .plain(Format.days(c.salesCycleDays)),
      ]
    }
    let now = result.current
    let table = Table(
      columns: [
        .init("Channel", .left), .init("Referral", .left), .init("Leads (share)"), .init("Won (share)"), .init("Lost"),
        .init(winRateTitle), .init(conversionTitle), .init("Revenue (share)"), .init("Average deal = revenue ÷ won"),
        .init("Sales cycle (median days)"),
      ],
      rows: now.channels.map { row($0, name: .data($0.channel)) },
      footer: [row(now.referral, name: .plain("All referral channels")), row(now.totals, name: .plain("Total"))])
    let names = now.channels.map(\.channel)
    let volume = Chart(
      kind: .bars, title: "Leads and won deals by channel",
      summary: "Leads created and deals won in the period per channel: "
        + now.channels.map { "\($0.channel) \($0.leads) leads, \($0.won) won" }.joined(separator: "; ") + ".",
      categories: names,
      series: [.init(name: "Leads", values: now.channels.map { Double($0.leads) }), .init(name: "Won deals", values: now.channels.map { Double($0.won) })],
      unit: .count)
    // An export of won deals only has no win rate to chart: the chart shows conversion alone.
    let rates =
      now.totals.winRateUnknownBecause == nil
      ? Chart(
        kind: .bars, title: "Win rate and lead conversion by channel",
        summary: "Win rate (won ÷ (won + lost)) and lead conversion (leads with a won deal ÷ leads) per channel: "
          + now.channels.map { "\($0.channel) \(Format.rate($0.winRate)) and \(Format.rate($0.leadConversion))" }.joined(separator: "; ") + ".",
        categories: names,
        series: [.init(name: "Win rate", values: now.channels.map(\.winRate)), .init(name: "Lead conversion", values: now.channels.map(\.leadConversion))],
        unit: .rate)
      : Chart(
        kind: .bars, title: "Lead conversion by channel",
        summary: "Lead conversion (leads with a won deal ÷ leads) per channel: "
          + now.channels.map { "\($0.channel) \(Format.rate($0.leadConversion))" }.joined(separator: "; ") + ".",
        categories: names, series: [.init(name: "Lead conversion", values: now.channels.map(\.leadConversion))], unit: .rate)
    let blocks: [Block] =
      now.channels.isEmpty
      ? [.note("No leads were created and no deals closed in this period.")]
      : [
        .chart(volume),
        .table(table),
        .chart(rates),
        .paragraph(
          "Leads are those created in the period; won and lost are deals closed in the period. "
            + "\"Close rate\" means different things in different CRMs, so both rates are shown with their formulas."),
      ] + (now.totals.winRateUnknownBecause.map { [.note("Win rate is n/a: \($0).")] } ?? [])
        + (now.totals.revenueCoverage.map {
          [.note("Revenue and average deal leave out the won deals without an amount (listed under Data quality): in total, \($0).")]
        } ?? [])
    return Section(title: "Channels", id: "channels", blocks: blocks)
  }
}
