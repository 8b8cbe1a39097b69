import ReferralAttribution
import ReferralCore

/// Builds the report document from the attribution result: what to show, in which order.
/// Each section is built in its own file under `Sections/`.
public enum ReportBuilder {
  public static let winRateTitle = "Win rate = won ÷ (won + lost)"
  public static let conversionTitle = "Lead conversion = leads with a won deal ÷ leads"

  /// What a section that counts leads or referrers shows without a leads export.
  static func withoutLeads(_ title: String, id: String) -> Section {
    Section(title: title, id: id, blocks: [.note("No leads export was given, so this cannot be computed.")])
  }

  /// What a section that follows time shows when the exports hold no dates.
  static func undated(_ title: String, id: String) -> Section {
    Section(title: title, id: id, blocks: [.note("The exports hold no dates, so this cannot be computed.")])
  }

  /// The sections in reading order: actions first, data quality last.
  public static func build(_ result: AttributionResult) -> ReportDocument {
    let period = result.current.period
    let model =
      result.model == .lead ? "first touch (the lead's source; the deal's own when it has no lead)" : "the deal's own source (the lead's when it has none)"
    let when =
      result.undated
      ? "All the data as one period: the leads export has no creation dates, so nothing is compared over time. "
      : "Period \(period.from) to \(period.to), compared with \(Format.period(result.previous.period)) "
        + "(\(result.previous.period.from) to \(result.previous.period.to)). "
    return ReportDocument(
      title: "Referral report: " + (result.undated ? "all data (the exports hold no dates)" : Format.period(period) + CoverageText.titleNote(result.coverage)),
      summary: when + "Amounts in \(result.currency). Deals are attributed by \(model).",
      notice: result.coverage.flatMap { CoverageText.notice($0, previous: result.previous.period) },
      sections: [status(result), notices(result)].compactMap { $0 } + [
        actions(result), askList(result), closingTheLoop(result), headlines(result), channels(result), cohorts(result), openPipeline(result),
        forecast(result), costs(result), fees(result), reps(result), scorecards(result), asking(result),
        referrers(result), referrerTypes(result), chains(result), advocates(result), thankYous(result), thankYouEffect(result), targets(result),
        trend(result),
        dataQuality(result.quality, currency: result.money),
      ])
  }
}
