import ReferralAttribution
import ReferralCore

/// The keys of `summary.json` that compare like with like and look ahead: `cohorts`,
/// `forecast`, `rep_scorecards` and `advocates`.
extension JSONRenderer {
  static func insights(_ result: AttributionResult, into json: inout JSONWriter) {
    let p = result.programme
    json.section("cohorts", result, needing: .dates) { json in
      if p.cohorts.known { cohorts(p.cohorts, into: &json) } else { json.null() }
    }
    json.section("forecast", result, needing: .dates) { forecast(p.forecast, into: &$0) }
    json.key("rep_scorecards")
    scorecards(p.scorecards, into: &json)
    json.section("advocates", result, needing: .leads) { advocates(p.advocates, into: &$0) }
  }

  /// The keys of ``Cohorts/ages``, in their order.
  static let ageKeys: [StaticString] = ["30_days", "60_days", "90_days", "180_days"]

  static func cohorts(_ c: Cohorts, into json: inout JSONWriter) {
    func group(_ g: Cohorts.Group, into json: inout JSONWriter) {
      json.object { json in
        json.member("leads", .int(g.leads))
        json.key("won_within")
        json.object { json in
          for index in Cohorts.ages.indices {
            json.key(ageKeys[index])
            json.object { json in
              json.member("won", .int(g.wonWithin[index]))
              json.member("rate", .number(g.wonWithinRate[index]?.value))
              json.member("too_few", .bool(g.wonWithinRate[index]?.tooFew))
            }
          }
        }
        json.member("revenue", .money(g.revenue))
        json.member("revenue_per_lead", .money(g.revenuePerLead))
        json.member("median_days_to_first_win", .number(g.medianDaysToFirstWin))
      }
    }
    json.object { json in
      json.member("as_of", .day(c.asOf))
      json.key("months")
      json.array(c.cohorts) { json, cohort in
        json.object { json in
          json.member("month", .string(cohort.month.description))
          json.key("referral")
          group(cohort.referral, into: &json)
          json.key("other")
          group(cohort.other, into: &json)
        }
      }
    }
  }

  static func forecast(_ f: Forecast, into json: inout JSONWriter) {
    json.object { json in
      json.member("trailing_from", .day(f.trailingYear.from))
      json.member("trailing_to", .day(f.trailingYear.to))
      json.member("fiscal_year_end", .day(f.fiscalYear.to))
      json.member("days_left", .int(f.daysLeft))
      json.member("referral_win_rate", .number(f.referralWinRate))
      json.member("open_referral_value", .money(f.openReferralValue))
      json.member("expected_referral_revenue", .money(f.expectedReferralRevenue))
      json.key("referral_leads")
      if let leads = f.referralLeads {
        json.object { json in
          json.member("year_to_date", .int(leads.actual))
          json.member("trailing_12_months", .int(leads.trailingYear))
          json.member("projected", .int(leads.projected))
          json.member("target", .int(leads.target))
          json.member("on_track", .bool(leads.shortfall.map { $0 <= 0 }))
          json.member("shortfall", .int(leads.shortfall.map { max(0, $0) }))
        }
      } else {
        json.null()
      }
      json.key("referral_revenue")
      if let revenue = f.referralRevenue {
        json.object { json in
          json.member("year_to_date", .money(revenue.actual))
          json.member("trailing_12_months", .money(revenue.trailingYear))
          json.member("projected", .money(revenue.projected))
          json.member("target", .money(revenue.target))
          json.member("on_track", .bool(revenue.shortfall.map { $0 <= .zero }))
          json.member("shortfall", .money(revenue.shortfall.map { $0 > .zero ? $0 : .zero }))
        }
      } else {
        json.null()
      }
    }
  }

  static func scorecards(_ s: RepScorecards, into json: inout JSONWriter) {
    json.array(s.reps) { json, rep in
      json.object { json in
        json.member("owner", .string(rep.owner))
        json.member("leads", .int(rep.knownLeads))
        json.member("referral_leads", .int(rep.knownReferralLeads))
        json.member("referred_won", .int(rep.referredWon))
        json.member("other_won", .int(rep.otherWon))
        rate("referred_win_rate", rep.referredWinRate, base: "referred_win_rate_base", into: &json)
        rate("other_win_rate", rep.otherWinRate, base: "other_win_rate_base", into: &json)
        rate("referral_share_of_wins", rep.referralShareOfWins, base: "referral_share_of_wins_base", into: &json)
        json.member("referral_share_of_revenue", .number(rep.referralShareOfRevenue))
        json.member("year_to_date_revenue", .money(rep.yearToDateRevenue))
        json.member("plan", .money(rep.plan))
        json.member("attainment", .number(rep.attainment))
      }
    }
  }

  static func advocates(_ a: Advocates, into json: inout JSONWriter) {
    json.object { json in
      json.member("referred_customers", .int(a.referredCustomers))
      json.member("referring_customers", .int(a.referringCustomers))
      rate("referrals_from_referrals_rate", a.referralsFromReferralsRate, base: "referrals_from_referrals_rate_base", into: &json)
      json.member("referrals", .int(a.referrals))
      json.member("active_referrers", .int(a.activeReferrers))
      json.member("referrals_per_active_referrer", .number(a.referralsPerActiveReferrer))
      json.member("earning_referrers", .int(a.earningReferrers))
      json.member("half_of_revenue_referrers", .int(a.halfOfRevenueReferrers))
    }
  }
}
