import Foundation
import ReferralAttribution
import ReferralCore

/// How money reads: the reporting currency, and the locale whose conventions it is written in.
package struct MoneyStyle: Sendable, Equatable {
  package var currency: String
  /// A locale such as `de-DE` (`[report] locale`); `nil`: the currency's symbol before a
  /// comma-grouped amount (`$81,250.00`, `€1,234.50`).
  package var locale: String?

  package init(currency: String, locale: String? = nil) {
    self.currency = currency
    self.locale = locale
  }
}

/// How figures read in the Markdown and HTML reports (JSON keeps raw numbers).
package enum Format {
  /// What the report writes for a figure attribution could not compute (`tables/` leaves the
  /// cell empty and `summary.json` writes `null`, at the same places).
  package static let notAvailable = "n/a"

  /// `$81,250.00`, `€1,234.50`, `CHF 1,234.50`, or in a locale's own way (`89.070,86 €` in
  /// `de-DE`, through Foundation's currency format); "n/a" for a figure that could not be
  /// computed.
  package static func money(_ value: Money?, currency style: MoneyStyle) -> String {
    guard let value else { return notAvailable }
    if let locale = style.locale {
      let amount = Decimal(value.minorUnits) / 100
      return amount.formatted(.currency(code: style.currency).locale(Locale(identifier: locale)))
    }
    let units = value.minorUnits.magnitude
    let cents = units % 100
    return (value.minorUnits < 0 ? "-" : "") + symbol(of: style.currency) + grouped(units / 100) + (cents < 10 ? ".0" : ".") + String(cents)
  }

  /// What stands before an amount: `$`, `€`, `£`, else the ISO code and a space (`CHF `).
  package static func symbol(of currency: String) -> String {
    switch currency {
    case "USD": "$"
    case "EUR": "€"
    case "GBP": "£"
    default: currency + " "
    }
  }

  /// `41.2%`; "n/a" for a figure that could not be computed, NaN or infinite (a share divided
  /// by a zero target) included.
  package static func rate(_ value: Double?) -> String {
    guard let percent = value.map({ $0 * 100 }), percent.isFinite else { return notAvailable }
    return fixed(percent, decimals: 1) + "%"
  }

  /// A rate with its counts: the value as ``rate(_:)-(Double?)`` writes it; the marker that
  /// it is too few to judge is ``tooFew(_:)``, shown beside it.
  package static func rate(_ value: Rate) -> String { rate(value.value) }

  /// "too few to judge: 2 won deals" for a rate on fewer cases than `[report] min_sample`,
  /// else `nil`: the one wording of the marker in every output.
  package static func tooFew(_ value: Rate) -> String? {
    guard value.tooFew else { return nil }
    return "too few to judge: \(count(value.base)) \(value.cases.noun(value.base))"
  }

  /// What a section says when attribution could not compute it: "No leads export was given,
  /// so this cannot be computed."
  package static func cannotCompute(_ why: Unknown) -> String {
    why.cause.prefix(1).uppercased() + why.cause.dropFirst() + ", so this cannot be computed."
  }

  /// A note as the report writes it after a figure: "(too few to judge: 2 won deals)".
  package static func note(_ note: String) -> String { "(\(note))" }

  /// A figure and its note as the report shows them: "100.0% (too few to judge: 2 won deals)".
  package static func noted(_ text: String, _ note: String?) -> String { note.map { "\(text) \(self.note($0))" } ?? text }

  /// A rate and its marker in running text.
  package static func judged(_ value: Rate) -> String { noted(rate(value), tooFew(value)) }

  /// `1,234`.
  /// A count, or "n/a" when it cannot be known.
  package static func count(_ value: Int?) -> String { value.map(count) ?? notAvailable }

  package static func count(_ value: Int) -> String { (value < 0 ? "-" : "") + grouped(value.magnitude) }

  /// "1 referrer", "3 referrers": the count and the noun agreeing with it.
  package static func counted(_ value: Int, _ singular: String, _ plural: String? = nil) -> (count: String, noun: String) {
    (count(value), value == 1 ? singular : plural ?? singular + "s")
  }

  /// `21` or `20.5`.
  package static func days(_ value: Double?) -> String {
    guard let value else { return notAvailable }
    return fixed(value, decimals: value == value.rounded() ? 0 : 1)
  }

  /// ROI as a percentage of the cost: `140%`, `-100%` (all of the cost lost).
  package static func roi(_ value: Double?) -> String {
    guard let percent = value.map({ $0 * 100 }), percent.isFinite else { return notAvailable }
    return fixed(percent, decimals: 0) + "%"
  }

  /// Change of a rate in percentage points: `+3.0 pts`.
  package static func pointChange(_ now: Double?, _ before: Double?) -> String {
    guard let now, let before, case let points = (now - before) * 100, points.isFinite else { return notAvailable }
    return signed(fixed(points, decimals: 1)) + " pts"
  }

  /// Relative change of a count or sum: `+9.1%`; "new" when it grew from nothing.
  package static func relativeChange(_ now: Double?, _ before: Double?) -> String {
    guard let now, let before, now.isFinite, before.isFinite else { return notAvailable }
    if before == 0 { return now == 0 ? "±0.0%" : "new" }
    let percent = (now - before) / abs(before) * 100
    return percent.isFinite ? signed(fixed(percent, decimals: 1)) + "%" : "n/a"
  }

  /// `October 2026` for a whole month, else `2026-10-01 to 2026-10-15`.
  package static func period(_ period: Period) -> String {
    if let (month, count) = period.wholeMonths {
      let name = "\(monthNames[month.month - 1]) \(month.year)"
      if count == 1 { return name }
      let last = month.adding(months: count - 1)
      return "\(name) to \(monthNames[last.month - 1]) \(last.year)"
    }
    return "\(period.from) to \(period.to)"
  }

  package static func monthShort(_ month: Month) -> String {
    "\(monthNames[month.month - 1].prefix(3)) \(month.year)"
  }

  static let monthNames = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
  ]

  /// Rounded half away from zero to `decimals` places, without Foundation's locale. Total:
  /// NaN and the infinities (a ratio to a zero target) read "n/a", and a value too large for
  /// the integer arithmetic below is written digit for digit by the C library (a double that
  /// large has no fraction left to round).
  static func fixed(_ value: Double, decimals: Int) -> String {
    guard value.isFinite else { return "n/a" }
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    guard abs(value) * scale < 9e18 else { return String(format: "%.\(decimals)f", value) }
    let scaled = Int64((abs(value) * scale).rounded(.toNearestOrAwayFromZero))
    let sign = value < 0 && scaled != 0 ? "-" : ""
    let whole = scaled / Int64(scale)
    guard decimals > 0 else { return sign + String(whole) }
    var fraction = String(scaled % Int64(scale))
    fraction = String(repeating: "0", count: decimals - fraction.count) + fraction
    return "\(sign)\(whole).\(fraction)"
  }

  private static func signed(_ text: String) -> String {
    text.hasPrefix("-") ? text : (text == "0.0" ? "±0.0" : "+" + text)
  }

  /// `value` with a comma between groups of three digits (`1,234,567`).
  private static func grouped<Value: BinaryInteger>(_ value: Value) -> String {
    let digits = String(value)
    let count = digits.utf8.count
    var text = ""
    for (index, digit) in digits.enumerated() {
      if index > 0, (count - index) % 3 == 0 { text.append(",") }
      text.append(digit)
    }
    return text
  }
}

extension AttributionResult {
  /// How the report writes this result's money.
  var money: MoneyStyle { MoneyStyle(currency: currency, locale: locale) }
}
