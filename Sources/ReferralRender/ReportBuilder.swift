import ReferralAttribution
import ReferralCore

/// Builds the report document from the attribution result: what to show, in which order.
/// Each section is built in its own file under `Sections/`.
package enum ReportBuilder {
  package static let winRateTitle = "Win rate = won ÷ (won + lost)"
  package static let conversionTitle = "Lead conversion = leads with a won deal ÷ leads"

  /// What a section shows when attribution says it cannot be computed, and why.
  static func unknown(_ title: String, id: String, _ why: Unknown) -> Section {
    Section(title: title, id: id, blocks: [.note(Format.cannotCompute(why))])
  }

  /// The sections in reading order: actions first, data quality last.
  package static func build(_ result: AttributionResult) -> ReportDocument {
    let period = result.current.period
    let model =
      result.model == .lead ? "first touch (the lead's source; the deal's own when it has no lead)" : "the deal's own source (the lead's when it has none)"
    let when =
      result.undated
      ? "All the data as one period: the leads export has no creation dates, so nothing is compared over time. "
      : result.coverage?.previousBeforeTheData == true
        ? "Period \(period.from) to \(period.to); the period before it (\(result.previous.period.from) to \(result.previous.period.to)) "
          + "is before the data begins, so its figures are n/a and no change is shown. "
        : "Period \(period.from) to \(period.to), compared with \(Format.period(result.previous.period)) "
          + "(\(result.previous.period.from) to \(result.previous.period.to)). "
    return ReportDocument(
      title: "Referral report: " + (result.undated ? "all data (the exports hold no dates)" : Format.period(period) + CoverageText.titleNote(result.coverage)),
      summary: when + "Amounts in \(result.currency). Deals are attributed by \(model).",
      notice: result.coverage.flatMap { CoverageText.notice($0, previous: result.previous.period) },
      sections: [status(result), notices(result)].compactMap { $0 } + [
        actions(result), askList(result), closingTheLoop(result), headlines(result), channels(result), cohorts(result), openPipeline(result),
        forecast(result), costs(result), fees(result), eligibility(result), feeHeadroom(result), staffCredit(result), reps(result), scorecards(result),
        asking(result),
        referrers(result), referrerTypes(result), chains(result), advocates(result), thankYous(result), thankYouEffect(result), targets(result),
        trend(result),
        dataQuality(result.quality, currency: result.money),
      ])
  }
}
