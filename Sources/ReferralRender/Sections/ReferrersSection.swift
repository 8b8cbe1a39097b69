import ReferralAttribution
import ReferralCore

/// Top referrers by referred revenue, with their Pareto chart.
extension ReportBuilder {
  static let topLimit = 20

  static func referrers(_ result: AttributionResult) -> Section {
    if let why = result.unknown(needing: .leads) { return unknown("Top referrers", id: "referrers", why) }
    let t = result.programme.referrers
    let currency = result.money
    guard !t.ranked.isEmpty else {
      return Section(title: "Top referrers", id: "referrers", blocks: [.note("No referred lead or win names a referrer in this period.")])
    }
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
            unit: .money(currency: currency.currency))))
    }
    blocks.append(
      .paragraph(
        "Each figure counts its own events in the period: referred leads by the day they were created, wins and revenue by the day "
          + "the deal closed, whenever its lead came in. A referrer can have wins and no new leads."))
    blocks.append(
      .table(
        Table(
          columns: [
            .init("Rank"), .init("Referrer", .left), .init("Referred leads created in the period"), .init("Won in the period"),
            .init("Referred revenue won in the period"), .init("Share of referral revenue"),
          ],
          rows: t.ranked.prefix(topLimit).enumerated().map { index, r in
            [
              .plain(String(index + 1)), .data(r.name), .count(r.leads), .count(r.won),
              .money(r.revenue, currency: currency), .fraction(t.share(of: r)),
            ]
          })))
    if t.ranked.count > topLimit {
      blocks.append(.note("\(Format.count(t.ranked.count - topLimit)) more referrer\(t.ranked.count - topLimit == 1 ? "" : "s") brought leads or wins."))
    }
    return Section(title: "Top referrers", id: "referrers", blocks: blocks)
  }
}
