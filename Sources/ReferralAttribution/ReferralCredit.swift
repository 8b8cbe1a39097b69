import ReferralCore
import Scheduler

/// Credit for referrals and what they may cost (issue #38): who outside sales brings them,
/// which deserve a fee and how high a fee can go.
package struct ReferralCredit: Sendable, Equatable {
  package var feeHeadroom: FeeHeadroom
  /// `nil` when the exports hold no dates: nothing came before anything.
  package var eligibility: ReferralEligibility?
  /// Why ``eligibility`` is `nil` when it is, decided here with it, so that the report only
  /// says it: it is judged for every dated report.
  package static let whyNoEligibility = Unknown.undated
  package var staff: StaffCredit
  /// `nil` without a `--referrals-given` export or without dates.
  package var reciprocity: Reciprocity?

  /// Each part from the same ledger, side by side (called from the stage's entry point, not
  /// from a job); `marks` are the ineligible referrals, `nil` without dates.
  static func make(
    ledger: Ledger, counter: PeriodCounter, period: Period, options: AttributionOptions, marks: ReferralEligibility.Marks?
  ) -> ReferralCredit {
    let unpaying = options.payIneligible ? nil : marks
    let (headroom, eligibility, staff, reciprocity) = Scheduler.run(
      { FeeHeadroom(ledger: ledger, counter: counter, period: period, options: options, unpaying: unpaying) },
      { marks.map { ReferralEligibility(ledger: ledger, period: period, options: options, marks: $0) } },
      { StaffCredit(ledger: ledger, period: period, options: options) },
      {
        options.undated
          ? nil : ledger.dataset.referralsGiven.map { Reciprocity(ledger: ledger, given: $0, period: period, minSample: options.minSample) }
      })
    return ReferralCredit(feeHeadroom: headroom, eligibility: eligibility, staff: staff, reciprocity: reciprocity)
  }
}
