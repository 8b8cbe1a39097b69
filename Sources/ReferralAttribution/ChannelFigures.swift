import ReferralCore

/// The figures of one channel (or of all channels together) over one period.
///
/// Counts and sums are stored; rates and averages are derived, so they can never disagree
/// with the counts they come from. A figure that cannot be computed is `nil`, never 0.
package struct ChannelFigures: Sendable, Equatable {
  package var channel: String
  package var referral: Bool
  /// Leads created in the period.
  package var leads = 0
  /// Of those leads, the ones with a won deal (closed at any time in the data).
  package var convertedLeads = 0
  /// Deals closed in the period, by outcome.
  package var won = 0
  package var lost = 0
  /// Won deals without an amount: wins whose revenue is unknown. They count in ``won``, the win
  /// rate, lead conversion and the sales cycle; ``revenue`` and ``averageDeal`` leave them out
  /// (see ``revenueCoverage``) rather than count them as 0.
  package var wonWithoutAmount = 0
  /// Sum of the won amounts (of the ``wonWithAmount`` deals that have one); `nil` when the
  /// deals export has no amounts, or when won deals closed and none had an amount.
  package var revenue: Money?
  /// Spend of the period's months, plus fees and gifts paid in the period for referral
  /// channels; `nil` when no spend or payouts were given for the channel.
  package var spend: Money?
  /// Median whole days from created to closed, over won deals.
  package var salesCycleDays: Double?
  /// Gross margin used for ROI (1 = revenue-based).
  package var grossMargin: Double = 1
  /// Whether lost deals can be known at all: an export of won deals only (no stage column)
  /// has no win rate, whatever it holds.
  package var lossesKnown = true
  /// Whether a leads export was given (without one, lead counts are unknown, not 0).
  package var leadsKnown = true
  /// Whether anything says how deals ended (a deals export, or the leads' own stage column).
  package var outcomesKnown = true
  /// Whether any deal could be linked to its lead: without a link, lead conversion is unknown.
  package var linksKnown = true
  /// Whether the period ends before the data begins (see ``PeriodFigures/beforeTheData()``):
  /// every count and rate is then unknown, not 0.
  package var beforeTheData = false

  /// Rates on fewer cases than this are too few to judge (`[report] min_sample`).
  package var minSample = Rate.defaultMinSample

  /// This channel's share of all channels' leads and wins in the period, and of their revenue,
  /// set by the period's counter once the totals are known: unknown when there were none, or
  /// without a leads export, outcomes or revenue figures; for the referral channels' wins and
  /// revenue, also when no won deal of the period has a known channel.
  package var leadShare = Rate(0, of: 0, .leads)
  package var winShare = Rate(0, of: 0, .wonDeals)
  package var revenueShare: Double?
  /// The won deals a share of revenue rests on (the channel's of all won deals, as the share of
  /// wins): a share of revenue from two deals is as fragile as a share of two wins. `nil` when
  /// the share of revenue is unknown.
  package var revenueShareBase: Rate? { revenueShare == nil ? nil : winShare }

  /// Why the win rate is unknown when ``lossesKnown`` is false.
  package static let wonOnly = "the deals export has no stage column, so it holds won deals only"
  /// Why wins, losses and revenue are unknown when ``outcomesKnown`` is false.
  package static let noOutcomes = "no deals export was given and the leads export has no stage column, so no outcome is known"
  /// Why lead conversion is unknown when ``linksKnown`` is false.
  package static let noLinks =
    "no deal names a lead of the leads export and no lead names its deal, so lead conversion is not known "
    + "(map [columns.deals] lead_id to the deals' lead or contact id column, or [columns.leads] deal_id to the leads' converted deal id)"
  /// Why lead counts are unknown when ``leadsKnown`` is false.
  package static let noLeads = "no leads export was given, so leads and lead conversion are not known"

  /// Leads, when they can be known.
  package var knownLeads: Int? { leadsKnown && !beforeTheData ? leads : nil }
  /// Leads with a won deal, when both leads and outcomes can be known.
  package var knownConvertedLeads: Int? { leadsKnown && outcomesKnown && linksKnown && !beforeTheData ? convertedLeads : nil }
  /// Won deals, when outcomes can be known.
  package var knownWon: Int? { outcomesKnown && !beforeTheData ? won : nil }
  /// Lost deals, when losses can be known.
  package var knownLost: Int? { outcomesKnown && lossesKnown && !beforeTheData ? lost : nil }

  package init(channel: String, referral: Bool) {
    self.channel = channel
    self.referral = referral
  }

  /// won / (won + lost).
  package var winRate: Rate {
    let missing: Unknown? = beforeTheData ? .beforeTheData : !outcomesKnown ? .noOutcomes : lossesKnown ? nil : .wonOnly
    return Rate(won, of: won + lost, .closedDeals, missing: missing, minSample: minSample)
  }
  /// converted leads / leads.
  package var leadConversion: Rate {
    let missing: Unknown? =
      beforeTheData ? .beforeTheData : !leadsKnown ? .noLeadsExport : !outcomesKnown ? .noOutcomes : linksKnown ? nil : .noLinks
    return Rate(convertedLeads, of: leads, .leads, missing: missing, minSample: minSample)
  }
  /// Won deals whose amount ``revenue`` sums.
  package var wonWithAmount: Int { won - wonWithoutAmount }
  /// What ``revenue`` is the revenue of, when it leaves won deals out: "revenue of 12 of 13
  /// won deals"; `nil` when it sums every won deal.
  package var revenueCoverage: String? {
    wonWithoutAmount == 0 ? nil : "revenue of \(wonWithAmount) of \(won) won deals"
  }
  /// revenue / won deals with an amount: a win of unknown revenue is not a win of 0.
  package var averageDeal: Money? {
    guard let revenue, wonWithAmount > 0 else { return nil }
    return revenue.divided(by: wonWithAmount)
  }
  /// spend / leads.
  package var costPerLead: Money? {
    guard let spend, leads > 0 else { return nil }
    return spend.divided(by: leads)
  }
  /// spend / won.
  package var costPerWin: Money? {
    guard let spend, won > 0 else { return nil }
    return spend.divided(by: won)
  }
  /// (revenue × gross margin − spend) / spend.
  package var roi: Double? { returnOnCost(revenue: revenue, margin: grossMargin, cost: spend) }
}

