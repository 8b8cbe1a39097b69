import ReferralAttribution
import ReferralCore

/// Renders `summary.json`: every figure in the stable schema of the README (schema_version 1).
/// Rates are unrounded fractions; money has at most two decimals; unknown figures are null.
public enum JSONRenderer {
  public static let schemaVersion = 1

  /// The whole summary, pretty-printed, keys in the documented order.
  public static func render(_ result: AttributionResult) -> String { String(decoding: bytes(result), as: UTF8.self) }

  /// The summary as the UTF-8 bytes of the file (a large one is not turned into a `String`
  /// only to be turned back into bytes).
  public static func bytes(_ result: AttributionResult) -> [UInt8] {
    var json = JSONWriter(capacity: (1 << 16) + 320 * (result.programme.fees.unpaid.count + result.programme.thankYous.missed.count))
    json.object { json in summary(result, into: &json) }
    return json.finished()
  }

  static func summary(_ result: AttributionResult, into json: inout JSONWriter) {
    json.key("schema_version")
    json.int(schemaVersion)
    json.key("period")
    period(result.current.period, into: &json)
    json.key("currency")
    json.string(result.currency)
    json.key("attribution")
    json.string(result.model.rawValue)
    json.key("channels")
    json.array(result.current.channels) { json, figures in
      json.object { json in
        json.key("channel")
        json.string(figures.channel)
        json.key("referral")
        json.bool(figures.referral)
        members(of: figures, into: &json)
      }
    }
    json.key("totals")
    totals(result.current.totals, into: &json)
    json.key("referral_channels")
    totals(result.current.referral, into: &json)
    json.key("referral_share")
    share(result.current.referralShare, target: result.targetShare, into: &json)
    json.key("previous_period")
    json.object { json in
      json.key("from")
      json.day(result.previous.period.from)
      json.key("to")
      json.day(result.previous.period.to)
      json.key("referral_share")
      share(result.previous.referralShare, target: result.targetShare, into: &json)
      json.key("totals")
      totals(result.previous.totals, into: &json)
      json.key("referral_channels")
      totals(result.previous.referral, into: &json)
    }
    programme(result.programme, into: &json)
    json.key("inputs")
    json.array(result.quality.inputs) { json, account in input(account, into: &json) }
    json.key("data_quality")
    quality(result.quality, into: &json)
  }

  static func period(_ period: Period, into json: inout JSONWriter) {
    json.object { json in
      json.key("from")
      json.day(period.from)
      json.key("to")
      json.day(period.to)
    }
  }

  static func totals(_ figures: ChannelFigures, into json: inout JSONWriter) {
    json.object { json in members(of: figures, into: &json) }
  }

  static func members(of c: ChannelFigures, into json: inout JSONWriter) {
    json.key("leads")
    json.int(c.leads)
    json.key("converted_leads")
    json.int(c.convertedLeads)
    json.key("won")
    json.int(c.won)
    json.key("lost")
    json.int(c.lost)
    json.key("win_rate")
    json.number(c.winRate)
    json.key("lead_conversion")
    json.number(c.leadConversion)
    json.key("revenue")
    json.money(c.revenue)
    json.key("average_deal")
    json.money(c.averageDeal)
    json.key("sales_cycle_days")
    json.number(c.salesCycleDays)
    json.key("spend")
    json.money(c.spend)
    json.key("cost_per_lead")
    json.money(c.costPerLead)
    json.key("cost_per_win")
    json.money(c.costPerWin)
    json.key("roi")
    json.number(c.roi)
  }

  static func share(_ share: ReferralShare, target: Double, into json: inout JSONWriter) {
    json.object { json in
      json.key("leads")
      json.number(share.leads)
      json.key("wins")
      json.number(share.wins)
      json.key("revenue")
      json.number(share.revenue)
      json.key("target")
      json.number(target)
    }
  }

  static func input(_ account: InputAccount, into json: inout JSONWriter) {
    json.object { json in
      json.key("role")
      json.string(account.role.rawValue)
      json.key("file")
      json.string(account.file)
      json.key("rows")
      json.int(account.rows)
      json.key("accepted")
      json.int(account.accepted)
      json.key("rejected")
      json.int(account.rejected)
      json.key("skipped")
      json.int(account.skipped)
      json.key("reject_rate")
      json.number(account.rejectRate)
      json.key("ignored_columns")
      json.array(account.ignoredColumns) { json, column in json.string(column) }
    }
  }

  static func quality(_ q: DataQuality, into json: inout JSONWriter) {
    json.object { json in
      json.key("reject_reasons")
      json.array(q.rejectReasons) { json, reason in
        json.object { json in
          json.key("file")
          json.string(reason.file)
          json.key("reason")
          json.string(reason.reason)
          json.key("count")
          json.int(reason.count)
        }
      }
      json.key("unmapped_sources")
      json.array(q.unmappedSources) { json, source in
        json.object { json in
          json.key("value")
          json.string(source.value)
          json.key("channel")
          json.string(source.channel)
        }
      }
      json.key("unmatched_deals")
      json.int(q.unmatchedDeals)
      json.key("warnings")
      json.int(q.warnings.count)
    }
  }
}
