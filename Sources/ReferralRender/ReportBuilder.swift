import ReferralAttribution
import ReferralCore

/// Builds the report document from the attribution result: what to show, in which order.
public enum ReportBuilder {
  public static let winRateTitle = "Win rate = won ÷ (won + lost)"
  public static let conversionTitle = "Lead conversion = leads with a won deal ÷ leads"

  /// The sections in reading order: actions first, data quality last.
  public static func build(_ result: AttributionResult) -> ReportDocument {
    let period = result.current.period
    let model = result.model == .lead ? "first touch (the lead's source; the deal's own when it has no lead)" : "the deal's own source (the lead's when it has none)"
    return ReportDocument(
      title: "Referral report: \(Format.period(period))",
      summary: "Period \(period.from) to \(period.to), compared with \(Format.period(result.previous.period)) "
        + "(\(result.previous.period.from) to \(result.previous.period.to)). Amounts in \(result.currency). "
        + "Deals are attributed by \(model).",
      sections: [
        actions(result), headlines(result), channels(result), costs(result), fees(result), reps(result),
        referrers(result), chains(result), thankYous(result), targets(result), trend(result), dataQuality(result.quality),
      ])
  }

  static func headlines(_ result: AttributionResult) -> Section {
    let now = result.current
    let before = result.previous
    let currency = result.currency
    func shareRow(_ title: String, _ a: Double?, _ b: Double?) -> [Cell] {
      [.plain(title), .plain(Format.rate(a)), .plain(Format.rate(b)), .plain(Format.pointChange(a, b)), .plain(Format.rate(result.targetShare))]
    }
    func countRow(_ title: String, _ a: Int, _ b: Int) -> [Cell] {
      [.plain(title), .plain(Format.count(a)), .plain(Format.count(b)), .plain(Format.relativeChange(Double(a), Double(b))), .plain("")]
    }
    func rateRow(_ title: String, _ a: Double?, _ b: Double?) -> [Cell] {
      [.plain(title), .plain(Format.rate(a)), .plain(Format.rate(b)), .plain(Format.pointChange(a, b)), .plain("")]
    }
    let revenueRow: [Cell] = [
      .plain("Revenue"), .plain(Format.money(now.totals.revenue, currency: currency)),
      .plain(Format.money(before.totals.revenue, currency: currency)),
      .plain(Format.relativeChange(now.totals.revenue?.doubleValue, before.totals.revenue?.doubleValue)), .plain(""),
    ]
    let table = Table(
      columns: [.init("Figure", .left), .init("This period"), .init("Previous period"), .init("Change"), .init("Target")],
      rows: [
        shareRow("Referral share of leads", now.referralShare.leads, before.referralShare.leads),
        shareRow("Referral share of won deals", now.referralShare.wins, before.referralShare.wins),
        shareRow("Referral share of revenue", now.referralShare.revenue, before.referralShare.revenue),
        countRow("Leads", now.totals.leads, before.totals.leads),
        countRow("Won deals", now.totals.won, before.totals.won),
        revenueRow,
        rateRow(winRateTitle, now.totals.winRate, before.totals.winRate),
        rateRow("Referral " + winRateTitle.prefix(1).lowercased() + winRateTitle.dropFirst(), now.referral.winRate, before.referral.winRate),
        rateRow(conversionTitle, now.totals.leadConversion, before.totals.leadConversion),
      ])
    return Section(title: "Headlines", id: "headlines", blocks: [.paragraph(verdict(result)), .table(table)])
  }

  /// One sentence a sales manager can forward: referral share against the target.
  static func verdict(_ result: AttributionResult) -> String {
    guard let share = result.current.referralShare.leads else {
      return "No leads were created in this period, so the referral share cannot be computed."
    }
    let target = result.targetShare
    let standing = share >= target ? "meets" : "is below"
    var text = "Referrals brought \(Format.rate(share)) of this period's leads, which \(standing) the \(Format.rate(target)) target"
    if let wins = result.current.referralShare.wins {
      text += ", and \(Format.rate(wins)) of won deals"
    }
    return text + "."
  }

