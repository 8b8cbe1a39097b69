import ReferralCore

/// How much of the period the data covers: a month the data ends early in (a nightly run on
/// 1 November) holds a day of data, and its figures, rates and changes against the whole
/// previous month read as a collapse unless the report says so. Decided here, once; the report,
/// `summary.json` (`coverage`) and `check` show it.
package struct Coverage: Sendable, Equatable {
  /// The data's first day and its end (see ``DataSpan``: rows dated far past the rest left out).
  package var dataFrom: Day
  package var dataTo: Day
  package var periodDays: Int
  /// The period's days from the data's first day to its end.
  package var daysCovered: Int
  /// Rows dated far past the rest (each a data-quality warning), which did not choose the period.
  package var lateRows: Int
  /// The latest month whose last day lies within the data: the month to ask for with `--month`
  /// for a complete report; `nil` when the data spans no month's end.
  package var lastCompleteMonth: Month?

  /// Whether days of the period lie outside the data (before its first day or after its end).
  package var partial: Bool { daysCovered < periodDays }
  /// Whether the data ends before the period does: the figures are to date.
  package var endsEarly: Bool
  /// Whether the data begins after the period does.
  package var startsLate: Bool
  /// Whether the previous period ends before the data begins: its figures are unknown (see
  /// ``PeriodFigures/beforeTheData()``), so no change against it is shown.
  package var previousBeforeTheData: Bool

  package init(span: DataSpan, period: Period) {
    (dataFrom, dataTo, lateRows) = (span.first, span.end, span.lateRows.count)
    periodDays = period.dayCount
    let (from, to) = (max(period.from, span.first), min(period.to, span.end))
    daysCovered = from <= to ? from.days(to: to) + 1 : 0
    endsEarly = span.end < period.to
    startsLate = span.first > period.from
    previousBeforeTheData = period.previous.to < span.first
    let month = span.end == span.end.month.lastDay ? span.end.month : span.end.month.adding(months: -1)
    lastCompleteMonth = month.lastDay >= span.first ? month : nil
  }
}
