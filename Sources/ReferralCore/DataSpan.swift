/// Where the data begins and where it really ends: the end chooses the default period (its
/// month), and both say how much of a period the data covers.
///
/// The days that count are those of things that happened: the leads' creation days, the deals'
/// creation days and the close days of deals that ended. An open deal's close date is an
/// expected one, so it never counts (a pipeline export would otherwise report on next quarter);
/// deals made from a leads export's own stage column repeat their lead's day and are not
/// counted twice. A row is dated by its latest such day.
///
/// The data ends on the earliest day with rows after which the rows are both **few** and
/// **far** (on its latest day when there is none; with two typos, past both); those rows are
/// ``lateRows``, warnings that data quality and `check` list with their file and
/// line, never the period (a period past the end holds none of the data, so a report on a late
/// row's month must be asked for with `--allow-empty-period`):
/// - few: fewer than ``lateShare`` (1%) of the dated rows. A year typed wrong or a close date
///   typed ahead is one row in hundreds or thousands, while a business's real last days hold
///   more than that, so a steady stream of data is never cut short. An export of 100 dated rows
///   or fewer has none: with so few rows, one cannot be told from the business's own rhythm.
/// - far: the first of them more than ``lateGapDays`` (31) days past the rest, longer than any
///   month. A business does not stop recording for a month and come back with a handful of
///   rows; and rows closer than that belong to the month that follows the data, whose report
///   then says how little of it the data covers (an export made on 1 November with one row of
///   that day is the start of November, not a typo).
package struct DataSpan: Sendable, Equatable {
  /// A row dated past the data's end: where it is, and its latest day.
  package struct LateRow: Sendable, Equatable {
    /// ``InputRole/leads`` or ``InputRole/deals``.
    package var role: InputRole
    /// The row's position in its table.
    package var position: Int
    package var day: Day

    package init(role: InputRole, position: Int, day: Day) {
      (self.role, self.position, self.day) = (role, position, day)
    }
  }

  /// The share of the dated rows under which rows past the rest are late (see the type).
  package static let lateShare = 0.01
  /// The days past the rest beyond which rows are late (see the type).
  package static let lateGapDays = 31
  /// How many days below the latest one are counted day by day; rows older than that only
  /// need their count and their latest day (so a year 0001 typo costs no more memory).
  static let countedDays: Int32 = 100_000

  /// The earliest day of the data.
  package let first: Day
  /// The latest day of the data, late rows left out: the default period is its month.
  package let end: Day
  /// The rows dated past ``end``, leads first, each in file order.
  package let lateRows: [LateRow]

  package init(first: Day, end: Day, lateRows: [LateRow] = []) {
    (self.first, self.end, self.lateRows) = (first, end, lateRows)
  }

  /// Whether `rows` of `total` dated rows are few enough to be late.
  static func few(_ rows: Int, of total: Int) -> Bool { Double(rows) < lateShare * Double(total) }
}

extension Dataset {
  /// Calls `body` with each dated row's role, position, earliest and latest day (see
  /// ``DataSpan`` for which days count).
  private func forEachDatedRow(_ body: (InputRole, Int, Int32, Int32) -> Void) {
    for lead in leadTable.indices {
      let day = leadTable.created(lead).ordinal
      body(.leads, lead, day, day)
    }
    guard !outcomesFromLeads else { return }
    for deal in dealTable.indices {
      let created = dealTable.created(deal)?.ordinal
      let closed = dealTable.outcome[deal] == .open ? nil : dealTable.closed(deal)?.ordinal
      guard let either = created ?? closed else { continue }
      body(.deals, deal, min(created ?? either, closed ?? either), max(created ?? either, closed ?? either))
    }
  }

  /// The span of the data (see ``DataSpan``), `nil` when no row has a date. Three passes at
  /// most: the first and latest days; the rows per day, downwards from the latest, to find the
  /// end; and, only when rows lie past it, those rows.
  func findSpan() -> DataSpan? {
    guard !leadsUndated else { return nil }
    var (first, latest, total) = (Int32.max, Int32.min, 0)
    forEachDatedRow { _, _, earliest, day in
      (first, latest, total) = (min(first, earliest), max(latest, day), total + 1)
    }
    guard total > 0 else { return nil }
    let base = latest - min(latest - first, DataSpan.countedDays)
    var rowsOn = [Int](repeating: 0, count: Int(latest - base) + 1)
    var older = (rows: 0, latest: Int32.min)
    forEachDatedRow { _, _, _, day in
      if day >= base {
        rowsOn[Int(day - base)] += 1
      } else {
        older = (older.rows + 1, max(older.latest, day))
      }
    }
    // Down from the latest day: a day is a candidate end when the rows after it are few and
    // the next day with rows is far; the earliest candidate is the end. Once the rows after
    // a day are not few, no earlier day can be one.
    var end = latest
    var after = 0
    var above: Int32?
    func visit(_ day: Int32, rows: Int) -> Bool {
      if let above, Int(above - day) > DataSpan.lateGapDays, DataSpan.few(after, of: total) { end = day }
      (after, above) = (after + rows, day)
      return DataSpan.few(after, of: total)
    }
    var going = true
    for offset in rowsOn.indices.reversed() where rowsOn[offset] > 0 {
      going = visit(base + Int32(offset), rows: rowsOn[offset])
      if !going { break }
    }
    if going, older.rows > 0 { _ = visit(older.latest, rows: older.rows) }
    var late: [DataSpan.LateRow] = []
    if end < latest {
      forEachDatedRow { role, position, _, day in
        if day > end { late.append(DataSpan.LateRow(role: role, position: position, day: Day(ordinal: day))) }
      }
    }
    return DataSpan(first: Day(ordinal: first), end: Day(ordinal: end), lateRows: late)
  }
}
