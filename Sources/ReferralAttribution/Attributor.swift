import ReferralCore
import Scheduler

/// The attribution stage: joins leads and deals, maps sources onto channels, computes every
/// figure. Pure: no files, no clock; the same dataset and options give the same result.
package enum Attributor {
  /// Everything the report shows, for `options.period` (or the month where the data ends, see
  /// ``DataSpan``; callers check ``Dataset/span`` first when there may be no dates at all).
  package static func attribute(_ dataset: Dataset, options: AttributionOptions) -> AttributionResult {
    let ledger = Ledger(dataset: dataset, options: options)
    let period = options.period ?? Period(month: (ledger.span?.end ?? Day(ordinal: 0)).month)
    let counter = PeriodCounter(ledger: ledger, options: options, around: period)
    let current = counter.figures(for: period)
    // The sections only read the ledger: they are computed side by side, the longest first
    // (as measured at 1M leads), so that no long one is left to run alone at the end.
    let (
      multiTouch, marks, chains, referrers, trend, thankYous, reps, quality, targets, previous, open, loop, types, asking, askList, effect, cohorts, advocates
    ) =
      Scheduler.run(
        // The models' paths read every lead and touch: the longest job at 10 touches a lead.
        { MultiTouchAttribution.make(ledger: ledger, period: period, options: options) },
        // Which referrals are ineligible, judged once: the fees owed leave them out under
        // `[fees] pay_ineligible = false`.
        { options.undated ? nil : ReferralEligibility.marks(ledger: ledger, period: period, duplicateDays: options.duplicateDays) },
        { ReferralChains(ledger: ledger, period: period) },
        { TopReferrers(ledger: ledger, period: period, referralRevenue: current.referral.revenue) },
        { Trend(counter: counter, period: period) },
        { ThankYous(ledger: ledger, period: period, windowDays: options.thankYouWindowDays) },
        { RepReferrals(ledger: ledger, period: period, target: options.targets.referralLeadsPerRepPerMonth) },
        { DataQuality(ledger: ledger, period: period, outlierMultiple: options.outlierMultiple, maxRejectRate: options.maxRejectRate) },
        { TargetProgress(counter: counter, period: period, dataFrom: ledger.span?.first, options: options) },
        { counter.figures(for: period.previous) },
        { OpenPipeline(ledger: ledger, period: period) },
        { ClosingTheLoop(ledger: ledger, period: period) },
        { ReferrerTypes(ledger: ledger, period: period) },
        { Asking.make(ledger: ledger, period: period, options: options) },
        { AskList(ledger: ledger, period: period, options: options) },
        { ThankYouEffect.make(ledger: ledger, period: period, windowDays: options.thankYouWindowDays) },
        { Cohorts(ledger: ledger, period: period, minSample: options.minSample) },
        { Advocates(ledger: ledger, period: period, minSample: options.minSample) })
    // These read the year-to-date figures, the open pipeline and the eligibility marks made
    // above; the asking sections run beside them.
    let unpaying = options.payIneligible ? nil : marks
    let (fees, eligibility, headroom, staff, reciprocity, forecast, scorecards, trailingYear, timing, watch, happiness) = Scheduler.run(
      { FeeLedger(ledger: ledger, period: period, options: options, current: current, unpaying: unpaying) },
      { marks.map { ReferralEligibility(ledger: ledger, period: period, options: options, marks: $0) } },
      { FeeHeadroom(ledger: ledger, counter: counter, period: period, options: options, unpaying: unpaying) },
      { StaffCredit(ledger: ledger, period: period, options: options) },
      {
        options.undated
          ? nil : ledger.dataset.referralsGiven.map { Reciprocity(ledger: ledger, given: $0, period: period, minSample: options.minSample) }
      },
      { Forecast(counter: counter, targets: targets, open: open) },
      {
        RepScorecards(
          ledger: ledger, period: period, targets: targets, plans: options.undated ? [:] : options.targets.repRevenuePerYear, minSample: options.minSample)
      },
      { options.undated ? nil : (period: targets.trailingYear, figures: counter.figures(for: targets.trailingYear)) },
      { AskTiming.make(ledger: ledger, period: period, options: options) },
      { ReferrerWatch(ledger: ledger, period: period, topShare: options.referrerTopShare) },
      { FeedbackEffect.make(ledger: ledger, period: period, minSample: options.minSample) })
    // The month before the data's first is no month of nothing: its figures are unknown.
    let coverage = options.undated ? nil : ledger.span.map { Coverage(span: $0, period: period) }
    let previousFigures = coverage?.previousBeforeTheData == true ? previous.beforeTheData() : previous
    let programme = Programme(
      fees: fees, reps: reps, referrers: referrers, chains: chains, thankYous: thankYous, targets: targets, trend: trend,
      closingTheLoop: loop, referrerTypes: types, asking: asking,
      askList: askList, askTiming: timing, referrerWatch: watch, feedbackEffect: happiness, thankYouEffect: effect, cohorts: cohorts,
      forecast: forecast, scorecards: scorecards, advocates: advocates,
      credit: ReferralCredit(feeHeadroom: headroom, eligibility: eligibility, staff: staff, reciprocity: reciprocity))
    let actions = Action.list(current: current, programme: programme, quality: quality, undated: options.undated)
    return AttributionResult(
      currency: options.currency,
      locale: options.locale,
      targetShare: options.targetShare,
      model: options.model,
      current: current,
      previous: previousFigures,
      openPipeline: open,
      programme: programme,
      quality: quality,
      coverage: coverage,
      actions: actions,
      firstScreen: FirstScreen(
        target: options.targetShare > 0 ? options.targetShare : nil, current: current, previous: options.undated ? nil : previousFigures,
        trailingYear: trailingYear,
        actions: actions),
      undated: options.undated,
      notices: dataset.notices + ShapeNotices.make(ledger: ledger, period: period),
      multiTouch: multiTouch)
  }
}
