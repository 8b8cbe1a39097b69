import ReferralAttribution
import ReferralCore

/// What the open referral deals should bring, and where the year ends at the trailing pace.
extension ReportBuilder {
  static func forecast(_ result: AttributionResult) -> Section {
    if let why = result.unknown(needing: .dates) { return unknown("Forecast", id: "forecast", why) }
    let f = result.programme.forecast
    let currency = result.money
    func verdict(_ onTrack: Bool?, shortBy shortfall: @autoclosure () -> String) -> String {
      guard let onTrack else { return "no target set" }
      return onTrack ? "on track" : "behind by \(shortfall())"
    }
    var rows: [[Cell]] = []
    if let leads = f.referralLeads {
      rows.append([
        .plain("Referral leads"), .count(leads.actual), .count(leads.trailingYear), .count(leads.projected),
        leads.target.map { .count($0) } ?? .none(.count), .plain(verdict(leads.onTrack, shortBy: Format.count(leads.shortfall))),
      ])
    } else {
      rows.append([.plain("Referral leads"), .plain("n/a"), .plain("n/a"), .plain("n/a"), .plain("—"), .plain("n/a (no leads export)")])
    }
    if let revenue = f.referralRevenue {
      rows.append([
        .plain("Referral revenue"), .money(revenue.actual, currency: currency), .money(revenue.trailingYear, currency: currency),
        .money(revenue.projected, currency: currency), revenue.target.map { .money($0, currency: currency) } ?? .none(.money(currency: currency.currency)),
        .plain(verdict(revenue.onTrack, shortBy: Format.money(revenue.shortfall, currency: currency))),
      ])
    }
    let expected: String
    if let value = f.expectedReferralRevenue {
      expected =
        "The referral deals open at \(result.openPipeline.asOf) are worth \(Format.money(f.openReferralValue, currency: currency)); at the referral win rate "
        + "of the trailing twelve months (\(Format.rate(f.referralWinRate))) they are expected to bring \(Format.money(value, currency: currency))."
    } else {
      expected =
        "The expected revenue of the open referral deals is n/a: "
        + (f.openReferralValue == nil
          ? "the deals export has no amounts." : "no referral deal closed in the trailing twelve months, so there is no win rate to apply.")
    }
    return Section(
      title: "Forecast", id: "forecast",
      blocks: [
        .paragraph(expected),
        .paragraph(
          "Projected for the fiscal year \(f.fiscalYear.from) to \(f.fiscalYear.to) = \(result.programme.targets.projectionMethod)."
        ),
        .table(
          Table(
            columns: [
              .init("Figure", .left), .init("Year to date"), .init("Trailing 12 months"), .init("Projected for the year"), .init("Yearly target"),
              .init("Verdict", .left),
            ],
            rows: rows)),
      ])
  }
}
