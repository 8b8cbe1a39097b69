import ReferralAttribution
import ReferralCore

/// The referral-programme sections of the report document.
extension ReportBuilder {
  static let actionLimit = 25

  /// What needs doing, first: one list per kind of action.
  static func actions(_ result: AttributionResult) -> Section {
    let p = result.programme
    var items: [Text] = []
    if !p.thankYous.missed.isEmpty {
      let (n, noun) = Format.counted(p.thankYous.missed.count, "referrer")
      items.append(Text([.strong(n), .plain(" \(noun) not thanked within \(p.thankYous.windowDays) days (see Thank-you discipline)")]))
    }
    if !p.fees.unpaid.isEmpty {
      items.append(Text([
        .strong(Format.count(p.fees.unpaid.count)), .plain(p.fees.unpaid.count == 1 ? " won referred deal with a referral fee outstanding, " : " won referred deals with referral fees outstanding, "),
        .strong(Format.money(p.fees.outstanding, currency: result.currency)), .plain(" in all (see Referral fees)"),
      ]))
    }
    if !p.fees.unmatched.isEmpty {
      let (n, noun) = Format.counted(p.fees.unmatched.count, "payout")
      items.append(Text([.strong(n), .plain(" \(noun) in the period \(p.fees.unmatched.count == 1 ? "matches" : "match") no deal (see Referral fees)")]))
    }
    if !p.reps.belowTarget.isEmpty {
      items.append(Text([
        .strong(Format.count(p.reps.belowTarget.count)), .plain(" \(p.reps.belowTarget.count == 1 ? "rep" : "reps") below \(p.reps.target) referral leads a month: "),
        .data(p.reps.belowTarget.map(\.owner).joined(separator: ", ")),
      ]))
    }
    if !result.quality.unmappedSources.isEmpty {
      items.append(Text([
        .strong(Format.count(result.quality.unmappedSources.count)), .plain(result.quality.unmappedSources.count == 1 ? " source value matches no channel: " : " source values match no channel: "),
        .data(result.quality.unmappedSources.map(\.value).joined(separator: ", ")), .plain(" (add aliases under [channels] in the config)"),
      ]))
    }
    let rejected = result.quality.inputs.reduce(0) { $0 + $1.rejected }
    if rejected > 0 {
      let (n, noun) = Format.counted(rejected, "input row")
      items.append(Text([.strong(n), .plain(" \(noun) rejected, listed whole in "), .link(text: "rejects.csv", file: "rejects.csv"), .plain(" (see Data quality)")]))
    }
    return Section(title: "Actions", id: "actions", blocks: items.isEmpty ? [.note("Nothing to act on.")] : [.list(items)])
  }

  static func costs(_ result: AttributionResult) -> Section {
    let currency = result.currency
    func row(_ c: ChannelFigures, name: Cell) -> [Cell] {
      [
        name, .plain(Format.money(c.spend, currency: currency)), .plain(Format.money(c.costPerLead, currency: currency)),
        .plain(Format.money(c.costPerWin, currency: currency)), .plain(Format.money(c.revenue, currency: currency)),
        .plain(Format.multiple(c.roi)),
      ]
    }
    let now = result.current
    let margin = now.totals.grossMargin
    let roiTitle = margin == 1 ? "ROI = (revenue − spend) ÷ spend" : "ROI = (revenue × \(Format.rate(margin)) margin − spend) ÷ spend"
    let table = Table(
      columns: [
        .init("Channel", .left), .init("Spend"), .init("Cost per lead = spend ÷ leads"), .init("Cost per win = spend ÷ won"),
        .init("Revenue"), .init(roiTitle),
      ],
      rows: now.channels.map { row($0, name: .data($0.channel)) },
      footer: [row(now.referral, name: .plain("All referral channels")), row(now.totals, name: .plain("Total"))])
    return Section(
      title: "Cost and return by channel", id: "costs",
      blocks: [
        .table(table),
        .paragraph("Spend is the spend rows of the period's months; referral channels also carry the referral fees and thank-you gifts paid in the period."),
      ])
  }

