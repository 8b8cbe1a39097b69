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

  /// The sections of each part, in reading order, each marked with its part.
  static func placed(answer: [Section], work: [Section], analysis: [Section], appendix: [Section]) -> [Section] {
    zip(Part.allCases, [answer, work, analysis, appendix]).flatMap { part, sections in
      sections.map { section in
        var section = section
        section.part = part
        return section
      }
    }
  }

  /// The sections in reading order: the answer on the first screen (see ``FirstScreen``),
  /// then the actions and the lists to work, the analysis, and an appendix of deep sections.
  package static func build(_ result: AttributionResult) -> ReportDocument {
    let model =
      result.model == .lead ? "first touch (the lead's source; the deal's own when it has no lead)" : "the deal's own source (the lead's when it has none)"
    let when =
      result.timeline.map { t in
        result.coverage?.previousBeforeTheData == true
          ? "Period \(t.period.from) to \(t.period.to); the period before it (\(t.previous.from) to \(t.previous.to)) "
            + "is before the data begins, so its figures are n/a and no change is shown. "
          : "Period \(t.period.from) to \(t.period.to), compared with \(Format.period(t.previous)) (\(t.previous.from) to \(t.previous.to)). "
      } ?? "All the data as one period: the leads export has no creation dates, so nothing is compared over time. "
    return ReportDocument(
      title: "Referral report: "
        + (result.timeline.map { Format.period($0.period) + CoverageText.titleNote(result.coverage) } ?? "all data (the exports hold no dates)"),
      summary: when + "Amounts in \(result.currency). Deals are attributed by \(model).",
      notice: result.coverage.flatMap { CoverageText.notice($0, previous: result.previous.period) },
      sections: placed(
        answer: [status(result), notices(result)].compactMap { $0 } + [firstScreen(result)],
        // The full action list, then the lists to work: who to ask, thank, pay.
        work: [actions(result), askList(result), thankYous(result), closingTheLoop(result), fees(result)],
        analysis: [
          headlines(result), channels(result), attributionModels(result), trend(result), targets(result), openPipeline(result), forecast(result), costs(result),
          reps(result), scorecards(result), asking(result), askTiming(result), referrers(result), referrerWatch(result), referrerTypes(result),
          feedbackEffect(result),
        ],
        appendix: [cohorts(result), chains(result), advocates(result), thankYouEffect(result), dataQuality(result.quality, currency: result.money)]))
  }
}
