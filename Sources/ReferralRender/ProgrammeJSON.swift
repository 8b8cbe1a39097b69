import ReferralAttribution
import ReferralCore

/// The referral-programme keys of `summary.json`.
extension JSONRenderer {
  static func programme(_ p: Programme, into json: inout JSONWriter) {
    json.key("referral_fees")
    fees(p.fees, into: &json)
    json.key("referrals_per_rep")
    reps(p.reps, into: &json)
    json.key("top_referrers")
    referrers(p.referrers, into: &json)
    json.key("referral_chains")
    chains(p.chains, into: &json)
    json.key("thank_yous")
    thankYous(p.thankYous, into: &json)
    json.key("targets")
    targets(p.targets, into: &json)
    json.key("trend")
    json.array(p.trend.points) { json, point in trendPoint(point, into: &json) }
  }

  static func fees(_ f: FeeLedger, into json: inout JSONWriter) {
    json.object { json in
      json.key("owed")
      json.money(f.hasRules ? f.owed : nil)
      json.key("fees_paid")
      json.money(f.hasPayouts ? f.feesPaid : nil)
      json.key("gifts_paid")
      json.money(f.hasPayouts ? f.giftsPaid : nil)
      json.key("outstanding")
      json.money(f.hasRules && f.hasPayouts ? f.outstanding : nil)
      json.key("referred_revenue")
      json.money(f.referredRevenue)
      json.key("programme_cost")
      json.money(f.programmeCost)
      json.key("roi_on_revenue")
      json.number(f.roiOnRevenue)
      json.key("roi_on_margin")
      json.number(f.roiOnMargin)
      json.key("unpaid")
      json.array(f.hasRules && f.hasPayouts ? f.unpaid : []) { json, fee in
        json.object { json in
          json.key("deal_id")
          json.string(fee.dealID)
          json.key("channel")
          json.string(fee.channel)
          json.key("referrer_id")
          json.string(fee.referrer)
          json.key("closed_at")
          json.day(fee.closed)
          json.key("owed")
          json.money(fee.owed)
          json.key("paid")
          json.money(fee.paid)
          json.key("outstanding")
          json.money(fee.outstanding)
        }
      }
      json.key("unmatched_payouts")
      json.array(f.unmatched) { json, payout in
        json.object { json in
          json.key("payout_id")
          json.string(payout.payoutID)
          json.key("paid_at")
          json.day(payout.paid)
          json.key("kind")
          json.string(payout.kind.rawValue)
          json.key("deal_id")
          json.string(payout.dealID)
          json.key("referrer_id")
          json.string(payout.referrer)
          json.key("amount")
          json.money(payout.amount)
        }
      }
    }
  }

  static func reps(_ r: RepReferrals, into json: inout JSONWriter) {
    json.object { json in
      json.key("target_per_month")
      json.int(r.target)
      json.key("months")
      json.array(r.months) { json, month in json.string(month.description) }
      json.key("reps")
      json.array(r.reps) { json, rep in
        json.object { json in
          json.key("owner")
          json.string(rep.owner)
          json.key("referral_leads")
          json.array(rep.perMonth) { json, count in json.int(count) }
          json.key("below_target")
          json.bool(rep.perMonth.contains { $0 < r.target })
        }
      }
    }
  }

  static func referrers(_ t: TopReferrers, into json: inout JSONWriter) {
    json.object { json in
      json.key("top_20_percent_count")
      json.int(t.topCount)
      json.key("top_20_percent_share")
      json.number(t.topShare)
      json.key("referrers_total")
      json.int(t.ranked.count)
      json.key("ranked")
      json.array(t.ranked.prefix(ReportBuilder.topLimit)) { json, referrer in
        json.object { json in
          json.key("referrer_id")
          json.string(referrer.id)
          json.key("name")
          json.string(referrer.name)
          json.key("leads")
          json.int(referrer.leads)
          json.key("won")
          json.int(referrer.won)
          json.key("revenue")
          json.money(referrer.revenue)
          json.key("share")
          json.number(t.share(of: referrer))
        }
      }
    }
  }

  static func chains(_ c: ReferralChains, into json: inout JSONWriter) {
    json.object { json in
      json.key("generations")
      json.array(c.generations) { json, generation in
        json.object { json in
          json.key("generation")
          json.int(generation.generation)
          json.key("leads")
          json.int(generation.leads)
          json.key("revenue")
          json.money(generation.revenue)
        }
      }
      json.key("longest")
      json.array(c.longest) { json, chain in json.string(chain) }
    }
  }

  static func thankYous(_ t: ThankYous, into json: inout JSONWriter) {
    guard t.known else { return json.null() }
    json.object { json in
      json.key("window_days")
      json.int(t.windowDays)
      json.key("due")
      json.int(t.due)
      json.key("on_time")
      json.int(t.onTime)
      json.key("on_time_rate")
      json.number(t.onTimeRate)
      json.key("missed")
      json.array(t.missed) { json, missed in
        json.object { json in
          json.key("lead_id")
          json.string(missed.leadID)
          json.key("company")
          json.string(missed.company)
          json.key("referrer")
          json.string(missed.referrer)
          json.key("owner")
          json.string(missed.owner)
          json.key("created_at")
          json.day(missed.created)
          json.key("thanked_at")
          json.day(missed.thanked)
        }
      }
    }
  }

  static func targets(_ t: TargetProgress, into json: inout JSONWriter) {
    json.object { json in
      json.key("fiscal_year")
      period(t.fiscalYear, into: &json)
      json.key("year_to_date")
      period(t.yearToDate, into: &json)
      json.key("referral_leads")
      json.object { json in
        json.key("actual")
        json.int(t.referralLeads.actual)
        json.key("projected")
        json.int(t.referralLeads.projected)
        json.key("target")
        json.int(t.referralLeads.target)
      }
      json.key("referral_revenue")
      if let revenue = t.referralRevenue {
        json.object { json in
          json.key("actual")
          json.money(revenue.actual)
          json.key("projected")
          json.money(revenue.projected)
          json.key("target")
          json.money(revenue.target)
        }
      } else {
        json.null()
      }
      json.key("referral_share_of_leads")
      json.object { json in
        json.key("actual")
        json.number(t.referralShareOfLeads)
        json.key("target")
        json.number(t.targetShare)
      }
    }
  }

  static func trendPoint(_ p: Trend.Point, into json: inout JSONWriter) {
    json.object { json in
      json.key("month")
      json.string(p.month.description)
      json.key("referral_share")
      json.object { json in
        json.key("leads")
        json.number(p.share.leads)
        json.key("wins")
        json.number(p.share.wins)
        json.key("revenue")
        json.number(p.share.revenue)
      }
      json.key("win_rate")
      json.object { json in
        json.key("referral")
        json.number(p.referralWinRate)
        json.key("other")
        json.number(p.otherWinRate)
      }
      json.key("lead_conversion")
      json.object { json in
        json.key("referral")
        json.number(p.referralConversion)
        json.key("other")
        json.number(p.otherConversion)
      }
    }
  }
}
