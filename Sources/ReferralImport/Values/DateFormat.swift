import CSVStream
import ReferralCore

/// The shapes of dates that CRM exports use; the time of day, when present, is ignored.
package enum DateFormat: String, Sendable, CaseIterable {
  /// `2026-10-31`, `2026-10-31T14:05:00Z`, `2026-10-31 14:05:00+02:00`, `2026/10/31`.
  case iso = "YYYY-MM-DD"
  /// US `10/31/2026`, `10/31/2026 2:05 PM`.
  case monthDayYear = "MM/DD/YYYY"
  /// `31/10/2026`.
  case dayMonthYear = "DD/MM/YYYY"
  /// German and other European `31.10.2026`, `31.10.2026 14:05`.
  case dotted = "DD.MM.YYYY"
}

/// One date value as written, before the column's format is known.
enum DateReading: Equatable {
  /// A value with only one possible reading.
  case exact(Day, DateFormat)
  /// `a/b/YYYY`: month/day or day/month, decided by the whole column.
  case slashed(a: Int, b: Int, year: Int)
  case invalid
}

enum DateReader {
  /// Reads the date part of `bytes` and checks that any trailing time is well formed.
  static func read(_ bytes: ByteView) -> DateReading {
    if let day = plainISO(bytes) { return .exact(day, .iso) }
    var scanner = Scanner(bytes: bytes.trimmed)
    guard let first = scanner.number(maxDigits: 4) else { return .invalid }
    guard let separator = scanner.next(), separator == 0x2D || separator == 0x2F || separator == 0x2E,
      let second = scanner.number(maxDigits: 2), scanner.next() == separator,
      let third = scanner.number(maxDigits: 4)
    else { return .invalid }
    guard scanner.timeIsWellFormed() else { return .invalid }
    if first.digits == 4 {
      guard separator != 0x2E, third.digits <= 2,
        let day = Day(year: first.value, month: second.value, day: third.value)
      else { return .invalid }
      return .exact(day, .iso)
    }
    guard third.digits == 4 else { return .invalid }
    switch separator {
    case 0x2E:
      guard let day = Day(year: third.value, month: second.value, day: first.value) else { return .invalid }
      return .exact(day, .dotted)
    case 0x2F:
      return .slashed(a: first.value, b: second.value, year: third.value)
    default:
      return .invalid
    }
  }

  /// `YYYY-MM-DD` and nothing else, the shape of most exports' dates, read in one go.
  @inline(__always)
  private static func plainISO(_ bytes: ByteView) -> Day? {
    guard bytes.count == 10, bytes[4] == 0x2D, bytes[7] == 0x2D else { return nil }
    @inline(__always) func digit(_ index: Int) -> Int? {
      let digit = bytes[index] &- 0x30
      return digit < 10 ? Int(digit) : nil
    }
    guard let y1 = digit(0), let y2 = digit(1), let y3 = digit(2), let y4 = digit(3), let m1 = digit(5), let m2 = digit(6),
      let d1 = digit(8), let d2 = digit(9)
    else { return nil }
    return Day(year: y1 * 1000 + y2 * 100 + y3 * 10 + y4, month: m1 * 10 + m2, day: d1 * 10 + d2)
  }

  /// Reads `bytes` in a configured format: no guessing.
  static func read(_ bytes: ByteView, as format: DateFormat) -> Day? {
    switch read(bytes) {
    case .exact(let day, let found) where found == format: return day
    case .slashed(let a, let b, let year) where format == .monthDayYear: return Day(year: year, month: a, day: b)
    case .slashed(let a, let b, let year) where format == .dayMonthYear: return Day(year: year, month: b, day: a)
    default: return nil
    }
  }
}

/// A cursor over the bytes of one value.
private struct Scanner {
  let bytes: ByteView
  var index = 0

  init(bytes: ByteView) { self.bytes = bytes }

  var atEnd: Bool { index >= bytes.count }

  mutating func next() -> UInt8? {
    guard !atEnd else { return nil }
    defer { index += 1 }
    return bytes[index]
  }

  func peek() -> UInt8? { atEnd ? nil : bytes[index] }

  mutating func number(maxDigits: Int) -> (value: Int, digits: Int)? {
    var value = 0
    var digits = 0
    while let byte = peek(), byte.isDigit, digits < maxDigits {
      value = value * 10 + Int(byte - 0x30)
      digits += 1
      index += 1
    }
    return digits == 0 ? nil : (value, digits)
  }

  /// `[T| ]HH:MM[:SS[.fff]][ AM|PM][Z|±HH[:]MM]`, or nothing.
  mutating func timeIsWellFormed() -> Bool {
    guard let separator = next() else { return true }
    guard separator == 0x54 || separator == 0x20 else { return false }
    while peek() == 0x20 { index += 1 }
    guard let hour = number(maxDigits: 2), next() == 0x3A, let minute = number(maxDigits: 2),
      minute.digits == 2, minute.value < 60
    else { return false }
    if peek() == 0x3A {
      index += 1
      guard let second = number(maxDigits: 2), second.digits == 2, second.value <= 60 else { return false }
      if peek() == 0x2E {
        index += 1
        guard number(maxDigits: 9) != nil else { return false }
      }
    }
    while peek() == 0x20 { index += 1 }
    if let byte = peek(), byte | 0x20 == 0x61 || byte | 0x20 == 0x70 {  // AM / PM
      index += 1
      guard next().map({ $0 | 0x20 }) == 0x6D, (1...12).contains(hour.value) else { return false }
    } else if hour.value > 23 {
      return false
    }
    switch next() {
    case nil: return true
    case 0x5A?: return atEnd
    case 0x2B?, 0x2D?:
      guard let offset = number(maxDigits: 4) else { return false }
      if offset.digits == 2, peek() == 0x3A {
        index += 1
        guard number(maxDigits: 2)?.digits == 2 else { return false }
      }
      return atEnd
    default: return false
    }
  }
}
