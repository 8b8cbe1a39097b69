import ReferralCore

/// Referral fees: owed under the rules against paid (payouts), for finance.
package struct FeeLedger: Sendable, Equatable {
  /// A won referred deal whose fee is not (fully) paid by the end of the period.
  package struct UnpaidFee: Sendable, Equatable {
    package var dealID: String
    package var channel: String
    package var referrer: String?
    /// The referrer as a person reads them: their id, with their company when they are one of
    /// the leads (as the other lists show referrers); `nil` without a referrer.
    package var referrerName: String?
    /// Who pays it in the CRM's eyes: the deal's owner, else its lead's (`nil`: neither known).
    package var owner: String?
    package var closed: Day
    package var owed: Money
    package var paid: Money
    package var outstanding: Money { owed - paid }
  }

  /// A payout paid in the period that no deal accounts for.
  package struct UnmatchedPayout: Sendable, Equatable {
    package var payoutID: String
    package var paid: Day
    package var kind: PayoutKind
    package var amount: Money
    package var dealID: String?
    package var referrer: String?
  }

  /// Owed for the period: per referred lead created in it and per referred deal won in it;
  /// `nil` without `[fees]` rules.
  package var owed: Money?
  /// Fees and gifts paid in the period; `nil` without a payouts export.
  package var feesPaid: Money?
  package var giftsPaid: Money?
  /// Won referred deals, closed by the end of the period, with fees still outstanding; `nil`
  /// unless both the rules (what is owed) and the payouts (what was paid) are known.
  package var unpaid: [UnpaidFee]?
  /// Won referred deals, closed by the end of the period, whose fee is a share of an amount
  /// they do not have: their fee is unknown, so it is left out of ``owed``, ``unpaid``,
  /// ``backlog`` and ``outstandingOnPeriodDeals`` (and the report says how many).
  package var unknownFees = 0
  package var unmatched: [UnmatchedPayout] = []
  /// Revenue of referred deals won in the period, and all the programme cost in it
  /// (referral channels' spend rows, fees and gifts paid).
  package var referredRevenue: Money?
  package var programmeCost: Money = .zero
  package var grossMargin: Double = 1

  /// Why ``owed`` is unknown, and why ``feesPaid`` and ``giftsPaid`` are.
  package static let noRules = "no [fees] rules"
  package static let noPayouts = "no payouts export"

  /// The unpaid-fee backlog: the fees still outstanding on every ``unpaid`` deal, won at any
  /// time up to the period's end; `nil` when those are unknown. What the referrers are owed
  /// today, not a cost of this period.
  package var backlog: Money? { unpaid.map { $0.reduce(.zero) { $0 + $1.outstanding } } }
  /// The fees still outstanding on the referred deals won in the period: what this period's
  /// deals will still cost; `nil` when unpaid fees are unknown.
  package var outstandingOnPeriodDeals: Money?
  /// Why ``unpaid``, ``backlog`` and ``outstandingOnPeriodDeals`` are unknown; `nil` when they
  /// are known.
  package var outstandingUnknown: String? {
    switch (owed == nil, feesPaid == nil) {
    case (false, false): nil
    case (true, false): Self.noRules
    case (false, true): Self.noPayouts
    case (true, true): "\(Self.noRules) and \(Self.noPayouts)"
    }
  }

  /// (revenue − cost) / cost.
  package var roiOnRevenue: Double? { returnOnCost(revenue: referredRevenue, margin: 1, cost: programmeCost) }
  /// (revenue × gross margin − cost) / cost.
  package var roiOnMargin: Double? { returnOnCost(revenue: referredRevenue, margin: grossMargin, cost: programmeCost) }
  /// The programme's cost once the fees still owed on the period's won referred deals are paid
  /// too: ROI on fees paid flatters a programme that owes its referrers. Only the period's
  /// deals: the ``backlog`` of earlier periods' deals was earned by earlier revenue, and set
  /// against this period's revenue it would mix periods (and grow with the data's span);
  /// `nil` when the fees outstanding are unknown.
  package var programmeCostWithOwedFees: Money? { outstandingOnPeriodDeals.map { programmeCost + $0 } }
  /// ROI on revenue and on margin with the fees still owed on the period's deals counted as cost.
  package var roiOnRevenueWithOwedFees: Double? { returnOnCost(revenue: referredRevenue, margin: 1, cost: programmeCostWithOwedFees) }
  package var roiOnMarginWithOwedFees: Double? { returnOnCost(revenue: referredRevenue, margin: grossMargin, cost: programmeCostWithOwedFees) }

  /// The ledger of `period`, whose channel figures are `current` (the leads it counted per
  /// channel are those the per-lead fees are owed for); `unpaying` are the ineligible
  /// referrals when `[fees] pay_ineligible = false`: no fee is owed for them.
  init(ledger: Ledger, period: Period, options: AttributionOptions, current: PeriodFigures, unpaying: ReferralEligibility.Marks? = nil) {
    let data = ledger.dataset
    var owed = Money.zero
    var (feesPaid, giftsPaid) = (Money.zero, Money.zero)
    var unpaid: [UnpaidFee] = []
    var outstandingOnPeriodDeals = Money.zero
    grossMargin = options.grossMargin
    referredRevenue = current.referral.revenue
    programmeCost = current.referral.spend ?? .zero
    // Looked up once per channel, not once per row.
    let rules = ledger.channels.indices.map { ledger.isReferral($0) ? options.feeRules[ledger.channels[$0].name] : nil }
    func rule(_ channel: Int) -> FeeRule? { rules[channel] }
    // Per lead: from the leads each referral channel got in the period (no pass over every lead).
    for figures in current.channels where figures.referral {
      guard let perLead = options.feeRules[figures.channel]?.perLead else { continue }
      owed += Money(minorUnits: perLead.minorUnits * Int64(figures.leads))
    }
    for judged in unpaying?.judged ?? [] where period.contains(judged.created) {
      if let perLead = rule(ledger.leadChannel(judged.lead))?.perLead { owed -= perLead }
    }
    var paidPerDeal = Array(repeating: Money.zero, count: ledger.deals.count)
    let payouts = data.payoutTable
    for index in payouts.indices where payouts.paid(index) <= period.to {
      let (deal, kind, amount) = (ledger.payoutDeal(index), payouts.kinds[index], payouts.amount(index))
      if kind == .fee, let deal { paidPerDeal[deal] += amount }
      guard period.contains(payouts.paid(index)) else { continue }
      switch kind {
      case .fee: feesPaid += amount
      case .gift: giftsPaid += amount
      }
      if deal == nil && (payouts.namesDeal(index) || kind == .fee) {
        unmatched.append(
          UnmatchedPayout(
            payoutID: payouts.id(index), paid: payouts.paid(index), kind: kind, amount: amount,
            dealID: payouts.dealID(index), referrer: payouts.referrer(index).map { data.referrers[Int($0)] }))
      }
    }
    let deals = ledger.deals
    for index in deals.indices where deals.outcome[index] == .won {
      guard let closed = deals.closed(index), closed <= period.to, let rule = rule(ledger.dealChannel(index)) else { continue }
      if let unpaying, let lead = ledger.dealLead(index), unpaying.contains(lead) { continue }
      guard let due = rule.owed(forWon: deals.amount(index)) else {
        unknownFees += 1
        continue
      }
      let inPeriod = period.contains(closed)
      if inPeriod { owed += due }
      let paid = paidPerDeal[index]
      if paid < due {
        if inPeriod { outstandingOnPeriodDeals += due - paid }
        unpaid.append(
          UnpaidFee(
            dealID: deals.id(index), channel: ledger.channels[ledger.dealChannel(index)].name,
            referrer: ledger.dealLead(index).flatMap { ledger.referrer(ofLead: $0) },
            referrerName: ledger.dealLead(index).flatMap { ledger.leads.referrer($0) }.map { ledger.name(ofReferrer: $0) },
            owner: ledger.owner(ofDeal: index), closed: closed, owed: due, paid: paid))
      }
    }
    unpaid.sort { ($0.closed, $0.dealID) < ($1.closed, $1.dealID) }
    unmatched.sort { ($0.paid, $0.payoutID) < ($1.paid, $1.payoutID) }
    // The one place that decides what is known: owed needs rules, paid needs payouts.
    let hasRules = !options.feeRules.isEmpty
    self.owed = hasRules ? owed : nil
    (self.feesPaid, self.giftsPaid) = data.hasPayouts ? (feesPaid, giftsPaid) : (nil, nil)
    self.unpaid = hasRules && data.hasPayouts ? unpaid : nil
    self.outstandingOnPeriodDeals = self.unpaid == nil ? nil : outstandingOnPeriodDeals
  }
}