  static func fees(_ result: AttributionResult) -> Section {
    let f = result.programme.fees
    let currency = result.currency
    func money(_ m: Money?) -> String { Format.money(m, currency: currency) }
    var blocks: [Block] = []
    let summary = Table(
      columns: [.init("Figure", .left), .init("This period")],
      rows: [
        [.plain("Fees owed under the rules"), .plain(f.hasRules ? money(f.owed) : "n/a (no [fees] rules)")],
        [.plain("Fees paid"), .plain(f.hasPayouts ? money(f.feesPaid) : "n/a (no payouts export)")],
        [.plain("Thank-you gifts paid"), .plain(f.hasPayouts ? money(f.giftsPaid) : "n/a (no payouts export)")],
        [.plain("Outstanding fees on deals won to date"), .plain(f.hasRules && f.hasPayouts ? money(f.outstanding) : "n/a")],
        [.plain("Referred revenue"), .plain(money(f.referredRevenue))],
        [.plain("Programme cost = referral spend + fees + gifts"), .plain(money(f.programmeCost))],
        [.plain("Programme ROI on revenue = (revenue − cost) ÷ cost"), .plain(Format.multiple(f.roiOnRevenue))],
        [.plain("Programme ROI on margin = (revenue × \(Format.rate(f.grossMargin)) − cost) ÷ cost"), .plain(Format.multiple(f.roiOnMargin))],
      ])
    blocks.append(.table(summary))
    if f.hasRules && f.hasPayouts {
      if f.unpaid.isEmpty {
        blocks.append(.note("Every fee owed on won referred deals has been paid."))
      } else {
        blocks.append(.paragraph("Won referred deals whose fee is not (fully) paid, oldest first:"))
        blocks.append(
          .table(
            Table(
              columns: [.init("Deal", .left), .init("Channel", .left), .init("Referrer", .left), .init("Closed", .left), .init("Owed"), .init("Paid"), .init("Outstanding")],
              rows: f.unpaid.prefix(actionLimit).map {
                [.data($0.dealID), .data($0.channel), .data($0.referrer ?? ""), .plain($0.closed.description), .plain(money($0.owed)), .plain(money($0.paid)), .plain(money($0.outstanding))]
              })))
        if f.unpaid.count > actionLimit { blocks.append(.note("… and \(f.unpaid.count - actionLimit) more (all in summary.json).")) }
      }
    }
    if !f.unmatched.isEmpty {
      blocks.append(.paragraph("Payouts paid in the period that match no deal:"))
      blocks.append(
        .table(
          Table(
            columns: [.init("Payout", .left), .init("Paid", .left), .init("Kind", .left), .init("Deal named", .left), .init("Referrer", .left), .init("Amount")],
            rows: f.unmatched.map {
              [.data($0.payoutID), .plain($0.paid.description), .plain($0.kind.rawValue), .data($0.dealID ?? ""), .data($0.referrer ?? ""), .plain(money($0.amount))]
            })))
    }
    return Section(title: "Referral fees", id: "fees", blocks: blocks)
  }

  static func reps(_ result: AttributionResult) -> Section {
    let r = result.programme.reps
    guard !r.reps.isEmpty else { return Section(title: "Referrals per rep", id: "reps", blocks: [.note("No lead of the period has an owner.")]) }
    let table = Table(
      columns: [.init("Rep", .left)] + r.months.map { .init(Format.monthShort($0)) } + [.init("Target per month"), .init("Below target", .left)],
      rows: r.reps.map { rep in
        [.data(rep.owner)] + rep.perMonth.map { .plain(Format.count($0)) }
          + [.plain(Format.count(r.target)), .plain(rep.perMonth.contains { $0 < r.target } ? "yes" : "no")]
      })
    return Section(
      title: "Referrals per rep", id: "reps",
      blocks: [.paragraph("Referral leads each owner brought in per month, against the target of \(r.target); fewest first."), .table(table)])
  }

