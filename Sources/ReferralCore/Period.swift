// Public, not package: `contains` runs per lead in the sections, inlined into other modules, which
// Swift 6.3 does only for public bodies; see docs/PERFORMANCE.md.

/// The days a report covers, both ends included.
public struct Period: Hashable, Sendable, CustomStringConvertible {
  public let from: Day
  public let to: Day

  package init?(from: Day, to: Day) {
    guard from <= to else { return nil }
    self.from = from
    self.to = to
  }

  package init(month: Month) {
    from = month.firstDay
    to = month.lastDay
  }

  public func contains(_ day: Day) -> Bool { from <= day && day <= to }

  package var dayCount: Int { from.days(to: to) + 1 }

  /// The whole months covered, when the period is exactly a run of calendar months.
  package var wholeMonths: (first: Month, count: Int)? {
    guard from == from.month.firstDay, to == to.month.lastDay else { return nil }
    return (from.month, from.month.months(to: to.month) + 1)
  }

  /// The period of the same length just before this one: the previous month(s) for whole
  /// months (so October compares with September, not with 31 days back), else the same number
  /// of days.
  package var previous: Period {
    if let (first, count) = wholeMonths {
      let start = first.adding(months: -count)
      return Period(from: start.firstDay, to: start.adding(months: count - 1).lastDay)!
    }
    return Period(from: from.adding(days: -dayCount), to: from.adding(days: -1))!
  }

  /// The twelve months up to the period's last day (365 days, that day included): how far back
  /// an ask or a referral still counts as this year's.
  package var trailingYear: Period { Period(from: to.adding(days: -364), to: to)! }

  /// The months the period touches, in order.
  package var months: [Month] {
    var result: [Month] = []
    var month = from.month
    while month <= to.month {
      result.append(month)
      month = month.adding(months: 1)
    }
    return result
  }

  /// A folder-safe name: `2026-10` for one month, else `2026-10-01_2026-10-15`.
  package var label: String {
    if let (first, count) = wholeMonths, count == 1 { return first.description }
    return "\(from)_\(to)"
  }

  public var description: String { "\(from) to \(to)" }
}
