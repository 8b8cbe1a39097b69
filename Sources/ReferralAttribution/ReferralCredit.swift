import ReferralCore

/// Credit for referrals and what they may cost (issue #38): how high a fee can go.
package struct ReferralCredit: Sendable, Equatable {
  package var feeHeadroom: FeeHeadroom

  /// Each part from the same ledger, side by side (called from the stage's entry point).
  static func make(ledger: Ledger, counter: PeriodCounter, period: Period, options: AttributionOptions) -> ReferralCredit {
    ReferralCredit(feeHeadroom: FeeHeadroom(ledger: ledger, counter: counter, period: period, options: options))
  }
}
