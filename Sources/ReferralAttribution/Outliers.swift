import ReferralCore

/// Won deals of the period whose amount dwarfs the rest: one mistyped amount (50,000,000 for
/// 50,000) can make most of a period's revenue, so data quality names them.
///
/// A won deal is an outlier when, among at least three won deals with amounts, it is more than
/// half of the period's revenue, or more than ``AttributionOptions/outlierMultiple`` times the
/// median won amount.
package struct Outlier: Sendable, Equatable {
  package var dealID: String
  package var channel: String
  package var closed: Day
  package var amount: Money
  /// Its share of the period's revenue.
  package var shareOfRevenue: Double
  /// Its amount ÷ the median won amount of the period.
  package var timesMedian: Double

  /// The outliers among the won deals of `period`, largest first.
  static func find(in ledger: Ledger, period: Period, multiple: Double) -> [Outlier] {
    let deals = ledger.deals
    var won: [(index: Int, amount: Int64)] = []
    for index in deals.indices where deals.outcome[index] == .won {
      guard let closed = deals.closed(index), period.contains(closed), let amount = deals.amount(index) else { continue }
      won.append((index, amount.minorUnits))
    }
    guard won.count >= 3 else { return [] }
    let total = Double(won.reduce(0) { $0 + $1.amount })
    let sorted = won.map(\.amount).sorted()
    let median = sorted.count % 2 == 1 ? Double(sorted[sorted.count / 2]) : Double(sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    guard total > 0, median > 0 else { return [] }
    return won.filter { Double($0.amount) > total / 2 || Double($0.amount) > median * multiple }
      .sorted { ($1.amount, deals.id($0.index)) < ($0.amount, deals.id($1.index)) }
      .map {
        Outlier(
          dealID: deals.id($0.index), channel: ledger.channels[ledger.dealChannel($0.index)].name, closed: deals.closed($0.index)!,
          amount: Money(minorUnits: $0.amount), shareOfRevenue: Double($0.amount) / total, timesMedian: Double($0.amount) / median)
      }
  }
}
