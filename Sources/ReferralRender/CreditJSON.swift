import ReferralAttribution
import ReferralCore

/// The keys of `summary.json` that credit referrals and price them (issue #38).
extension JSONRenderer {
  static func credit(_ result: AttributionResult, into json: inout JSONWriter) {
    json.section("fee_headroom", result, needing: .dates) { feeHeadroom(result.programme.credit.feeHeadroom, into: &$0) }
    json.section("staff_credit", result, needing: .leads) { staffCredit(result.programme.credit.staff, into: &$0) }
    json.key("reciprocity")
    if result.unknown(needing: [.leads, .dates]) == nil, let r = result.programme.credit.reciprocity { reciprocity(r, into: &json) } else { json.null() }
    json.key("referral_eligibility")
    if result.unknown(needing: [.leads, .dates]) == nil, let e = result.programme.credit.eligibility { eligibility(e, into: &json) } else { json.null() }
  }

  static func staffCredit(_ s: StaffCredit, into json: inout JSONWriter) {
    guard s.unknown == nil else { return json.null() }
    func rows(_ rows: [StaffCredit.Row], into json: inout JSONWriter) {
      json.array(rows) { json, r in
        json.object { json in
          json.member("name", .string(r.name))
          json.member("role", .string(r.role))
          json.member("referral_leads", .int(r.leads))
          json.member("won", .int(r.won))
          json.member("revenue", .money(r.revenue))
          json.member("staff_share_owed", .money(r.owed))
        }
      }
    }
    json.object { json in
      json.member("referral_revenue", .money(s.referralRevenue))
      json.member("outside_sales_revenue", .money(s.outsideSalesRevenue))
      json.member("outside_sales_share", .number(s.outsideSalesShare))
      json.member("staff_share_owed", .money(s.owed))
      json.member("unknown_share_deals", .int(s.unknownShares))
      json.key("roles")
      rows(s.roles, into: &json)
      json.key("people")
      rows(s.people, into: &json)
    }
  }

  static func reciprocity(_ r: Reciprocity, into json: inout JSONWriter) {
    func partners(_ list: [Reciprocity.Partner], into json: inout JSONWriter) {
      json.array(list) { json, p in
        json.object { json in
          json.member("partner_id", .string(p.partnerID))
          json.member("name", .string(p.name))
          json.member("given", .int(p.given))
          json.member("received", .int(p.received))
          json.member("last_received", .day(p.lastReceived))
        }
      }
    }
    json.object { json in
      json.member("from", .day(r.window.from))
      json.member("to", .day(r.window.to))
      json.member("return_days", .int(Reciprocity.returnDays))
      json.member("reciprocity_rate", .number(r.reciprocityRate.value))
      json.key("reciprocity_rate_base")
      base(r.reciprocityRate, into: &json)
      json.key("partners")
      partners(r.partners, into: &json)
      json.key("return_the_favour")
      partners(r.owed, into: &json)
    }
  }

  static func eligibility(_ e: ReferralEligibility, into json: inout JSONWriter) {
    json.object { json in
      json.member("duplicate_days", .int(e.duplicateDays))
      json.member("pay_ineligible", .bool(e.payIneligible))
      json.member("compares_email_domains", .bool(e.comparesEmailDomains))
      json.member("referred_leads", .int(e.referrals))
      json.key("totals")
      json.object { json in
        json.member("eligible", .int(e.counts[.eligible] ?? 0))
        json.member("known_before", .int(e.counts[.knownBefore] ?? 0))
        json.member("self_referral", .int(e.counts[.selfReferral] ?? 0))
        json.member("duplicate", .int(e.counts[.duplicate] ?? 0))
      }
      json.member("ineligible_share", .number(e.ineligibleShare.value))
      json.key("ineligible_share_base")
      base(e.ineligibleShare, into: &json)
      json.member("fees_on_ineligible", .money(e.feesOnIneligible))
      json.key("referrers")
      json.array(e.referrers) { json, r in
        json.object { json in
          json.member("referrer", .string(r.referrer))
          json.member("referred_leads", .int(r.referrals))
          json.member("ineligible", .int(r.ineligible))
          json.member("share", .number(r.share.value))
        }
      }
      json.key("ineligible")
      json.array(e.ineligible) { json, i in
        json.object { json in
          json.member("lead_id", .string(i.leadID))
          json.member("company", .string(i.company))
          json.member("referrer", .string(i.referrer))
          json.member("created_at", .day(i.created))
          json.member("status", .string(i.status.rawValue))
          json.member("earlier", .string(i.earlier.rawValue))
          json.member("earlier_lead_id", .string(i.earlierLeadID))
          json.member("earlier_on", .day(i.earlierDay))
          json.member("match", .string(i.match.rawValue))
          json.member("email_domain", .string(i.emailDomain))
        }
      }
    }
  }

  static func feeHeadroom(_ h: FeeHeadroom, into json: inout JSONWriter) {
    json.object { json in
      json.member("from", .day(h.window.from))
      json.member("to", .day(h.window.to))
      json.key("channels")
      json.array(h.channels) { json, c in
        json.object { json in
          json.member("channel", .string(c.channel))
          json.member("spend", .money(c.spend))
          json.member("won", .int(c.won))
          json.member("cost_per_won_deal", .money(c.costPerWin))
          json.member("unknown_reason", .string(c.unknown))
        }
      }
      json.member("median_cost_per_won_deal", .money(h.medianCostPerWin))
      json.member("referred_wins", .int(h.referredWins))
      json.member("referral_other_spend", .money(h.referralOtherSpend))
      json.member("other_spend_per_won_deal", .money(h.otherSpendPerWin))
      json.member("break_even_fee", .money(h.breakEven))
      json.member("break_even_unknown_reason", .string(h.breakEvenUnknown))
      json.member("current_fee_per_won_deal", .money(h.currentFee))
      json.member("current_fee_unknown_reason", .string(h.currentFeeUnknown))
      json.member("unknown_fee_deals", .int(h.unknownFees))
      json.member("headroom", .money(h.headroom))
      json.member("headroom_share", .number(h.headroomShare))
      json.member("headroom_unknown_reason", .string(h.headroomUnknown))
    }
  }
}
