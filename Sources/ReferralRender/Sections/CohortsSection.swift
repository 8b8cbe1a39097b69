import ReferralAttribution
import ReferralCore

/// Leads by the month they were created: the share won within 30, 60, 90 and 180 days,
/// referral against other, so young months are not read as bad ones.
extension ReportBuilder {
  static func cohorts(_ result: AttributionResult) -> Section {
    if let why = result.unknown(needing: .dates) { return unknown("Cohorts", id: "cohorts", why) }
    let c = result.programme.cohorts
    let title = "Cohorts"
    if let why = c.missing { return unknown(title, id: "cohorts", why) }
    let currency = result.money
    let ages = Cohorts.ages
    func cells(_ group: Cohorts.Group) -> [Cell] {
      [.count(group.leads)]
        + group.wonWithinRate.map { rate in rate.map(Cell.rate) ?? .plain("not yet") }
        + [.money(group.revenuePerLead, currency: currency), .days(group.medianDaysToFirstWin)]
    }
    let columns: [Table.Column] =
      [.init("Month created", .left), .init("Leads")] + ages.map { .init("Won within \($0) days", notes: true) }
      + [.init("Revenue per lead"), .init("Median days to first win")]
    func table(_ side: (Cohorts.Cohort) -> Cohorts.Group) -> Table {
      Table(columns: columns, rows: c.cohorts.map { [.plain(Format.monthShort($0.month))] + cells(side($0)) })
    }
    let months = c.cohorts.map { Format.monthShort($0.month) }
    let chart = Chart(
      kind: .lines(target: nil), title: "Referral leads won within 30, 60, 90 and 180 days, by month created",
      summary: "For each month's referral leads, the share won within each age; a month whose leads are younger than an age has no point for it. "
        + ages.map { age in
          let index = ages.firstIndex(of: age)!
          let latest = c.cohorts.last { $0.referral.wonWithin[index] != nil }
          return "\(age) days: \(latest.map { "\(Format.monthShort($0.month)) \(Format.judged($0.referral.wonWithinRate[index]!))" } ?? "not yet")"
        }.joined(separator: "; ") + ".",
      categories: months,
      series: ages.indices.map { index in .init(name: "\(ages[index]) days", values: c.cohorts.map { $0.referral.wonWithinRate[index]?.value }) },
      unit: .rate)
    return Section(
      title: title, id: "cohorts",
      blocks: [
        .paragraph(
          "Leads by the month they were created, in the twelve months to \(result.current.period.to): the share won within 30, 60, 90 and 180 days "
            + "of creation (a lead counts from its first won deal), \"not yet\" until every lead of the month is that old by \(c.asOf), the end of the data. "
            + "Revenue per lead counts every win of the month's leads so far."),
        .chart(chart),
        .paragraph("Referral leads:"),
        .table(table(\.referral)),
        .paragraph("Other leads:"),
        .table(table(\.other)),
      ])
  }
}
