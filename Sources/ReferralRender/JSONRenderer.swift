import ReferralAttribution
import ReferralCore

/// Renders `summary.json`: every figure in the stable schema of the README (schema_version 1).
/// Rates are unrounded fractions; money has at most two decimals; unknown figures are null.
public enum JSONRenderer {
  public static let schemaVersion = 1

  /// The whole summary, pretty-printed, keys in the documented order.
  public static func render(_ result: AttributionResult) -> String {
    summary(result).serialized()
  }

  static func summary(_ result: AttributionResult) -> JSONValue {
    .object([
      ("schema_version", .int(schemaVersion)),
      ("period", period(result.current.period)),
      ("currency", .string(result.currency)),
      ("attribution", .string(result.model.rawValue)),
      ("channels", .array(result.current.channels.map(channel))),
      ("totals", totals(result.current.totals)),
      ("referral_channels", totals(result.current.referral)),
      ("referral_share", share(result.current.referralShare, target: result.targetShare)),
      (
        "previous_period",
        .object([
          ("from", .string(result.previous.period.from.description)),
          ("to", .string(result.previous.period.to.description)),
          ("referral_share", share(result.previous.referralShare, target: result.targetShare)),
          ("totals", totals(result.previous.totals)),
          ("referral_channels", totals(result.previous.referral)),
        ])
      ),
    ] + programme(result.programme) + [
      ("inputs", .array(result.quality.inputs.map(input))),
      ("data_quality", quality(result.quality)),
    ])
  }

  static func period(_ period: Period) -> JSONValue {
    .object([("from", .string(period.from.description)), ("to", .string(period.to.description))])
  }

  static func channel(_ c: ChannelFigures) -> JSONValue {
    .object([("channel", .string(c.channel)), ("referral", .bool(c.referral))] + figures(c))
  }

  static func totals(_ c: ChannelFigures) -> JSONValue { .object(figures(c)) }

  static func figures(_ c: ChannelFigures) -> [(String, JSONValue)] {
    [
      ("leads", .int(c.leads)),
      ("converted_leads", .int(c.convertedLeads)),
      ("won", .int(c.won)),
      ("lost", .int(c.lost)),
      ("win_rate", .optional(c.winRate)),
      ("lead_conversion", .optional(c.leadConversion)),
      ("revenue", .optional(c.revenue)),
      ("average_deal", .optional(c.averageDeal)),
      ("sales_cycle_days", .optional(c.salesCycleDays)),
      ("spend", .optional(c.spend)),
      ("cost_per_lead", .optional(c.costPerLead)),
      ("cost_per_win", .optional(c.costPerWin)),
      ("roi", .optional(c.roi)),
    ]
  }

  static func share(_ share: ReferralShare, target: Double) -> JSONValue {
    .object([
      ("leads", .optional(share.leads)), ("wins", .optional(share.wins)),
      ("revenue", .optional(share.revenue)), ("target", .number(target)),
    ])
  }

  static func input(_ account: InputAccount) -> JSONValue {
    .object([
      ("role", .string(account.role.rawValue)), ("file", .string(account.file)), ("rows", .int(account.rows)),
      ("accepted", .int(account.accepted)), ("rejected", .int(account.rejected)), ("skipped", .int(account.skipped)),
      ("reject_rate", .number(account.rejectRate)),
      ("ignored_columns", .array(account.ignoredColumns.map(JSONValue.string))),
    ])
  }

  static func quality(_ q: DataQuality) -> JSONValue {
    .object([
      (
        "reject_reasons",
        .array(q.rejectReasons.map { .object([("file", .string($0.file)), ("reason", .string($0.reason)), ("count", .int($0.count))]) })
      ),
      ("unmapped_sources", .array(q.unmappedSources.map { .object([("value", .string($0.value)), ("channel", .string($0.channel))]) })),
      ("unmatched_deals", .int(q.unmatchedDeals)),
      ("warnings", .int(q.warnings.count)),
    ])
  }
}