  static func referrers(_ result: AttributionResult) -> Section {
    let t = result.programme.referrers
    let currency = result.currency
    guard !t.ranked.isEmpty else { return Section(title: "Top referrers", id: "referrers", blocks: [.note("No referred lead or win names a referrer in this period.")]) }
    var blocks: [Block] = []
    if let share = t.topShare {
      blocks.append(.paragraph("The top 20% of earning referrers (\(t.topCount)) brought \(Format.rate(share)) of referral revenue."))
    }
    let earning = t.ranked.prefix(topLimit).filter { $0.revenue > .zero }
    if !earning.isEmpty {
      blocks.append(
        .chart(
          Chart(
            kind: .pareto, title: "Top referrers by referred revenue",
            summary: "Referred revenue of the \(earning.count) top earning referrers, highest first, with their cumulative share of referral revenue"
              + (t.topShare.map { "; the top 20% bring \(Format.rate($0))." } ?? "."),
            categories: earning.map(\.name),
            series: [
              .init(name: "Referred revenue", values: earning.map { $0.revenue.doubleValue }),
              .init(name: "Referral revenue", values: [t.referralRevenue?.doubleValue]),
            ],
            unit: .money(currency: currency))))
    }
    blocks.append(
      .table(
        Table(
          columns: [.init("Rank"), .init("Referrer", .left), .init("Referred leads"), .init("Won"), .init("Referred revenue"), .init("Share of referral revenue")],
          rows: t.ranked.prefix(topLimit).enumerated().map { index, r in
            [.plain(String(index + 1)), .data(r.name), .plain(Format.count(r.leads)), .plain(Format.count(r.won)),
             .plain(Format.money(r.revenue, currency: currency)), .plain(Format.rate(t.share(of: r)))]
          })))
    if t.ranked.count > topLimit { blocks.append(.note("\(Format.count(t.ranked.count - topLimit)) more referrer\(t.ranked.count - topLimit == 1 ? "" : "s") brought leads or wins.")) }
    return Section(title: "Top referrers", id: "referrers", blocks: blocks)
  }

  static let topLimit = 20

  static func chains(_ result: AttributionResult) -> Section {
    let c = result.programme.chains
    var blocks: [Block] = [.paragraph("A referrer whose own lead came from a referral makes a chain: generation 1 was referred by someone who was not, generation 2 by a generation-1 lead, and so on.")]
    if c.generations.isEmpty {
      blocks.append(.note("No referred leads or wins in this period."))
    } else {
      blocks.append(
        .table(
          Table(
            columns: [.init("Generation"), .init("Referred leads"), .init("Revenue won")],
            rows: c.generations.map { [.plain(String($0.generation)), .plain(Format.count($0.leads)), .plain(Format.money($0.revenue, currency: result.currency))] })))
    }
    if !c.longest.isEmpty {
      var parts: [Text.Part] = [.plain("Longest chain to date (\(c.longest.count - 1) generations): ")]
      for (index, name) in c.longest.enumerated() {
        if index > 0 { parts.append(.plain(" → ")) }
        parts.append(.data(name))
      }
      blocks.append(.list([Text(parts)]))
    }
    return Section(title: "Referral chains", id: "chains", blocks: blocks)
  }

  static func thankYous(_ result: AttributionResult) -> Section {
    let t = result.programme.thankYous
    guard t.known else {
      return Section(title: "Thank-you discipline", id: "thank-yous", blocks: [.note("The leads export has no thanked_at column, so thank-yous cannot be checked.")])
    }
    var blocks: [Block] = [
      .paragraph("Referred leads whose referrer should have been thanked within \(t.windowDays) days: \(Format.count(t.due)), thanked on time: \(Format.count(t.onTime)) (\(Format.rate(t.onTimeRate))).")
    ]
    if t.missed.isEmpty {
      blocks.append(.note("Every referrer was thanked in time."))
    } else {
      blocks.append(
        .table(
          Table(
            columns: [.init("Lead", .left), .init("Company", .left), .init("Referrer", .left), .init("Owner", .left), .init("Created", .left), .init("Thanked", .left)],
            rows: t.missed.prefix(actionLimit).map {
              [.data($0.leadID), .data($0.company), .data($0.referrer), .data($0.owner ?? ""), .plain($0.created.description),
               .plain(thanked($0))]
            })))
      if t.missed.count > actionLimit { blocks.append(.note("… and \(t.missed.count - actionLimit) more (all in summary.json).")) }
    }
    return Section(title: "Thank-you discipline", id: "thank-yous", blocks: blocks)
  }

  /// "2026-10-09, after 8 days" or "not thanked".
  static func thanked(_ miss: ThankYous.Miss) -> String {
    guard let day = miss.thanked else { return "not thanked" }
    return "\(day), after \(miss.created.days(to: day)) days"
  }

