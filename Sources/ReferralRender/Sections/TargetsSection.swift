import ReferralAttribution
import ReferralCore

/// Fiscal year to date against the yearly targets, with the run-rate projection.
extension ReportBuilder {
  static func targets(_ result: AttributionResult) -> Section {
    if let why = result.unknown(needing: .dates) { return unknown("Targets", id: "targets", why) }
    let t = result.programme.targets
    let currency = result.money
    func progress(_ ofTarget: Double?) -> Cell { Cell(text: ofTarget.map(Format.rate) ?? "no target set", isData: false, figures: [.fraction(ofTarget)]) }
    var rows: [[Cell]] = [
      t.referralLeads.map { leads in
        [
          .plain("Referral leads"), .count(leads.actual), .count(leads.projected),
          leads.target.map { .count($0) } ?? .none(.count), progress(leads.projectedOfTarget),
        ]
      } ?? [.plain("Referral leads"), .plain("n/a"), .plain("n/a"), .plain("—"), .plain("n/a (no leads export)")]
    ]
    if let revenue = t.referralRevenue {
      rows.append([
        .plain("Referral revenue"), .money(revenue.actual, currency: currency), .money(revenue.projected, currency: currency),
        revenue.target.map { .money($0, currency: currency) } ?? .none(.money(currency: currency.currency)), progress(revenue.projectedOfTarget),
      ])
    }
    rows.append([
      .plain("Referral share of leads"), .fraction(t.referralShareOfLeads), .fraction(t.referralShareOfLeads),
      .fraction(t.targetShare), .fraction(t.shareOfTarget),
    ])
    var progressRows: [(String, Double?, Double?)] = []
    if let leads = t.referralLeads, let projected = leads.projectedOfTarget {
      progressRows.append(("Referral leads", leads.toDateOfTarget, projected))
    }
    if let revenue = t.referralRevenue, let projected = revenue.projectedOfTarget {
      progressRows.append(("Referral revenue", revenue.toDateOfTarget, projected))
    }
    // The bar is the share as a fraction of its target (29.8% of a 41% target reads 72.6%),
    // so the label says so: beside a table of the share itself, "Referral share of leads"
    // over 72.6% read as a second answer to it.
    if let share = t.shareOfTarget {
      progressRows.append(("Referral share ÷ target", share, share))
    }
    let chart = Chart(
      kind: .progress, title: "Progress toward the yearly targets (100% is the target)",
      summary: progressRows.map { "\($0.0): \(Format.rate($0.1)) of target so far, \(Format.rate($0.2)) projected" }.joined(separator: "; ") + ".",
      categories: progressRows.map(\.0),
      series: [.init(name: "Year to date", values: progressRows.map(\.1)), .init(name: "Projected for the year", values: progressRows.map(\.2))],
      unit: .rate)
    return Section(
      title: "Targets", id: "targets",
      blocks: (progressRows.isEmpty ? [] : [.chart(chart)]) + [
        .paragraph(
          "Fiscal year \(t.fiscalYear.from) to \(t.fiscalYear.to); year to date \(t.yearToDate.from) to \(t.yearToDate.to) (\(Format.rate(t.elapsed)) of the year). "
            + "Projected for the year = \(t.projectionMethod), as in the Forecast."),
        .table(
          Table(
            columns: [.init("Figure", .left), .init("Year to date"), .init("Projected for the year"), .init("Yearly target"), .init("Projected ÷ target")],
            rows: rows)),
      ])
  }
}
