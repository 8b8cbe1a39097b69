/// The range of every number the config file may set, each with its reason. A value outside
/// stops the run at load (exit 78) with the key, the value and the range, so no setting can
/// overflow money, trap a conversion or make a figure meaningless later on; the README's
/// configuration section lists the same ranges.
enum ConfigLimits {
  /// A share of something (`max_reject_rate`, `gross_margin`, `referral_share`,
  /// `customers_asked_per_year`, `share_of_won`): a fraction, 0.41 for 41%. 0 is allowed
  /// everywhere: a referral share target of 0 is "no target" (every share meets it, and the
  /// progress toward it is n/a), a margin of 0 sets no revenue against the cost.
  static let share: ClosedRange<Double> = 0...1

  /// Units of the reporting currency per unit of another (`[rates]`). No pair of currencies in
  /// use is further apart than about a million to one (the Iranian rial against the dollar),
  /// and at a million the largest amount an export may hold (ten billion) still fits money
  /// after conversion (10¹⁸ of Int64's 9.2 × 10¹⁸ cents); 0 would make every amount vanish.
  static let rate: ClosedRange<Double> = 0.000_001...1_000_000

  /// `[referrers] top_share`: the share of earning referrers watched. At 0 nobody would be, and
  /// the section would watch nothing while seeming to; 1% of any team rounds up to one referrer,
  /// and 1 watches them all.
  static let topShare: ClosedRange<Double> = 0.01...1

  /// `[feedback] valid_days`: an answer counts for the next step up to this many days. 0 is an
  /// answer of the period's last day only; past two years an answer says little of a customer
  /// today (the practice asks every six months).
  static let feedbackValidDays: ClosedRange<Int> = 0...730

  /// Month numbers (`fiscal_year_start`): January is 1.
  static let month: ClosedRange<Int> = 1...12

  /// Day counts (`thank_you_days`, `ask_window_days`, `ask_after_days`): the ask list and the
  /// thank-you and ask figures look back one year at most, so a longer window means nothing;
  /// 0 is the same day.
  static let days: ClosedRange<Int> = 0...365

  /// `[attribution] lookback_days`: how long before a conversion a touch counts. 0 keeps the
  /// touches of the conversion's day; past ten years no CRM keeps touches, and day arithmetic
  /// stays far inside its range.
  static let lookbackDays: ClosedRange<Int> = 0...3_650

  /// `[attribution] half_life_days`: at 0 every touch but the last would weigh nothing (a
  /// division by zero); a tenth of a day already gives a day-old touch 2⁻¹⁰ of the weight,
  /// and past ten years every touch weighs about the same (linear).
  static let halfLifeDays: ClosedRange<Double> = 0.1...3_650

  /// `outlier_multiple`: below 1, half of all won deals (those above the median) would be
  /// outliers; past a million times the median no real export holds one.
  static let outlierMultiple: ClosedRange<Double> = 1...1_000_000
  /// `[report] min_sample`: at least one case (a rate on none is n/a, not too few); at most
  /// the most rows an export holds, past which every rate would be marked.
  static let minSample: ClosedRange<Int> = 1...134_217_726

  /// `referral_leads_per_rep_per_month`: a rep logging more than ten thousand referral leads
  /// a month is a typo.
  static let leadsPerRepPerMonth: ClosedRange<Int> = 0...10_000

  /// `referral_leads_per_year`: no more than one export can hold (about 134 million rows, see
  /// `IDIndex.maximumCount`), rounded down.
  static let leadsPerYear: ClosedRange<Int> = 0...100_000_000

  /// Revenue plans (`referral_revenue_per_year`, `[targets.reps]`): ten trillion is beyond any
  /// company's revenue and far inside money's range.
  static let revenuePerYear: ClosedRange<Double> = 0...10_000_000_000_000

  /// `per_lead`: a million per referred lead is beyond any programme; times the most leads an
  /// export holds (1.3 × 10⁸) it still fits money (1.3 × 10¹⁶ cents).
  static let feePerLead: ClosedRange<Double> = 0...1_000_000

  /// `per_won_deal`: ten million per won deal (a finder's fee on the largest deals), times the
  /// most deals an export holds, still fits money.
  static let feePerWonDeal: ClosedRange<Double> = 0...10_000_000

  /// `cap_per_deal`: the share fee of one deal is at most its amount, and no amount is above
  /// ten billion (see `AmountReader.maximumUnits`), so a higher cap caps nothing.
  static let capPerDeal: ClosedRange<Double> = 0...10_000_000_000
}