  static func targets(_ result: AttributionResult) -> Section {
    let t = result.programme.targets
    let currency = result.currency
    func progress<V>(_ actual: V, _ target: V?, _ value: (V) -> Double) -> String {
      guard let target, value(target) > 0 else { return "no target set" }
      return Format.rate(value(actual) / value(target))
    }
    var rows: [[Cell]] = [
      [.plain("Referral leads"), .plain(Format.count(t.referralLeads.actual)), .plain(Format.count(t.referralLeads.projected)),
       .plain(t.referralLeads.target.map(Format.count) ?? "—"), .plain(progress(t.referralLeads.projected, t.referralLeads.target) { Double($0) })],
    ]
    if let revenue = t.referralRevenue {
      rows.append([
        .plain("Referral revenue"), .plain(Format.money(revenue.actual, currency: currency)), .plain(Format.money(revenue.projected, currency: currency)),
        .plain(revenue.target.map { Format.money($0, currency: currency) } ?? "—"), .plain(progress(revenue.projected, revenue.target) { $0.doubleValue }),
      ])
    }
    rows.append([
      .plain("Referral share of leads"), .plain(Format.rate(t.referralShareOfLeads)), .plain(Format.rate(t.referralShareOfLeads)),
      .plain(Format.rate(t.targetShare)), .plain(t.referralShareOfLeads.map { Format.rate($0 / t.targetShare) } ?? "n/a"),
    ])
    var progressRows: [(String, Double?, Double?)] = []
    if let target = t.referralLeads.target, target > 0 {
      progressRows.append(("Referral leads", Double(t.referralLeads.actual) / Double(target), Double(t.referralLeads.projected) / Double(target)))
    }
    if let revenue = t.referralRevenue, let target = revenue.target, target > .zero {
      progressRows.append(("Referral revenue", revenue.actual.doubleValue / target.doubleValue, revenue.projected.doubleValue / target.doubleValue))
    }
    if let share = t.referralShareOfLeads, t.targetShare > 0 {
      progressRows.append(("Referral share of leads", share / t.targetShare, share / t.targetShare))
    }
    let chart = Chart(
      kind: .progress, title: "Year to date against the yearly targets",
      summary: progressRows.map { "\($0.0): \(Format.rate($0.1)) of target so far, \(Format.rate($0.2)) projected" }.joined(separator: "; ") + ".",
      categories: progressRows.map(\.0),
      series: [.init(name: "Year to date", values: progressRows.map(\.1)), .init(name: "Projected for the year", values: progressRows.map(\.2))],
      unit: .rate)
    return Section(
      title: "Targets", id: "targets",
      blocks: (progressRows.isEmpty ? [] : [.chart(chart)]) + [
        .paragraph(
          "Fiscal year \(t.fiscalYear.from) to \(t.fiscalYear.to); year to date \(t.yearToDate.from) to \(t.yearToDate.to) (\(Format.rate(t.elapsed)) of the year). "
            + "The projection keeps the year-to-date daily rate for the whole year."),
        .table(Table(columns: [.init("Figure", .left), .init("Year to date"), .init("Projected for the year"), .init("Yearly target"), .init("Projected ÷ target")], rows: rows)),
      ])
  }

  static func trend(_ result: AttributionResult) -> Section {
    let points = result.programme.trend.points
    let table = Table(
      columns: [
        .init("Month", .left), .init("Referral share of leads"), .init("of wins"), .init("of revenue"),
        .init("Win rate, referral"), .init("Win rate, other"), .init("Lead conversion, referral"), .init("Lead conversion, other"),
      ],
      rows: points.map { p in
        [.plain(Format.monthShort(p.month)), .plain(Format.rate(p.share.leads)), .plain(Format.rate(p.share.wins)), .plain(Format.rate(p.share.revenue)),
         .plain(Format.rate(p.referralWinRate)), .plain(Format.rate(p.otherWinRate)), .plain(Format.rate(p.referralConversion)), .plain(Format.rate(p.otherConversion))]
      })
    let chart = Chart(
      kind: .lines(target: result.targetShare), title: "Referral share over the trailing 12 months",
      summary: "Referral share of leads, won deals and revenue per month from \(Format.monthShort(points[0].month)) to \(Format.monthShort(points[points.count - 1].month)), "
        + "against the \(Format.rate(result.targetShare)) target; latest month: leads \(Format.rate(points.last?.share.leads)), "
        + "won deals \(Format.rate(points.last?.share.wins)), revenue \(Format.rate(points.last?.share.revenue)).",
      categories: points.map { Format.monthShort($0.month) },
      series: [
        .init(name: "Leads", values: points.map(\.share.leads)), .init(name: "Won deals", values: points.map(\.share.wins)),
        .init(name: "Revenue", values: points.map(\.share.revenue)),
      ],
      unit: .rate)
    return Section(
      title: "Trend", id: "trend",
      blocks: [
        .chart(chart),
        .paragraph("The trailing 12 months against the \(Format.rate(result.targetShare)) target. \(winRateTitle); \(conversionTitle.prefix(1).lowercased() + conversionTitle.dropFirst())."),
        .table(table),
      ])
  }
}
