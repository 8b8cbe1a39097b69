import ReferralAttribution
import ReferralCore

/// The words for how much of the period the data covers (``Coverage``, decided in
/// attribution): said at the top of the report, in its title, and by `check`.
enum CoverageText {
  /// What the report's opening says in bold, and `check` under the period: how little of the
  /// period the data covers, or that rows dated far past the rest did not choose it; `nil`
  /// when the data covers the whole period and no row was left out of its choice.
  static func notice(_ coverage: Coverage, previous: Period) -> String? {
    var sentences: [String] = []
    let days = "\(Format.count(coverage.daysCovered)) of \(Format.count(coverage.periodDays)) days of this period"
    if coverage.daysCovered == 0 {
      sentences.append(
        "The data (\(coverage.dataFrom) to \(coverage.dataTo)) holds no day of this period, which was asked for with --allow-empty-period: "
          + "every figure of it is empty.")
    } else if coverage.partial {
      var sentence =
        switch (coverage.startsLate, coverage.endsEarly) {
        case (true, true): "Data runs from \(coverage.dataFrom) to \(coverage.dataTo): \(days)"
        case (false, true): "Data runs to \(coverage.dataTo): \(days)"
        default: "Data starts on \(coverage.dataFrom): \(days)"
        }
      if coverage.endsEarly {
        sentence +=
          coverage.previousBeforeTheData
          ? ", so its figures are to date; \(Format.period(previous)) is before the data begins, so no change is shown"
          : ", so its figures are to date and their changes compare them with all of \(Format.period(previous))"
        if let month = coverage.lastCompleteMonth { sentence += "; the last complete month is \(Format.period(Period(month: month))) (--month \(month))" }
      }
      sentences.append(sentence + ".")
    }
    if coverage.lateRows > 0 {
      let rows = Format.counted(coverage.lateRows, "row")
      sentences.append(
        "\(rows.count) \(rows.noun) dated far past the rest of the data (which ends on \(coverage.dataTo)) did not choose the period; "
          + "data quality lists \(coverage.lateRows == 1 ? "it" : "each") with its file and line.")
    }
    return sentences.isEmpty ? nil : sentences.joined(separator: " ")
  }

  /// What the title adds for a partial period, e.g. ` (data for 1 of 30 days)`; empty otherwise.
  static func titleNote(_ coverage: Coverage?) -> String {
    guard let coverage, coverage.partial else { return "" }
    return " (data for \(Format.count(coverage.daysCovered)) of \(Format.count(coverage.periodDays)) days)"
  }
}
