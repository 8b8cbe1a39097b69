import ReferralCore

/// Which source a deal is credited to.
package enum AttributionModel: String, Sendable, CaseIterable {
  /// First touch: the lead's source when the deal's `lead_id` resolves, else the deal's own.
  case lead
  /// The deal's own source when it has one, else its lead's.
  case deal
}

/// Everything attribution needs besides the data: the rules, with the spec's defaults.
package struct AttributionOptions: Sendable {
  /// `nil`: the month where the data ends (see ``DataSpan``; never the clock).
  package var period: Period?
  package var model: AttributionModel
  package var catalogue: Catalogue
  package var currency: String
  /// The locale the report writes money in (`[report] locale`, e.g. `de-DE`); `nil`: the
  /// currency's symbol before a comma-grouped amount.
  package var locale: String?
  /// Target referral share of leads, wins and revenue (0.41: what the best sellers reach).
  package var targetShare: Double
  /// Share of revenue kept as gross margin, for ROI (1 = revenue-based ROI).
  package var grossMargin: Double
  /// Fee rules per referral channel name.
  package var feeRules: [String: FeeRule] = [:]
  package var targets = Targets()
  /// Month the fiscal year starts in (1 = January), for year-to-date figures.
  package var fiscalYearStart = 1
  /// Days after a referred lead's creation within which its referrer should be thanked.
  package var thankYouWindowDays = 2
  /// Days after an ask within which a referral from the asked lead is that ask's result.
  package var askWindowDays = 30
  /// Days after a customer's first win before they are due an ask (they have used what they bought).
  package var askAfterDays = 60
  /// The share of the referrers earning referral revenue in the trailing year whose referrals
  /// are watched (`[referrers] top_share`): the top 20% bring most of it.
  package var referrerTopShare = 0.2
  /// Days a feedback answer stays valid (`[feedback] valid_days`): a customer's latest answer
  /// this old or younger decides their next step; an older one is no answer.
  package var feedbackValidDays = 183
  /// Whether passives are asked for a referral (`[feedback] ask_passives`); else they are asked
  /// how it is going first, as customers with no answer are.
  package var askPassives = false
  /// A won deal above this many times the period's median won amount is listed as an outlier
  /// (see ``Outlier``).
  package var outlierMultiple = 10.0
  /// Whether the exports hold no dates (a leads export without `created_at`, `--all`): the
  /// period is all the data, and nothing over time can be computed.
  package var undated = false
  /// The fewest cases a rate is judged on (`[report] min_sample`): one on fewer is marked
  /// "too few to judge" in every output (see ``Rate``).
  package var minSample = Rate.defaultMinSample
  /// The share of an input's data rows that may be rejected before the run fails its check
  /// (exit 2, and the report says so at the top).
  package var maxRejectRate = 0.01
  /// How many days before a conversion a touch still counts towards it (`[attribution]
  /// lookback_days`): older touches are left out of the lead's path.
  package var lookbackDays = 365
  /// The time-decay model's half-life in days (`[attribution] half_life_days`): a touch this
  /// long before the conversion weighs half as much as one on its day.
  package var halfLifeDays = 7.0

  package init(
    period: Period? = nil, model: AttributionModel = .lead, catalogue: Catalogue = .standard,
    currency: String = "USD", targetShare: Double = 0.41, grossMargin: Double = 1
  ) {
    self.grossMargin = grossMargin
    self.period = period
    self.model = model
    self.catalogue = catalogue
    self.currency = currency
    self.targetShare = targetShare
  }
}
