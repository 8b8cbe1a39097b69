/// Why a figure of the report cannot be known. Attribution decides it once; every output then
/// shows the same unknown (n/a in the report, empty in `tables/`, `null` in `summary.json`),
/// and the report can say why.
package enum Unknown: Sendable, Equatable {
  /// No leads export was given: lead counts and everything divided by them.
  case noLeadsExport
  /// No deals export, and the leads carry no stage: no outcome at all.
  case noOutcomes
  /// The deals export holds won deals only: no losses, so no win rate.
  case wonOnly
  /// No deal is linked to a lead: lead conversion.
  case noLinks
  /// Every won deal of the period lacks a channel: the referral share of wins and revenue.
  case noKnownChannel
  /// The rate's base is 0 (nothing closed, no lead created): there is nothing to divide by.
  case nothingCounted
  /// The exports hold no dates (`--all` on a lead list without `created_at`): nothing that
  /// follows time.
  case undated
  /// The period ends before the data begins (the previous period of the data's first month):
  /// the exports cannot say what happened then, so nothing is 0.
  case beforeTheData
  /// The exports hold no amount of a won deal (no deals export, or one without amounts):
  /// revenue and everything divided by it.
  case noAmounts
  /// No touches export was given: the multi-touch models have no paths to share wins over.
  case noTouchesExport

  /// What the exports lack, in words: "no leads export was given".
  package var cause: String {
    switch self {
    case .noLeadsExport: "no leads export was given"
    case .noOutcomes: "no deals export was given and the leads export has no stage column"
    case .wonOnly: "the deals export has no stage column"
    case .noLinks: "no deal names a lead of the leads export and no lead names its deal"
    case .noKnownChannel: "no won deal of the period has a known channel"
    case .nothingCounted: "there is nothing to count in the period"
    case .undated: "the exports hold no dates"
    case .beforeTheData: "the period ends before the data begins"
    case .noAmounts: "the exports hold no amounts of won deals"
    case .noTouchesExport: "no touches export was given (--touches, or [inputs] touches: one row per marketing or sales touch of a lead)"
    }
  }

  /// The reason in words, with what it means for the figures, for the report's notes.
  package var reason: String {
    switch self {
    case .noLeadsExport: ChannelFigures.noLeads
    case .noOutcomes: ChannelFigures.noOutcomes
    case .wonOnly: ChannelFigures.wonOnly
    case .noLinks: ChannelFigures.noLinks
    case .noKnownChannel, .nothingCounted, .undated, .beforeTheData, .noAmounts, .noTouchesExport: cause
    }
  }
}

/// A rate with the counts it comes from: `count` of `base` cases. A rate on one or two cases
/// reads as solidly as one on a thousand unless the report says otherwise, so the counts
/// travel with the value, and a rate on fewer than ``minSample`` cases is ``tooFew`` to judge
/// (`[report] min_sample`). Attribution builds it; renderers only format it.
package struct Rate: Sendable, Equatable {
  /// What the base counts, so that the report can say "too few to judge: 2 won deals".
  package enum Cases: Sendable, Equatable {
    case leads
    case closedDeals
    case wonDeals
    case referredCustomers
    case asks
    case customers

    /// The noun for `count` cases: "1 closed deal", "2 closed deals".
    package func noun(_ count: Int) -> String {
      let singular =
        switch self {
        case .leads: "lead"
        case .closedDeals: "closed deal"
        case .wonDeals: "won deal"
        case .referredCustomers: "referred customer"
        case .asks: "ask"
        case .customers: "customer"
        }
      return count == 1 ? singular : singular + "s"
    }
  }

  /// The fewest cases a rate is judged on by default: on 10 cases one case moves the rate by
  /// 10 points, and a 50% rate has a 95% interval of about ±31 points (1.96 × √(0.25 / 10));
  /// on fewer, a rate says more about chance than about the channel or the rep.
  package static let defaultMinSample = 10

  /// The cases counted (won deals, converted leads, referral leads…).
  package var count: Int
  /// The cases counted among (closed deals, leads, won deals…).
  package var base: Int
  package var cases: Cases
  /// Why the data cannot give this rate whatever the counts (no leads export, won deals only);
  /// the counts are then not figures of the report either.
  package var missing: Unknown?
  package var minSample: Int

  package init(_ count: Int, of base: Int, _ cases: Cases, missing: Unknown? = nil, minSample: Int = Rate.defaultMinSample) {
    self.count = count
    self.base = base
    self.cases = cases
    self.missing = missing
    self.minSample = minSample
  }

  /// Why the rate is unknown: what the data lacks, or nothing to divide by; `nil` when known.
  package var unknown: Unknown? { missing ?? (base == 0 ? .nothingCounted : nil) }
  /// `count / base`, or `nil` when unknown.
  package var value: Double? { unknown == nil ? Double(count) / Double(base) : nil }
  /// Whether the rate is known but rests on fewer than ``minSample`` cases.
  package var tooFew: Bool { unknown == nil && base < minSample }
}
