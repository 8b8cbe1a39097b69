import ReferralAttribution
import ReferralCore

/// The referral-programme keys of `summary.json`.
extension JSONRenderer {
  static func programme(_ p: Programme) -> [(String, JSONValue)] {
    [
      ("referral_fees", fees(p.fees)),
      ("referrals_per_rep", reps(p.reps)),
      ("top_referrers", referrers(p.referrers)),
      ("referral_chains", chains(p.chains)),
      ("thank_yous", thankYous(p.thankYous)),
      ("targets", targets(p.targets)),
      ("trend", .array(p.trend.points.map(trendPoint))),
    ]
  }

  static func fees(_ f: FeeLedger) -> JSONValue {
    .object([
      ("owed", f.hasRules ? .money(f.owed) : .null),
      ("fees_paid", f.hasPayouts ? .money(f.feesPaid) : .null),
      ("gifts_paid", f.hasPayouts ? .money(f.giftsPaid) : .null),
      ("outstanding", f.hasRules && f.hasPayouts ? .money(f.outstanding) : .null),
      ("referred_revenue", .optional(f.referredRevenue)),
      ("programme_cost", .money(f.programmeCost)),
      ("roi_on_revenue", .optional(f.roiOnRevenue)),
      ("roi_on_margin", .optional(f.roiOnMargin)),
      (
        "unpaid",
        .array(
          (f.hasRules && f.hasPayouts ? f.unpaid : []).map {
            .object([
              ("deal_id", .string($0.dealID)), ("channel", .string($0.channel)), ("referrer_id", $0.referrer.map(JSONValue.string) ?? .null),
              ("closed_at", .string($0.closed.description)), ("owed", .money($0.owed)), ("paid", .money($0.paid)), ("outstanding", .money($0.outstanding)),
            ])
          })
      ),
      (
        "unmatched_payouts",
        .array(
          f.unmatched.map {
            .object([
              ("payout_id", .string($0.payoutID)), ("paid_at", .string($0.paid.description)), ("kind", .string($0.kind.rawValue)),
              ("deal_id", $0.dealID.map(JSONValue.string) ?? .null), ("referrer_id", $0.referrer.map(JSONValue.string) ?? .null), ("amount", .money($0.amount)),
            ])
          })
      ),
    ])
  }

  static func reps(_ r: RepReferrals) -> JSONValue {
    .object([
      ("target_per_month", .int(r.target)),
      ("months", .array(r.months.map { .string($0.description) })),
      (
        "reps",
        .array(
          r.reps.map { rep in
            .object([
              ("owner", .string(rep.owner)), ("referral_leads", .array(rep.perMonth.map(JSONValue.int))),
              ("below_target", .bool(rep.perMonth.contains { $0 < r.target })),
            ])
          })
      ),
    ])
  }

  static func referrers(_ t: TopReferrers) -> JSONValue {
    .object([
      ("top_20_percent_count", .int(t.topCount)),
      ("top_20_percent_share", .optional(t.topShare)),
      ("referrers_total", .int(t.ranked.count)),
      (
        "ranked",
        .array(
          t.ranked.prefix(ReportBuilder.topLimit).map {
            .object([
              ("referrer_id", .string($0.id)), ("name", .string($0.name)), ("leads", .int($0.leads)), ("won", .int($0.won)),
              ("revenue", .money($0.revenue)), ("share", .optional(t.share(of: $0))),
            ])
          })
      ),
    ])
  }

  static func chains(_ c: ReferralChains) -> JSONValue {
    .object([
      ("generations", .array(c.generations.map { .object([("generation", .int($0.generation)), ("leads", .int($0.leads)), ("revenue", .money($0.revenue))]) })),
      ("longest", .array(c.longest.map(JSONValue.string))),
    ])
  }

  static func thankYous(_ t: ThankYous) -> JSONValue {
    guard t.known else { return .null }
    return .object([
      ("window_days", .int(t.windowDays)), ("due", .int(t.due)), ("on_time", .int(t.onTime)), ("on_time_rate", .optional(t.onTimeRate)),
      (
        "missed",
        .array(
          t.missed.map {
            .object([
              ("lead_id", .string($0.leadID)), ("company", .string($0.company)), ("referrer", .string($0.referrer)),
              ("owner", $0.owner.map(JSONValue.string) ?? .null), ("created_at", .string($0.created.description)),
              ("thanked_at", $0.thanked.map { .string($0.description) } ?? .null),
            ])
          })
      ),
    ])
  }

  static func targets(_ t: TargetProgress) -> JSONValue {
    .object([
      ("fiscal_year", period(t.fiscalYear)),
      ("year_to_date", period(t.yearToDate)),
      (
        "referral_leads",
        .object([
          ("actual", .int(t.referralLeads.actual)), ("projected", .int(t.referralLeads.projected)),
          ("target", t.referralLeads.target.map(JSONValue.int) ?? .null),
        ])
      ),
      (
        "referral_revenue",
        t.referralRevenue.map {
          .object([("actual", .money($0.actual)), ("projected", .money($0.projected)), ("target", .optional($0.target))])
        } ?? .null
      ),
      ("referral_share_of_leads", .object([("actual", .optional(t.referralShareOfLeads)), ("target", .number(t.targetShare))])),
    ])
  }

  static func trendPoint(_ p: Trend.Point) -> JSONValue {
    .object([
      ("month", .string(p.month.description)),
      ("referral_share", .object([("leads", .optional(p.share.leads)), ("wins", .optional(p.share.wins)), ("revenue", .optional(p.share.revenue))])),
      ("win_rate", .object([("referral", .optional(p.referralWinRate)), ("other", .optional(p.otherWinRate))])),
      ("lead_conversion", .object([("referral", .optional(p.referralConversion)), ("other", .optional(p.otherConversion))])),
    ])
  }
}
