import ReferralAttribution
import ReferralCore

/// Volume and both rates by channel, with their charts.
extension ReportBuilder {
  static func channels(_ result: AttributionResult) -> Section {
    let currency = result.money
    /// A share of all channels' figure, after the figure: " (21.8%)"; nothing when unknown.
    func shown(_ share: Double?) -> String { share.map { " (\(Format.rate($0)))" } ?? "" }
    /// A count with its share, the share's marker as the cell's note.
    func counted(_ count: Int?, _ share: Rate) -> Cell {
      Cell(
        text: Format.count(count) + shown(share.value), isData: false, note: Format.tooFew(share),
        figures: [Figure(count.map(String.init), .count), .fraction(share.value, part: "share")])
    }
    func row(_ c: ChannelFigures, name: Cell) -> [Cell] {
      [
        name, .plain(c.referral ? "yes" : "no"), counted(c.knownLeads, c.leadShare),
        counted(c.knownWon, c.winShare), .count(c.knownLost), .rate(c.winRate),
        .rate(c.leadConversion),
        Cell(
          text: Format.money(c.revenue, currency: currency) + shown(c.revenueShare), isData: false, note: c.revenueShareBase.flatMap(Format.tooFew),
          figures: Cell.money(c.revenue, currency: currency).figures + [.fraction(c.revenueShare, part: "share")]),
        .money(c.averageDeal, currency: currency),
        .days(c.salesCycleDays),
      ]
    }
    let now = result.current
    let table = Table(
      columns: [
        .init("Channel", .left), .init("Referral", .left), .init("Leads (share)", notes: true, data: "Leads"), .init("Won (share)", notes: true, data: "Won"),
        .init("Lost"),
        .init(winRateTitle, notes: true), .init(conversionTitle, notes: true), .init("Revenue (share)", notes: true, data: "Revenue"),
        .init("Average deal = revenue ÷ won"),
        .init("Sales cycle (median days)", data: "Sales cycle, median"),
      ],
      rows: now.channels.map { row($0, name: .data($0.channel)) },
      footer: [row(now.referral, name: .plain("All referral channels")), row(now.totals, name: .plain("Total"))])
    let names = now.channels.map(\.channel)
    let volume = Chart(
      kind: .bars, title: "Leads and won deals by channel",
      summary: "Leads created and deals won in the period per channel: "
        + now.channels.map { "\($0.channel) \(Format.count($0.knownLeads)) leads, \(Format.count($0.knownWon)) won" }.joined(separator: "; ") + ".",
      categories: names,
      series: [
        .init(name: "Leads", values: now.channels.map { $0.knownLeads.map(Double.init) }),
        .init(name: "Won deals", values: now.channels.map { $0.knownWon.map(Double.init) }),
      ],
      unit: .count)
    // An export of won deals only has no win rate to chart: the chart shows conversion alone.
    let rates =
      now.totals.winRate.missing == nil
      ? Chart(
        kind: .bars, title: "Win rate and lead conversion by channel",
        summary: "Win rate (won ÷ (won + lost)) and lead conversion (leads with a won deal ÷ leads) per channel: "
          + now.channels.map { "\($0.channel) \(Format.judged($0.winRate)) and \(Format.judged($0.leadConversion))" }.joined(separator: "; ") + ".",
        categories: names,
        series: [
          .init(name: "Win rate", values: now.channels.map(\.winRate.value)), .init(name: "Lead conversion", values: now.channels.map(\.leadConversion.value)),
        ],
        unit: .rate)
      : Chart(
        kind: .bars, title: "Lead conversion by channel",
        summary: "Lead conversion (leads with a won deal ÷ leads) per channel: "
          + now.channels.map { "\($0.channel) \(Format.judged($0.leadConversion))" }.joined(separator: "; ") + ".",
        categories: names, series: [.init(name: "Lead conversion", values: now.channels.map(\.leadConversion.value))], unit: .rate)
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
      ] + (now.totals.winRate.missing.map { [.note("Win rate is \(Format.notAvailable): \($0.reason).")] } ?? [])
        + (now.totals.revenueCoverage.map {
          [
            .linkedNote(
              Text([
                .plain("Revenue and average deal leave out the won deals without an amount (listed under "),
                .section(title: "Data quality", id: "data-quality"), .plain("): in total, \($0)."),
              ]))
          ]
        } ?? [])
    return Section(title: "Channels", id: "channels", blocks: blocks)
  }
}
