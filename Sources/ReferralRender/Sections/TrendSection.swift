import ReferralAttribution
import ReferralCore

/// Referral share over the trailing 12 months, with the target line.
extension ReportBuilder {
  static func trend(_ result: AttributionResult) -> Section {
    if let why = result.unknown(needing: .dates) { return unknown("Trend", id: "trend", why) }
    let points = result.programme.trend.points
    let table = Table(
      columns: [
        .init("Month", .left), .init("Referral share of leads", notes: true), .init("of wins", notes: true), .init("of revenue", notes: true),
        .init("Win rate, referral", notes: true), .init("Win rate, other", notes: true), .init("Lead conversion, referral", notes: true),
        .init("Lead conversion, other", notes: true),
      ],
      rows: points.map { p in
        [
          .plain(Format.monthShort(p.month)), .rate(p.share.leads), .rate(p.share.wins),
          Cell(text: Format.rate(p.share.revenue), isData: false, note: p.share.revenueBase.flatMap(Format.tooFew), figures: [.fraction(p.share.revenue)]),
          .rate(p.referralWinRate), .rate(p.otherWinRate), .rate(p.referralConversion), .rate(p.otherConversion),
        ]
      })
    let chart = Chart(
      kind: .lines(target: result.shareTarget), title: "Referral share over the trailing 12 months",
      summary:
        "Referral share of leads, won deals and revenue per month from \(Format.monthShort(points[0].month)) to \(Format.monthShort(points[points.count - 1].month)), "
        + (result.shareTarget.map { "against the \(Format.rate($0)) target" } ?? "with no target set")
        + "; latest month: leads \(Format.rate(points.last?.share.leads.value)), "
        + "won deals \(Format.rate(points.last?.share.wins.value)), revenue \(Format.rate(points.last?.share.revenue)).",
      categories: points.map { Format.monthShort($0.month) },
      series: [
        .init(name: "Leads", values: points.map(\.share.leads.value)), .init(name: "Won deals", values: points.map(\.share.wins.value)),
        .init(name: "Revenue", values: points.map(\.share.revenue)),
      ],
      unit: .rate)
    return Section(
      title: "Trend", id: "trend",
      blocks: [
        .chart(chart),
        .paragraph(
          "The trailing 12 months" + (result.shareTarget.map { " against the \(Format.rate($0)) target" } ?? "")
            + ". \(winRateTitle); \(conversionTitle.prefix(1).lowercased() + conversionTitle.dropFirst())."
        ),
        .table(table),
      ])
  }
}
