import ReferralCore

/// How high a referral fee can go: the fee per won referred deal at which a referred win costs
/// as much as a win from the channels the business pays for, beside what the fee rules pay now.
/// Over the twelve months up to the period's end, so that a quiet month does not swing it.
package struct FeeHeadroom: Sendable, Equatable {
  /// What a win cost one non-referral channel over the twelve months.
  package struct ChannelCost: Sendable, Equatable {
    package var channel: String
    /// `nil` without a spend export; zero when the export holds none for the channel.
    package var spend: Money?
    package var won: Int
    /// spend ÷ won; `nil` with ``unknown`` saying why.
    package var costPerWin: Money?
    /// Why ``costPerWin`` is unknown (no spend, no win), `nil` when it is known.
    package var unknown: String?
  }

  /// The twelve whole months up to the period's end (monthly spend counts by whole month).
  package var window: Period
  /// Every non-referral channel active in the window, in the channel table's order.
  package var channels: [ChannelCost]
  /// The median of the known ``ChannelCost/costPerWin``: what a win costs elsewhere.
  package var medianCostPerWin: Money?
  /// Referred deals won in the window.
  package var referredWins: Int
  /// The referral channels' spend other than fees: their rows of the spend export and the
  /// thank-you gifts paid in the window; `nil` without a spend export.
  package var referralOtherSpend: Money?
  /// ``referralOtherSpend`` ÷ ``referredWins``.
  package var otherSpendPerWin: Money?
  /// The break-even fee per won referred deal = ``medianCostPerWin`` − ``otherSpendPerWin``.
  package var breakEven: Money?
  /// Why ``breakEven`` (and the headroom) is unknown, `nil` when it is known.
  package var breakEvenUnknown: String?
  /// What the fee rules owe per won referred deal in the window: the per-lead fees of the
  /// referral leads created in it and the fees of the referred deals won in it, divided by
  /// those deals; deals whose fee is a share of an amount they lack are left out of both.
  package var currentFee: Money?
  /// Why ``currentFee`` is unknown, `nil` when it is known.
  package var currentFeeUnknown: String?
  /// Won referred deals whose fee is unknown (a share of a missing amount): left out of ``currentFee``.
  package var unknownFees = 0

  /// ``breakEven`` − ``currentFee``: how much the fee per won deal may still rise (negative:
  /// the fee already costs more per win than the other channels).
  package var headroom: Money? {
    guard let breakEven, let currentFee else { return nil }
    return breakEven - currentFee
  }
  /// ``headroom`` as a share of ``breakEven``; `nil` when the break-even fee is not above 0
  /// (no fee pays for itself, so no share of it means anything).
  package var headroomShare: Double? {
    guard let breakEven, breakEven > .zero else { return nil }
    return ratio(headroom, breakEven)
  }
  /// Why ``headroom`` and ``headroomShare`` are unknown, `nil` when both are known.
  package var headroomUnknown: String? {
    if let breakEvenUnknown { return breakEvenUnknown }
    if let currentFeeUnknown { return currentFeeUnknown }
    return headroomShare == nil ? Self.breakEvenNotPositive : nil
  }

  package static let noSpendExport = "no spend export"
  package static let noSpend = "no spend in the 12 months"
  package static let noWins = "no won deal in the 12 months"
  package static let noChannelCost = "no non-referral channel has both spend and a won deal in the 12 months"
  package static let noReferredWins = "no referred deal won in the 12 months"
  package static let noRules = FeeLedger.noRules
  package static let breakEvenNotPositive = "the break-even fee is not above 0: the referral channels' other spend already costs as much per win"

  /// The headroom over the twelve months up to `period`'s end, counted by `counter`.
  /// `unpaying` are the ineligible referrals under `[fees] pay_ineligible = false`: no fee is
  /// owed for them, so they are left out of the current fee as the fees section leaves them.
  init(ledger: Ledger, counter: PeriodCounter, period: Period, options: AttributionOptions, unpaying: ReferralEligibility.Marks?) {
    window = Period(from: period.to.month.adding(months: -11).firstDay, to: period.to)!
    let figures = counter.figures(for: window)
    let data = ledger.dataset
    channels = figures.channels.filter { !$0.referral }.map { row in
      let unknown: String? =
        row.spend == nil ? Self.noSpendExport : row.spend == .zero ? Self.noSpend : row.won == 0 ? Self.noWins : nil
      return ChannelCost(channel: row.channel, spend: row.spend, won: row.won, costPerWin: unknown == nil ? row.costPerWin : nil, unknown: unknown)
    }
    medianCostPerWin = Self.median(channels.compactMap(\.costPerWin))
    referredWins = figures.referral.won

    // The referral channels' spend rows and gifts: all their spend but the fees.
    var other = Money.zero
    if data.hasSpend {
      let months = Set(window.months)
      for entry in data.spend where months.contains(entry.month) && ledger.isReferral(ledger.channel(ofSource: entry.source)) {
        other += entry.amount
      }
      let payouts = data.payoutTable
      for index in payouts.indices where payouts.kinds[index] == .gift && window.contains(payouts.paid(index)) {
        other += payouts.amount(index)
      }
      referralOtherSpend = other
    }
    if referredWins > 0, let referralOtherSpend { otherSpendPerWin = referralOtherSpend.divided(by: referredWins) }
    if !data.hasSpend {
      breakEvenUnknown = Self.noSpendExport
    } else if medianCostPerWin == nil {
      breakEvenUnknown = Self.noChannelCost
    } else if referredWins == 0 {
      breakEvenUnknown = Self.noReferredWins
    } else if let medianCostPerWin, let otherSpendPerWin {
      breakEven = medianCostPerWin - otherSpendPerWin
    }

    // What the rules owe for the window's referral leads and referred wins.
    guard !options.feeRules.isEmpty else {
      currentFeeUnknown = Self.noRules
      return
    }
    var owed = Money.zero
    for row in figures.channels where row.referral {
      guard let perLead = options.feeRules[row.channel]?.perLead else { continue }
      owed += Money(minorUnits: perLead.minorUnits * Int64(row.leads))
    }
    for judged in unpaying?.judged ?? [] where window.contains(judged.created) {
      if let perLead = options.feeRules[ledger.channels[ledger.leadChannel(judged.lead)].name]?.perLead { owed -= perLead }
    }
    let rules = ledger.channels.indices.map { ledger.isReferral($0) ? options.feeRules[ledger.channels[$0].name] : nil }
    var feeWins = 0
    let deals = ledger.deals
    for index in deals.indices where deals.outcome[index] == .won {
      guard let closed = deals.closed(index), window.contains(closed), ledger.isReferral(ledger.dealChannel(index)) else { continue }
      guard let rule = rules[ledger.dealChannel(index)], !(ledger.dealLead(index).map { unpaying?.contains($0) ?? false } ?? false) else {
        feeWins += 1
        continue
      }
      guard let due = rule.owed(forWon: deals.amount(index)) else {
        unknownFees += 1
        continue
      }
      owed += due
      feeWins += 1
    }
    if feeWins > 0 {
      currentFee = owed.divided(by: feeWins)
    } else {
      currentFeeUnknown = unknownFees > 0 ? "no referred win of the 12 months has a known fee" : Self.noReferredWins
    }
  }

  /// The middle value, or the mean of the two middle ones (rounded to the cent); `nil` for none.
  static func median(_ values: [Money]) -> Money? {
    guard !values.isEmpty else { return nil }
    let sorted = values.sorted()
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]).divided(by: 2)
  }
}