/// (revenue × margin − cost) / cost: the one ROI formula of the report (channels and the
/// referral programme); `nil` without revenue or without a cost to divide by.
func returnOnCost(revenue: Money?, margin: Double, cost: Money?) -> Double? {
  guard let revenue, let cost, cost.minorUnits > 0 else { return nil }
  return (Double(revenue.minorUnits) * margin - Double(cost.minorUnits)) / Double(cost.minorUnits)
}

/// `part / whole`, or `nil` when `whole` is 0.
func ratio(_ part: Int, _ whole: Int) -> Double? {
  whole == 0 ? nil : Double(part) / Double(whole)
}

func ratio(_ part: Money?, _ whole: Money?) -> Double? {
  guard let part, let whole, whole.minorUnits != 0 else { return nil }
  return Double(part.minorUnits) / Double(whole.minorUnits)
}

/// The median of whole numbers (days, mostly): the middle value, or the mean of the middle two
/// for an even count; `nil` when there are none.
func median(_ values: [Int]) -> Double? {
  guard !values.isEmpty else { return nil }
  let sorted = values.sorted()
  let (low, high) = (sorted[(sorted.count - 1) / 2], sorted[sorted.count / 2])
  return Double(low + high) / 2
}

extension Optional where Wrapped == Money {
  /// Adds `amount` to a sum that may not have started yet.
  mutating func add(_ amount: Money) { self = (self ?? .zero) + amount }
}

/// Referral channels' share of leads, won deals and revenue.
package struct ReferralShare: Sendable, Equatable {
  package var leads: Rate
  package var wins: Rate
  package var revenue: Double?
  /// The won deals the share of revenue rests on (as the share of wins); `nil` when it is unknown.
  package var revenueBase: Rate? { revenue == nil ? nil : wins }

  package init(leads: Rate, wins: Rate, revenue: Double?) {
    self.leads = leads
    self.wins = wins
    self.revenue = revenue
  }

  /// Whether the referral share of leads meets `target` (`nil` when the share is unknown).
  /// `nil` too when the target is 0, which is "no target" (every share would meet it).
  package func meets(target: Double) -> Bool? { target > 0 ? leads.value.map { $0 >= target } : nil }
}

/// Every channel's figures over one period, their totals and the referral share.
package struct PeriodFigures: Sendable, Equatable {
  package var period: Period
  package var channels: [ChannelFigures]
  package var totals: ChannelFigures
  /// All referral channels together.
  package var referral: ChannelFigures
  package var referralShare: ReferralShare
  /// Won deals of the period whose channel cannot be known (no lead, no source of their own):
  /// when every won deal is one, the referral share of wins and revenue is unknown, not 0%.
  package var unknownChannelWins = 0
}

extension PeriodFigures {
  /// These figures for a period that ends before the data begins, such as the month before the
  /// data's first: the exports hold nothing of it, which says nothing about what happened, so
  /// every count, sum and rate is unknown with that reason (and every change against it n/a),
  /// never 0 or "new".
  func beforeTheData() -> PeriodFigures {
    func unknown(_ figures: ChannelFigures) -> ChannelFigures {
      var figures = figures
      figures.beforeTheData = true
      figures.revenue = nil
      figures.salesCycleDays = nil
      figures.revenueShare = nil
      figures.leadShare.missing = .beforeTheData
      figures.winShare.missing = .beforeTheData
      return figures
    }
    var figures = self
    figures.channels = []
    figures.totals = unknown(totals)
    figures.referral = unknown(referral)
    figures.referralShare = ReferralShare(leads: figures.referral.leadShare, wins: figures.referral.winShare, revenue: nil)
    return figures
  }
}
