import ReferralAttribution
import ReferralCore

/// The referral-programme keys of `summary.json`.
extension JSONRenderer {
  /// The programme's keys; a section attribution says cannot be computed (no leads export, no
  /// dates: ``AttributionResult/unknown(needing:)``, as the report says) is `null`, never a
  /// list of zeros; the trend is then an empty list.
  static func programme(_ result: AttributionResult, into json: inout JSONWriter) {
    let p = result.programme
    json.key("referral_fees")
    fees(p.fees, into: &json)
    json.section("referrals_per_rep", result, needing: [.leads, .dates]) { reps(p.reps, into: &$0) }
    json.section("top_referrers", result, needing: .leads) { referrers(p.referrers, into: &$0) }
    json.section("referral_chains", result, needing: .leads) { chains(p.chains, into: &$0) }
    json.section("thank_yous", result, needing: [.leads, .dates]) { thankYous(p.thankYous, into: &$0) }
    json.section("targets", result, needing: .dates) { targets(p.targets, into: &$0) }
    json.key("trend")
    json.array(result.unknown(needing: .dates) == nil ? p.trend.points : []) { json, point in trendPoint(point, into: &json) }
    json.key("asking")
    asking(p.asking, into: &json)
    json.section("ask_timing", result, needing: [.leads, .dates]) { askTiming(p.askTiming, into: &$0) }
    json.section("referrer_watch", result, needing: [.leads, .dates]) { referrerWatch(p.referrerWatch, into: &$0) }
    json.section("feedback_effect", result, needing: [.leads, .dates]) { feedbackEffect(p.feedbackEffect, into: &$0) }
    json.section("ask_list", result, needing: [.leads, .dates]) { $0.array(p.askList.customers, askCustomer) }
    json.section("lost_ask_list", result, needing: [.leads, .dates]) { $0.array(p.askList.lostProspects, lostProspect) }
    json.section("thank_you_effect", result, needing: [.leads, .dates]) { thankYouEffect(p.thankYouEffect, into: &$0) }
    json.section("close_the_loop", result, needing: .leads) { closingTheLoop(p.closingTheLoop, into: &$0) }
    json.section("referrer_types", result, needing: .leads) { json in
      json.array(p.referrerTypes.rows) { json, row in
        json.object { json in
          json.member("kind", .string(row.kind.rawValue))
          json.member("referrers", .int(row.referrers))
          json.member("leads", .int(row.leads))
          json.member("won", .int(row.won))
          json.member("revenue", .money(row.revenue))
        }
      }
    }
  }

  static func askCustomer(_ json: inout JSONWriter, _ c: AskList.Customer) {
    json.object { json in
      json.member("lead_id", .string(c.leadID))
      json.member("company", .string(c.company))
      json.member("name", .string(c.name))
      json.member("owner", .string(c.owner))
      json.member("first_win", .day(c.firstWin))
      json.member("revenue", .money(c.revenue))
      json.member("days_since_first_win", .int(c.daysSinceFirstWin))
      json.member("feedback", .string(c.feedback?.rawValue))
      json.member("next_step", .string(c.nextStep.rawValue))
      json.member("comment", .string(c.comment))
    }
  }

  static func lostProspect(_ json: inout JSONWriter, _ l: AskList.LostProspect) {
    json.object { json in
      json.member("lead_id", .string(l.leadID))
      json.member("company", .string(l.company))
      json.member("name", .string(l.name))
      json.member("owner", .string(l.owner))
      json.member("deal_id", .string(l.dealID))
      json.member("lost_at", .day(l.lost))
    }
  }

  /// The referred-again rates of referrers thanked in time and not; null without `thanked_at`.
  static func thankYouEffect(_ effect: ThankYouEffect?, into json: inout JSONWriter) {
    guard let e = effect else { return json.null() }
    func group(_ g: ThankYouEffect.Group, into json: inout JSONWriter) {
      json.object { json in
        json.member("referrers", .int(g.referrers))
        json.member("referred_again", .int(g.referredAgain))
        json.member("rate", .number(g.rate))
      }
    }
    json.object { json in
      json.member("cohort_end", .day(e.cohortEnd))
      json.member("window_days", .int(e.windowDays))
      json.key("thanked")
      group(e.thanked, into: &json)
      json.key("not_thanked")
      group(e.notThanked, into: &json)
      json.member("too_small", .bool(e.tooSmall))
    }
  }

