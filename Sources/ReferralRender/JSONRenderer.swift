import ReferralAttribution
import ReferralCore

/// Renders `summary.json`: every figure in the stable schema of the README (schema_version 1).
/// Rates are unrounded fractions; money has at most two decimals; unknown figures are null.
package enum JSONRenderer {
  package static let schemaVersion = 1

  /// The whole summary, pretty-printed, keys in the documented order, as the file's UTF-8 bytes.
  package static func bytes(_ result: AttributionResult) -> [UInt8] {
    var json = JSONWriter()
    json.object { json in summary(result, into: &json) }
    return json.finished()
  }

  /// The bytes of ``bytes(_:)``, handed to `drain` a few MB at a time while they are written
  /// (see ``JSONWriter/init(every:drainingInto:)``).
  package static func write(_ result: AttributionResult, into drain: @escaping (_ bytes: [UInt8], _ count: Int) -> Void) {
    var json = JSONWriter(drainingInto: drain)
    json.object { json in summary(result, into: &json) }
    json.drainRest()
  }

  static func summary(_ result: AttributionResult, into json: inout JSONWriter) {
    json.member("schema_version", .int(schemaVersion))
    status(result.quality, into: &json)
    notices(result.notices, into: &json)
    // Without dates, the period is all the data and what follows time is null.
    let timeline = result.timeline
    json.member("undated", .bool(timeline == nil))
    json.key("period")
    json.object { json in
      json.member("from", .day(timeline?.period.from))
      json.member("to", .day(timeline?.period.to))
    }
    json.key("coverage")
    coverage(result.coverage, into: &json)
    json.member("currency", .string(result.currency))
    json.member("attribution", .string(result.model.rawValue))
    json.key("channels")
    json.array(result.current.channels) { json, figures in
      json.object { json in
        json.member("channel", .string(figures.channel))
        json.member("referral", .bool(figures.referral))
        members(of: figures, into: &json)
      }
    }
    json.key("totals")
    totals(result.current.totals, into: &json)
    json.key("referral_channels")
    totals(result.current.referral, into: &json)
    json.key("referral_share")
    share(result.current.referralShare, target: result.targetShare, into: &json)
    json.key("open_pipeline")
    if timeline != nil { openPipeline(result.openPipeline, into: &json) } else { json.null() }
    json.key("previous_period")
    if let timeline {
      json.object { json in
        json.member("from", .day(timeline.previous.from))
        json.member("to", .day(timeline.previous.to))
        json.key("referral_share")
        share(result.previous.referralShare, target: result.targetShare, into: &json)
        json.key("totals")
        totals(result.previous.totals, into: &json)
        json.key("referral_channels")
        totals(result.previous.referral, into: &json)
      }
    } else {
      json.null()
    }
    json.key("trailing_year")
    if let year = result.firstScreen.trailingYear {
      json.object { json in
        json.member("from", .day(year.from))
        json.member("to", .day(year.to))
        json.key("referral_share")
        json.object { json in
          for (key, share) in zip(["leads", "wins", "revenue"] as [StaticString], result.firstScreen.shares) { json.member(key, .number(share.trailingYear)) }
        }
      }
    } else {
      json.null()
    }
    programme(result, into: &json)
    insights(result, into: &json)
    attributionModels(result, into: &json)
    credit(result, into: &json)
    json.key("actions")
    json.array(result.actions) { json, action in self.action(action, into: &json) }
    json.key("top_actions")
    json.array(result.firstScreen.topActions) { json, action in json.string(action.kind) }
    json.key("inputs")
    json.array(result.quality.inputs) { json, account in input(account, into: &json) }
    json.key("data_quality")
    quality(result.quality, into: &json)
  }

  /// How much of the period the data covers (see ``Coverage``); `null` without dates.
  static func coverage(_ coverage: Coverage?, into json: inout JSONWriter) {
    guard let coverage else { return json.null() }
    json.object { json in
      json.member("data_from", .day(coverage.dataFrom))
      json.member("data_to", .day(coverage.dataTo))
      json.member("period_days", .int(coverage.periodDays))
      json.member("days_covered", .int(coverage.daysCovered))
      json.member("partial", .bool(coverage.partial))
      json.member("last_complete_month", .string(coverage.lastCompleteMonth?.description))
      json.member("late_rows", .int(coverage.lateRows))
    }
  }

  static func period(_ period: Period, into json: inout JSONWriter) {
    json.object { json in
      json.member("from", .day(period.from))
      json.member("to", .day(period.to))
    }
  }

  static func openPipeline(_ open: OpenPipeline, into json: inout JSONWriter) {
    func members(_ row: OpenPipeline.Row, into json: inout JSONWriter) {
      json.member("deals", .int(row.deals))
      json.member("value", .money(row.value))
      json.member("median_age_days", .number(row.medianAgeDays))
    }
    json.object { json in
      json.member("as_of", .day(open.asOf))
      json.key("channels")
      json.array(open.channels) { json, row in
        json.object { json in
          json.member("channel", .string(row.channel))
          json.member("referral", .bool(row.referral))
          members(row, into: &json)
        }
      }
      json.key("totals")
      json.object { json in members(open.totals, into: &json) }
      json.key("referral_channels")
      json.object { json in members(open.referral, into: &json) }
    }
  }

  static func totals(_ figures: ChannelFigures, into json: inout JSONWriter) {
    json.object { json in members(of: figures, into: &json) }
  }

  static func members(of c: ChannelFigures, into json: inout JSONWriter) {
    json.member("leads", .int(c.knownLeads))
    json.member("converted_leads", .int(c.knownConvertedLeads))
    json.member("won", .int(c.knownWon))
    json.member("lost", .int(c.knownLost))
    rate("lead_share", c.leadShare, base: "lead_share_base", into: &json)
    rate("win_share", c.winShare, base: "win_share_base", into: &json)
    json.member("revenue_share", .number(c.revenueShare))
    json.key("revenue_share_base")
    base(c.revenueShareBase, into: &json)
    rate("win_rate", c.winRate, base: "win_rate_base", into: &json)
    rate("lead_conversion", c.leadConversion, base: "lead_conversion_base", into: &json)
    json.member("revenue", .money(c.revenue))
    json.member("won_without_amount", .int(c.knownWon.map { _ in c.wonWithoutAmount }))
    json.member("average_deal", .money(c.averageDeal))
    json.member("sales_cycle_days", .number(c.salesCycleDays))
    json.member("spend", .money(c.spend))
    json.member("cost_per_lead", .money(c.costPerLead))
    json.member("cost_per_win", .money(c.costPerWin))
    json.member("roi", .number(c.roi))
  }

  /// A rate (a number, or `null` when unknown) and, beside it under `base`, the counts it
  /// comes from and whether they are too few to judge: `{"count": 14, "of": 20, "too_few":
  /// false}`; `null` when the data cannot give the rate at all (no leads export, won deals
  /// only), as the counts are then unknown too.
  static func rate(_ key: StaticString, _ rate: Rate, base name: StaticString, into json: inout JSONWriter) {
    json.member(key, .number(rate.value))
    json.key(name)
    base(rate, into: &json)
  }

  /// The counts of ``rate(_:_:base:into:)``: `null` for no rate, or one the data cannot give.
  static func base(_ rate: Rate?, into json: inout JSONWriter) {
    guard let rate, rate.missing == nil else { return json.null() }
    json.object { json in
      json.member("count", .int(rate.count))
      json.member("of", .int(rate.base))
      json.member("too_few", .bool(rate.tooFew))
    }
  }

  static func share(_ share: ReferralShare, target: Double, into json: inout JSONWriter) {
    json.object { json in
      rate("leads", share.leads, base: "leads_base", into: &json)
      rate("wins", share.wins, base: "wins_base", into: &json)
      json.member("revenue", .number(share.revenue))
      json.key("revenue_base")
      base(share.revenueBase, into: &json)
      json.member("target", .number(target))
      json.member("meets_target", .bool(share.meets(target: target)))
    }
  }

  /// One action: its kind and count, the amount of fees outstanding, the names it is about.
  static func action(_ action: Action, into json: inout JSONWriter) {
    json.object { json in
      json.member("kind", .string(action.kind))
      json.member("count", .int(action.count))
      switch action {
      case .payFees(_, let outstanding): json.member("amount", .money(outstanding))
      case .coachReps(let owners, _):
        json.key("values")
        json.array(owners) { json, owner in json.string(owner) }
      case .mapSources(let values):
        json.key("values")
        json.array(values) { json, value in json.string(value) }
      case .thankReferrers, .closeTheLoop, .askCustomers, .askForFeedback, .fixFirst, .askLostProspects, .callCoolingReferrers, .matchPayouts, .fixRejects,
        .giveDealsAChannel:
        break
      }
    }
  }

  /// `status`: "ok", or "rejects_over_threshold" when an input's rejected share passed the limit
  /// (the run exits 2), with the limit and the inputs over it: a report is never read as one
  /// that passed when it did not.
  static func status(_ q: DataQuality, into json: inout JSONWriter) {
    json.member("status", .string(q.passed ? "ok" : "rejects_over_threshold"))
    json.member("max_reject_rate", .number(q.maxRejectRate))
    json.key("over_threshold")
    json.array(q.overThreshold) { json, input in
      json.object { json in
        json.member("file", .string(input.file))
        json.member("reject_rate", .number(input.rejectRate))
      }
    }
  }

  /// `notices`: what the exports' shape says before any figure is read (see
  /// ``ReferralCore/Notice``), each with its kind, file, message and fix (`null`: none).
  static func notices(_ notices: [Notice], into json: inout JSONWriter) {
    json.key("notices")
    json.array(notices) { json, notice in
      json.object { json in
        json.member("kind", .string(notice.kind.rawValue))
        json.member("file", .string(notice.file))
        json.member("message", .string(notice.message))
        json.member("fix", .string(notice.fix))
      }
    }
  }

  static func input(_ account: InputAccount, into json: inout JSONWriter) {
    json.object { json in
      json.member("role", .string(account.role.rawValue))
      json.member("file", .string(account.file))
      json.member("rows", .int(account.rows))
      json.member("accepted", .int(account.accepted))
      json.member("rejected", .int(account.rejected))
      json.member("skipped", .int(account.skipped))
      json.member("reject_rate", .number(account.rejectRate))
      json.key("ignored_columns")
      json.array(account.ignoredColumns) { json, column in json.string(column) }
    }
  }

  static func quality(_ q: DataQuality, into json: inout JSONWriter) {
    json.object { json in
      json.key("reject_reasons")
      json.array(q.rejectReasons) { json, reason in
        json.object { json in
          json.member("file", .string(reason.file))
          json.member("reason", .string(reason.reason))
          json.member("count", .int(reason.count))
          json.member("fix", .string(reason.fix))
        }
      }
      json.key("unmapped_sources")
      json.array(q.unmappedSources) { json, source in
        json.object { json in
          json.member("value", .string(source.value))
          json.member("channel", .string(source.channel))
        }
      }
      json.key("outliers")
      json.array(q.outliers) { json, outlier in
        json.object { json in
          json.member("deal_id", .string(outlier.dealID))
          json.member("channel", .string(outlier.channel))
          json.member("closed_at", .day(outlier.closed))
          json.member("amount", .money(outlier.amount))
          json.member("share_of_revenue", .number(outlier.shareOfRevenue))
          json.member("times_median", .number(outlier.timesMedian))
        }
      }
      json.key("source_values")
      json.array(q.sourceValues) { json, channel in
        json.object { json in
          json.member("channel", .string(channel.channel))
          json.key("values")
          json.array(channel.values) { json, value in json.string(value) }
        }
      }
      json.member("unmatched_deals", .int(q.unmatchedDeals))
      json.member("won_without_amount", .int(q.wonWithoutAmount))
      json.key("won_without_amount_examples")
      json.array(q.wonWithoutAmountExamples) { json, deal in
        json.object { json in
          json.member("file", .string(deal.file))
          json.member("line", .int(deal.line))
          json.member("deal_id", .string(deal.dealID))
        }
      }
      json.member("warnings", .int(q.warnings.count))
      json.key("limits")
      json.array(q.limits) { json, limit in json.string(limit) }
    }
  }
}

extension JSONWriter {
  /// A section's key and its value, or `null` when `result` says the section cannot be computed
  /// (the report's section then says why).
  mutating func section(_ name: StaticString, _ result: AttributionResult, needing needs: AttributionResult.Needs, _ body: (inout JSONWriter) -> Void) {
    key(name)
    if result.unknown(needing: needs) == nil { body(&self) } else { null() }
  }
}
