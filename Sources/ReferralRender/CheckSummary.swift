import ReferralAttribution
import ReferralCore

/// The plain-text data-quality summary `referral-report check` prints.
package enum CheckSummary {
  /// One line per input and per problem kind: what `check` prints.
  package static func render(_ result: AttributionResult) -> String {
    let q = result.quality
    var lines = ["period \(result.current.period.from) to \(result.current.period.to)"]
    if let coverage = result.coverage {
      lines.append(
        "data from \(coverage.dataFrom) to \(coverage.dataTo): \(Format.count(coverage.daysCovered)) of \(Format.count(coverage.periodDays)) days of the period"
      )
      if let notice = CoverageText.notice(coverage, previous: result.previous.period) { lines.append("  note: " + notice) }
    }
    for input in q.inputs {
      lines.append(
        "\(input.role.rawValue) \(input.file): \(input.rows) rows, \(input.accepted) accepted, "
          + "\(input.rejected) rejected (\(Format.rate(input.rejectRate))), \(input.skipped) skipped")
    }
    for input in q.inputs where !input.ignoredColumns.isEmpty {
      lines.append("  ignored columns in \(input.file): " + input.ignoredColumns.map { "'\($0)'" }.joined(separator: ", "))
    }
    for notice in result.notices { lines.append("  " + line(notice)) }
    for reason in q.rejectReasons { lines.append("  rejected in \(reason.file): \(reason.reason): \(reason.count)") }
    for source in q.unmappedSources { lines.append("  unmapped source value: \(source.value)") }
    if q.unmatchedDeals > 0 { lines.append("  deals whose lead_id matches no lead: \(q.unmatchedDeals)") }
    if q.wonWithoutAmount > 0 { lines.append("  won deals without an amount (counted as wins, revenue unknown): \(q.wonWithoutAmount)") }
    for deal in q.wonWithoutAmountExamples { lines.append("  \(deal.file):\(deal.line): won deal '\(deal.dealID)' has no amount") }
    for warning in q.warnings { lines.append("  \(warning.file):\(warning.line): warning: \(warning.message)") }
    return lines.joined(separator: "\n")
  }

  /// One notice as `check` and `run` say it: the file, the message and the fix.
  package static func line(_ notice: Notice) -> String {
    "\(notice.file): notice: \(notice.message)" + (notice.fix.map { "; fix: \($0)" } ?? "")
  }

  /// What `check --json` prints: the status, the notices, the period and its coverage, the
  /// inputs' accounts and the data quality, under the keys `summary.json` gives them.
  package static func json(_ result: AttributionResult) -> String {
    var json = JSONWriter()
    json.object { json in
      json.member("schema_version", .int(JSONRenderer.schemaVersion))
      JSONRenderer.status(result.quality, into: &json)
      JSONRenderer.notices(result.notices, into: &json)
      json.key("period")
      JSONRenderer.period(result.current.period, into: &json)
      json.key("coverage")
      JSONRenderer.coverage(result.coverage, into: &json)
      json.key("inputs")
      json.array(result.quality.inputs) { json, account in JSONRenderer.input(account, into: &json) }
      json.key("data_quality")
      JSONRenderer.quality(result.quality, into: &json)
    }
    return String(decoding: json.finished(), as: UTF8.self)
  }
}
