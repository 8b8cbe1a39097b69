import ReferralAttribution
import ReferralCore

/// The keys of `summary.json` that credit referrals and price them (issue #38).
extension JSONRenderer {
  static func credit(_ result: AttributionResult, into json: inout JSONWriter) {
    json.section("fee_headroom", result, needing: .dates) { feeHeadroom(result.programme.credit.feeHeadroom, into: &$0) }
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