  /// Asking for referrals; null without a referral requests export.
  static func asking(_ asking: Asking?, into json: inout JSONWriter) {
    guard let a = asking else { return json.null() }
    json.object { json in
      json.member("customers", .int(a.customers))
      json.member("customers_asked", .int(a.customersAsked))
      json.member("customers_asked_share", .number(a.customersAskedShare))
      json.member("target", .number(a.target))
      json.member("window_days", .int(a.windowDays))
      json.member("asks", .int(a.asks))
      json.member("asks_that_referred", .int(a.asksThatReferred))
      json.member("referral_rate", .number(a.referralRate))
      json.key("months")
      json.array(a.months) { json, month in json.string(month.description) }
      json.key("reps")
      json.array(a.reps) { json, rep in
        json.object { json in
          json.member("owner", .string(rep.owner))
          json.key("asks_per_month")
          json.array(rep.perMonth) { json, count in json.int(count) }
          json.member("asks", .int(rep.asks))
          json.member("referred", .int(rep.referred))
          json.member("referral_rate", .number(rep.referralRate))
        }
      }
    }
  }

  /// The won referrals waiting for a gift or fee; null without a payouts export.
  static func closingTheLoop(_ loop: ClosingTheLoop, into json: inout JSONWriter) {
    guard let open = loop.open else { return json.null() }
    json.array(open) { json, entry in
      json.object { json in
        json.member("deal_id", .string(entry.dealID))
        json.member("lead_id", .string(entry.leadID))
        json.member("referrer", .string(entry.referrer))
        json.member("amount", .money(entry.amount))
        json.member("won_at", .day(entry.won))
        json.member("days_since_win", .int(entry.daysSinceWin))
      }
    }
  }

  static func unpaidFee(_ json: inout JSONWriter, _ fee: FeeLedger.UnpaidFee) {
    json.object { json in
      json.member("deal_id", .string(fee.dealID))
      json.member("channel", .string(fee.channel))
      json.member("referrer_id", .string(fee.referrer))
      json.member("closed_at", .day(fee.closed))
      json.member("owed", .money(fee.owed))
      json.member("paid", .money(fee.paid))
      json.member("outstanding", .money(fee.outstanding))
    }
  }

  static func fees(_ f: FeeLedger, into json: inout JSONWriter) {
    json.object { json in
      json.member("owed", .money(f.owed))
      json.member("fees_paid", .money(f.feesPaid))
      json.member("gifts_paid", .money(f.giftsPaid))
      json.member("outstanding", .money(f.backlog))
      json.member("unknown_fee_deals", .int(f.unknownFees))
      json.member("referred_revenue", .money(f.referredRevenue))
      json.member("programme_cost", .money(f.programmeCost))
      json.member("roi_on_revenue", .number(f.roiOnRevenue))
      json.member("roi_on_margin", .number(f.roiOnMargin))
      json.member("outstanding_on_period_deals", .money(f.outstandingOnPeriodDeals))
      json.member("programme_cost_with_owed_fees", .money(f.programmeCostWithOwedFees))
      json.member("roi_on_revenue_with_owed_fees", .number(f.roiOnRevenueWithOwedFees))
      json.member("roi_on_margin_with_owed_fees", .number(f.roiOnMarginWithOwedFees))
      json.key("unpaid")
      // The unpaid fees listed: none unless both the rules and the payouts are known.
      json.array(f.unpaid ?? [], unpaidFee)
      json.key("unmatched_payouts")
      json.array(f.unmatched) { json, payout in
        json.object { json in
          json.member("payout_id", .string(payout.payoutID))
          json.member("paid_at", .day(payout.paid))
          json.member("kind", .string(payout.kind.rawValue))
          json.member("deal_id", .string(payout.dealID))
          json.member("referrer_id", .string(payout.referrer))
          json.member("amount", .money(payout.amount))
        }
      }
    }
  }

