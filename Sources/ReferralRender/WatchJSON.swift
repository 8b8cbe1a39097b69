import ReferralAttribution
import ReferralCore

/// The `summary.json` keys of when asks pay, the watched top referrers and whether happiness
/// predicts referrals.
extension JSONRenderer {
  /// When asks pay; null without a referral requests export (or without leads or dates).
  static func askTiming(_ timing: AskTiming?, into json: inout JSONWriter) {
    guard let t = timing else { return json.null() }
    json.object { json in
      json.member("from", .day(t.trailingYear.from))
      json.member("to", .day(t.trailingYear.to))
      json.member("window_days", .int(t.windowDays))
      json.member("ask_after_days", .int(t.afterDays))
      json.member("pending", .int(t.pending))
      json.member("not_customers", .int(t.notCustomers))
      json.key("buckets")
      json.array(t.rows) { json, row in
        json.object { json in
          json.member("from_day", .int(row.bucket.days.first))
          json.member("to_day", .int(row.bucket.days.last))
          json.member("asks", .int(row.asks))
          json.member("referred", .int(row.referred))
          json.member("rate", .number(row.rate.value))
          json.member("too_few", .bool(row.rate.tooFew))
        }
      }
      json.member("median_days_to_first_referral", .number(t.medianDaysToFirstReferral))
      json.member("referring_customers", .int(t.referringCustomers))
      json.key("finding")
      if let f = t.finding {
        json.object { json in
          json.member("early_from_day", .int(f.early.bucket.days.first))
          json.member("early_rate", .number(f.early.rate.value))
          json.member("later_from_day", .int(f.later.bucket.days.first))
          json.member("later_rate", .number(f.later.rate.value))
        }
      } else {
        json.null()
      }
    }
  }

  /// The watched top referrers, cooling or not.
  static func referrerWatch(_ w: ReferrerWatch, into json: inout JSONWriter) {
    json.object { json in
      json.member("top_share", .number(w.topShare))
      json.member("earning_referrers", .int(w.earningReferrers))
      json.member("from", .day(w.trailingYear.from))
      json.member("to", .day(w.trailingYear.to))
      json.key("referrers")
      json.array(w.referrers) { json, r in
        json.object { json in
          json.member("referrer_id", .string(r.id))
          json.member("name", .string(r.name))
          json.member("owner", .string(r.owner))
          json.member("revenue", .money(r.revenue))
          json.member("referrals_last_90_days", .int(r.last90))
          json.member("referrals_previous_90_days", .int(r.previous90))
          json.member("last_referral", .day(r.lastReferral))
          json.member("days_since_last_referral", .int(r.daysSinceLastReferral))
          json.member("usual_gap_days", .number(r.usualGapDays))
          json.member("last_thanked", .day(r.lastThanked))
          json.member("last_paid", .day(r.lastPaid))
          json.member("cooling", .bool(r.isCooling))
          json.key("cooling_reasons")
          json.array(r.cooling) { json, reason in json.string(reason.rawValue) }
        }
      }
    }
  }

  /// Happiness against referrals; null without a feedback export.
  static func feedbackEffect(_ effect: FeedbackEffect?, into json: inout JSONWriter) {
    guard let e = effect else { return json.null() }
    json.object { json in
      json.member("cohort_end", .day(e.cohortEnd))
      json.key("groups")
      json.array(e.rows) { json, row in
        json.object { json in
          json.member("group", .string(row.group.key))
          json.member("customers", .int(row.customers))
          json.member("referred", .int(row.referred))
          json.member("rate", .number(row.rate.value))
          json.member("too_few", .bool(row.rate.tooFew))
          json.member("referral_revenue", .money(row.revenue))
        }
      }
    }
  }
}
