import CSVStream

/// An amount in minor units (cents) of the reporting currency: sums are exact, never `Double`.
public struct Money: Hashable, Comparable, Sendable, AdditiveArithmetic, CustomStringConvertible {
  public var minorUnits: Int64

  public init(minorUnits: Int64) { self.minorUnits = minorUnits }

  public static let zero = Money(minorUnits: 0)

  public static func + (lhs: Money, rhs: Money) -> Money { Money(minorUnits: lhs.minorUnits + rhs.minorUnits) }
  public static func - (lhs: Money, rhs: Money) -> Money { Money(minorUnits: lhs.minorUnits - rhs.minorUnits) }
  public static func < (lhs: Money, rhs: Money) -> Bool { lhs.minorUnits < rhs.minorUnits }

  /// `self / count`, rounded half away from zero to the cent.
  public func divided(by count: Int) -> Money {
    precondition(count > 0, "division by zero")
    let n = Int64(count)
    let q = (abs(minorUnits) * 2 + n) / (2 * n)
    return Money(minorUnits: minorUnits < 0 ? -q : q)
  }

  /// `self × fraction`, rounded half away from zero to the cent (fees as a share of revenue).
  public func multiplied(by fraction: Double) -> Money {
    Money(minorUnits: Int64((Double(minorUnits) * fraction).rounded(.toNearestOrAwayFromZero)))
  }

  public var doubleValue: Double { Double(minorUnits) / 100 }

  /// Plain decimal with two places: `-1234.50`.
  public var description: String {
    var text = ByteBuffer(capacity: 32)
    appendPlain(to: &text)
    return text.string
  }

  /// Appends the amount as a plain decimal with exactly two places (`-1234.50`, never a binary
  /// fraction): the one place that text is made, for ``description`` and `summary.json`.
  public func appendPlain(to buffer: inout ByteBuffer) {
    if minorUnits < 0 { buffer.append(0x2D) }
    let units = minorUnits.magnitude
    buffer.appendDecimal(units / 100, width: 1)
    buffer.append(0x2E)
    buffer.appendDecimal(units % 100, width: 2)
  }
}