  static func reps(_ r: RepReferrals, into json: inout JSONWriter) {
    json.object { json in
      json.member("target_per_month", .int(r.target))
      json.key("months")
      json.array(r.months) { json, month in json.string(month.description) }
      json.key("reps")
      json.array(r.reps) { json, rep in
        json.object { json in
          json.member("owner", .string(rep.owner))
          json.key("referral_leads")
          json.array(rep.perMonth) { json, count in json.int(count) }
          json.member("below_target", .bool(rep.belowTarget))
        }
      }
    }
  }

  static func referrers(_ t: TopReferrers, into json: inout JSONWriter) {
    json.object { json in
      json.member("top_20_percent_count", .int(t.topCount))
      json.member("top_20_percent_share", .number(t.topShare))
      json.member("referrers_total", .int(t.ranked.count))
      json.key("ranked")
      json.array(t.ranked.prefix(ReportBuilder.topLimit)) { json, referrer in
        json.object { json in
          json.member("referrer_id", .string(referrer.id))
          json.member("name", .string(referrer.name))
          json.member("leads", .int(referrer.leads))
          json.member("won", .int(referrer.won))
          json.member("revenue", .money(referrer.revenue))
          json.member("share", .number(t.share(of: referrer)))
        }
      }
    }
  }

  static func chains(_ c: ReferralChains, into json: inout JSONWriter) {
    json.object { json in
      json.key("generations")
      json.array(c.generations) { json, generation in
        json.object { json in
          json.member("generation", .int(generation.generation))
          json.member("leads", .int(generation.leads))
          json.member("revenue", .money(generation.revenue))
        }
      }
      json.key("longest")
      json.array(c.longest) { json, chain in json.string(chain) }
    }
  }

  static func missedThankYou(_ json: inout JSONWriter, _ missed: ThankYous.Miss) {
    json.object { json in
      json.member("lead_id", .string(missed.leadID))
      json.member("company", .string(missed.company))
      json.member("name", .string(missed.name))
      json.member("referrer", .string(missed.referrer))
      json.member("owner", .string(missed.owner))
      json.member("created_at", .day(missed.created))
      json.member("thanked_at", .day(missed.thanked))
    }
  }

  static func thankYous(_ t: ThankYous, into json: inout JSONWriter) {
    guard t.known else { return json.null() }
    json.object { json in
      json.member("window_days", .int(t.windowDays))
      json.member("due", .int(t.due))
      json.member("on_time", .int(t.onTime))
      json.member("on_time_rate", .number(t.onTimeRate))
      json.key("missed")
      json.array(t.missed, missedThankYou)
    }
  }

  static func targets(_ t: TargetProgress, into json: inout JSONWriter) {
    json.object { json in
      json.key("fiscal_year")
      period(t.fiscalYear, into: &json)
      json.key("year_to_date")
      period(t.yearToDate, into: &json)
      json.key("referral_leads")
      if let leads = t.referralLeads {
        json.object { json in
          json.member("actual", .int(leads.actual))
          json.member("projected", .int(leads.projected))
          json.member("target", .int(leads.target))
        }
      } else {
        json.null()
      }
      json.key("referral_revenue")
      if let revenue = t.referralRevenue {
        json.object { json in
          json.member("actual", .money(revenue.actual))
          json.member("projected", .money(revenue.projected))
          json.member("target", .money(revenue.target))
        }
      } else {
        json.null()
      }
      json.key("referral_share_of_leads")
      json.object { json in
        json.member("actual", .number(t.referralShareOfLeads))
        json.member("target", .number(t.targetShare))
      }
    }
  }

  static func trendPoint(_ p: Trend.Point, into json: inout JSONWriter) {
    json.object { json in
      json.member("month", .string(p.month.description))
      json.key("referral_share")
      json.object { json in
        rate("leads", p.share.leads, base: "leads_base", into: &json)
        rate("wins", p.share.wins, base: "wins_base", into: &json)
        json.member("revenue", .number(p.share.revenue))
        json.key("revenue_base")
        base(p.share.revenueBase, into: &json)
      }
      json.key("win_rate")
      json.object { json in
        rate("referral", p.referralWinRate, base: "referral_base", into: &json)
        rate("other", p.otherWinRate, base: "other_base", into: &json)
      }
      json.key("lead_conversion")
      json.object { json in
        rate("referral", p.referralConversion, base: "referral_base", into: &json)
        rate("other", p.otherConversion, base: "other_base", into: &json)
      }
    }
  }
}
