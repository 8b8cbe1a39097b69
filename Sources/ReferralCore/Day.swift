// Public, not package: days are made and compared per row by the tables' accessors and the
// sections, inlined into other modules, which Swift 6.3 does only for public bodies; see
// docs/PERFORMANCE.md.

/// A calendar day, as CRM dates are used here: time of day and time zone never matter.
///
/// Stored as days since 1970-01-01 so that differences and comparisons are integer arithmetic.
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
  public var ordinal: Int32

  public init(ordinal: Int32) { self.ordinal = ordinal }

  /// The day every lead of an export without `created_at` is filed under (`--all`), so that the
  /// one period of an undated report holds them all. It is never shown: such a report says its
  /// exports hold no dates (see ``Dataset/leadsUndated``).
  public static let undated = Day(ordinal: 0)

  /// A valid calendar date, or `nil` (month 13, 31 April, 29 February of a common year…).
  public init?(year: Int, month: Int, day: Int) {
    guard (1...9999).contains(year), (1...12).contains(month),
      day >= 1, day <= Day.daysIn(month: month, year: year)
    else { return nil }
    // Days from civil (H. Hinnant's algorithm), exact for the proleptic Gregorian calendar.
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = (month + 9) % 12
    let doy = (153 * mp + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    ordinal = Int32(era * 146097 + doe - 719468)
  }

  /// Parses `YYYY-MM-DD` exactly (the format of command-line options and config files).
  package init?(iso text: String) {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
    else { return nil }
    self.init(year: year, month: month, day: day)
  }

  /// Year, month and day of month.
  public var components: (year: Int, month: Int, day: Int) {
    let z = Int(ordinal) + 719468
    let era = (z >= 0 ? z : z - 146096) / 146097
    let doe = z - era * 146097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let day = doy - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
  }

  public var month: Month {
    let c = components
    return Month(year: c.year, month: c.month)!
  }

  public static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  public static func < (lhs: Day, rhs: Day) -> Bool { lhs.ordinal < rhs.ordinal }

  public func adding(days: Int) -> Day { Day(ordinal: ordinal + Int32(days)) }

  /// Whole calendar days from `self` to `other` (negative when `other` is earlier).
  public func days(to other: Day) -> Int { Int(other.ordinal - ordinal) }

  /// ISO 8601, `2026-10-31`: the one place a day becomes text, for every output. A year has at
  /// least four digits (exports' years are 1–9999); one before year 0, reached only by
  /// arithmetic, is signed as ISO 8601's expanded years are (`-0001`).
  public var description: String {
    let (year, month, day) = components
    guard (0...9999).contains(year) else { return "\(year < 0 ? "-" : "")\(pad(abs(year), 4))-\(pad(month, 2))-\(pad(day, 2))" }
    // Ten ASCII digits and dashes written in place: a day per row of summary.json's lists
    // (millions at 3M leads) cost a tenth of its rendering when interpolated.
    return String(unsafeUninitializedCapacity: 10) { text in
      /// `value`'s last `width` digits, ending before `end`.
      func digits(_ value: Int, before end: Int, width: Int) {
        var rest = value
        for index in stride(from: end - 1, through: end - width, by: -1) {
          text[index] = UInt8(ascii: "0") + UInt8(rest % 10)
          rest /= 10
        }
      }
      digits(year, before: 4, width: 4)
      digits(month, before: 7, width: 2)
      digits(day, before: 10, width: 2)
      (text[4], text[7]) = (UInt8(ascii: "-"), UInt8(ascii: "-"))
      return 10
    }
  }
}

/// A calendar month, the unit of periods, spend rows, trends and targets.
public struct Month: Hashable, Comparable, Sendable, CustomStringConvertible {
  public let year: Int
  public let month: Int

  public init?(year: Int, month: Int) {
    guard (1...9999).contains(year), (1...12).contains(month) else { return nil }
    self.year = year
    self.month = month
  }

  /// Parses `YYYY-MM`.
  package init?(_ text: String) {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
      let year = Int(parts[0]), let month = Int(parts[1])
    else { return nil }
    self.init(year: year, month: month)
  }

  public var firstDay: Day { Day(year: year, month: month, day: 1)! }
  public var lastDay: Day { Day(year: year, month: month, day: Day.daysIn(month: month, year: year))! }

  /// Months since year 0, for arithmetic.
  var index: Int { year * 12 + month - 1 }

  public func adding(months: Int) -> Month {
    let i = index + months
    return Month(year: i / 12, month: i % 12 + 1)!
  }

  /// Number of months from `self` to `other`.
  package func months(to other: Month) -> Int { other.index - index }

  public static func < (lhs: Month, rhs: Month) -> Bool { lhs.index < rhs.index }

  /// `2026-10`.
  public var description: String { "\(pad(year, 4))-\(pad(month, 2))" }
}

func pad(_ value: Int, _ width: Int) -> String {
  let digits = String(value)
  return String(repeating: "0", count: max(0, width - digits.count)) + digits
}
