import ReferralAttribution
import ReferralCore

extension JSONRenderer {
  /// `attribution_models`: per model name, every credited channel's won deals (fractions, not
  /// rounded to whole deals) and revenue, and the referral share of both; a model that was not
  /// computed is `null`, and the whole key is `null` without a touches export (never zeros).
  static func attributionModels(_ result: AttributionResult, into json: inout JSONWriter) {
    json.section("attribution_models", result, needing: [.dates, .touches]) { json in
      guard let section = result.multiTouch else { return json.null() }
      json.object { json in
        for figures in section.models {
          json.key(key(figures.model))
          guard let credits = figures.credits else {
            json.null()
            continue
          }
          json.object { json in
            json.key("channels")
            json.array(credits) { json, credit in
              json.object { json in
                json.member("channel", .string(credit.channel))
                json.member("wins", .number(credit.wins))
                json.member("revenue", .money(credit.revenue))
              }
            }
            json.key("referral_share")
            json.object { json in
              json.member("wins", .number(figures.referralWinShare))
              json.member("revenue", .number(figures.referralRevenueShare))
            }
          }
        }
      }
    }
  }

  /// The model's key: its raw value, as a static string the writer takes.
  private static func key(_ model: MultiTouchModel) -> StaticString {
    switch model {
    case .firstTouch: "first_touch"
    case .lastTouch: "last_touch"
    case .linear: "linear"
    case .uShaped: "u_shaped"
    case .wShaped: "w_shaped"
    case .timeDecay: "time_decay"
    case .markov: "markov"
    case .shapley: "shapley"
    }
  }
}