  static func channels(_ result: AttributionResult) -> Section {
    let currency = result.currency
    func row(_ c: ChannelFigures, name: Cell) -> [Cell] {
      [
        name, .plain(c.referral ? "yes" : "no"), .plain(Format.count(c.leads)), .plain(Format.count(c.won)),
        .plain(Format.count(c.lost)), .plain(Format.rate(c.winRate)), .plain(Format.rate(c.leadConversion)),
        .plain(Format.money(c.revenue, currency: currency)), .plain(Format.money(c.averageDeal, currency: currency)),
        .plain(Format.days(c.salesCycleDays)),
      ]
    }
    let now = result.current
    let table = Table(
      columns: [
        .init("Channel", .left), .init("Referral", .left), .init("Leads"), .init("Won"), .init("Lost"),
        .init(winRateTitle), .init(conversionTitle), .init("Revenue"), .init("Average deal = revenue ÷ won"),
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
    let rates = Chart(
      kind: .bars, title: "Win rate and lead conversion by channel",
      summary: "Win rate (won ÷ (won + lost)) and lead conversion (leads with a won deal ÷ leads) per channel: "
        + now.channels.map { "\($0.channel) \(Format.rate($0.winRate)) and \(Format.rate($0.leadConversion))" }.joined(separator: "; ") + ".",
      categories: names,
      series: [.init(name: "Win rate", values: now.channels.map(\.winRate)), .init(name: "Lead conversion", values: now.channels.map(\.leadConversion))],
      unit: .rate)
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
      ]
    return Section(title: "Channels", id: "channels", blocks: blocks)
  }

  static func dataQuality(_ quality: DataQuality) -> Section {
    var blocks: [Block] = []
    let inputs = Table(
      columns: [.init("Input", .left), .init("File", .left), .init("Rows"), .init("Accepted"), .init("Rejected"), .init("Skipped")],
      rows: quality.inputs.map {
        [.plain($0.role.rawValue), .data($0.file), .plain(Format.count($0.rows)), .plain(Format.count($0.accepted)),
         .plain(Format.count($0.rejected)), .plain(Format.count($0.skipped))]
      })
    blocks.append(.paragraph("Every row read is accepted, rejected (listed whole in rejects.csv) or skipped (report footers, empty rows)."))
    blocks.append(.table(inputs))
    if quality.rejectReasons.isEmpty {
      blocks.append(.note("No rows were rejected."))
    } else {
      blocks.append(.paragraph("Rejected rows by reason:"))
      blocks.append(.list(quality.rejectReasons.map { Text([.data($0.file), .plain(": \($0.reason): "), .strong(Format.count($0.count))]) }))
    }
    if !quality.unmappedSources.isEmpty {
      blocks.append(.paragraph("Source values that match no channel of the catalogue (each kept as its own channel; add an alias to map it):"))
      blocks.append(.list(quality.unmappedSources.map { Text([.data($0.value)]) }))
    }
    if quality.unmatchedDeals > 0 {
      blocks.append(
        .list([
          Text([
            .strong(Format.count(quality.unmatchedDeals)),
            .plain(quality.unmatchedDeals == 1 ? " deal names a lead_id that matches no lead; it is attributed by its own source (" : " deals name a lead_id that matches no lead; they are attributed by their own source (e.g. "),
            .data(quality.unmatchedDealExamples.prefix(5).joined(separator: ", ")), .plain(")."),
          ])
        ]))
    }
    if !quality.warnings.isEmpty {
      blocks.append(.paragraph("Warnings (rows accepted, but worth a look):"))
      blocks.append(.list(quality.warnings.prefix(20).map { Text([.data("\($0.file):\($0.line)"), .plain(": "), .data($0.message)]) }))
      if quality.warnings.count > 20 { blocks.append(.note("… and \(quality.warnings.count - 20) more.")) }
    }
    return Section(title: "Data quality", id: "data-quality", blocks: blocks)
  }
}
