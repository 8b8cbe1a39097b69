// Public, not package: amounts are made and added per row by the tables' accessors and the
// sections, inlined into other modules, which Swift 6.3 does only for public bodies; see
// docs/PERFORMANCE.md.

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

  package var doubleValue: Double { Double(minorUnits) / 100 }

  /// A plain decimal with exactly two places, `-1234.50`, made from the whole cents (never a
  /// binary fraction): the one place an amount becomes text, for every output.
  public var description: String {
    let units = minorUnits.magnitude
    let cents = units % 100
    return "\(minorUnits < 0 ? "-" : "")\(units / 100).\(cents < 10 ? "0" : "")\(cents)"
  }
}
