import CSVStream

/// Which character separates decimals in an amount column.
package enum DecimalSeparator: String, Sendable {
  case point = "."
  case comma = ","
}

/// An amount as written: minor units (2 decimals) and the currency its text names, if any.
struct Amount: Equatable {
  var minorUnits: Int64
  var currency: String?
}

/// Reads money as exports write it: `1234.5`, `"$1,234.50"`, `"1.234,50 €"`, `EUR 1234.50`,
/// `(1,234.50)` for negatives.
///
/// With no configured separator, a lone `.` or `,` followed by exactly three digits is read as
/// a thousands separator (`1,234` and `1.234` are both 1234, but `0.125` is a fraction), any
/// other lone one as the decimal mark; when both appear, the last one is the decimal mark.
enum AmountReader {
  /// Amounts beyond this (ten billion) are taken as corrupt rather than real deals.
  static let maximumUnits: Int64 = 10_000_000_000

  enum Failure: Error, Equatable {
    case unparseable
    case tooLarge
  }

  static func read(_ bytes: ByteView, decimal: DecimalSeparator? = nil) -> Result<Amount, Failure> {
    if decimal != .comma, let plain = plainDecimal(bytes) { return plain }
    var text = bytes.trimmed
    var currency: String?
    var negative = false
    // Accounting negatives: (1,234.50)
    if text.first == 0x28, text.last == 0x29 {
      negative = true
      text = text.part(1..<(text.count - 1)).trimmed
    }
    // Currency before and after the number: symbols and three-letter codes.
    for _ in 0..<2 {
      if let (code, rest) = stripCurrency(prefixOf: text) {
        currency = code
        text = rest.trimmed
      }
      if let (code, rest) = stripCurrency(suffixOf: text) {
        currency = code
        text = rest.trimmed
      }
      if text.first == 0x2D {
        negative.toggle()
        text = text.part(1..<text.count).trimmed
      } else if text.first == 0x2B {
        text = text.part(1..<text.count).trimmed
      }
    }
    guard !text.isEmpty else { return .failure(.unparseable) }

    // Find the decimal mark.
    var points = 0
    var commas = 0
    var lastSeparator: Int?
    for index in text.indices {
      switch text[index] {
      case 0x2E:
        points += 1
        lastSeparator = index
      case 0x2C:
        commas += 1
        lastSeparator = index
      case 0x30...0x39, 0x20, 0x27: break  // digits; space and apostrophe group thousands
      case 0xC2, 0xA0, 0xE2, 0x80, 0xAF: break  // no-break and narrow no-break spaces
      default: return .failure(.unparseable)
      }
    }
    var decimalIndex: Int?
    if let last = lastSeparator {
      let mark = text[last]
      switch decimal {
      case .point?: decimalIndex = points > 0 ? text.lastIndex(of: 0x2E) : nil
      case .comma?: decimalIndex = commas > 0 ? text.lastIndex(of: 0x2C) : nil
      case nil:
        let sameCount = mark == 0x2E ? points : commas
        let digitsAfter = text[(last + 1)...].count
        let leadingZero = text.first == 0x30 && last == 1
        if points > 0 && commas > 0 {
          decimalIndex = last
        } else if sameCount == 1 && (digitsAfter != 3 || leadingZero) {
          decimalIndex = last
        }
      }
      if let index = decimalIndex {
        // One decimal mark, after every grouping mark, and grouping marks all of the other kind.
        let mark = text[index]
        if text[(index + 1)...].contains(where: { $0 == 0x2E || $0 == 0x2C }) || text[..<index].contains(mark) {
          return .failure(.unparseable)
        }
      }
    }

    var units: Int64 = 0
    var fraction = Fraction()
    var sawDigit = false
    for index in text.indices {
      let byte = text[index]
      guard byte.isDigit else { continue }
      sawDigit = true
      if let decimalIndex, index > decimalIndex {
        fraction.add(byte)
      } else {
        units = units * 10 + Int64(byte - 0x30)
        if units > maximumUnits { return .failure(.tooLarge) }
      }
    }
    guard sawDigit else { return .failure(.unparseable) }
    let minor = units * 100 + fraction.minorUnits
    return .success(Amount(minorUnits: negative ? -minor : minor, currency: currency))
  }

  /// The digits after the decimal mark, as far as they count: two places, rounded half away
  /// from zero on the third.
  private struct Fraction {
    var digits = 0
    var minorUnits: Int64 = 0

    mutating func add(_ byte: UInt8) {
      let digit = Int64(byte - 0x30)
      switch digits {
      case 0: minorUnits += digit * 10
      case 1: minorUnits += digit
      case 2: if digit >= 5 { minorUnits += 1 }
      default: break
      }
      digits += 1
    }
  }

  /// `1234`, `1234.5`, `1234.56`: digits with at most one point and at most two decimals, the
  /// shape of most exports' amounts, read in one pass; anything else takes the general path.
  @inline(__always)
  private static func plainDecimal(_ bytes: ByteView) -> Result<Amount, Failure>? {
    guard !bytes.isEmpty, bytes.count <= 14 else { return nil }
    var units: Int64 = 0
    var index = 0
    while index < bytes.count, bytes[index].isDigit {
      units = units * 10 + Int64(bytes[index] - 0x30)
      index += 1
    }
    // A lone leading-digit group of up to 3 followed by `.ddd` is a thousands group: general path.
    guard index > 0, units <= maximumUnits else { return nil }
    if index == bytes.count { return .success(Amount(minorUnits: units * 100, currency: nil)) }
    guard bytes[index] == 0x2E, bytes.count - index - 1 <= 2, bytes.count - index - 1 >= 1 else { return nil }
    var minor = units * 100
    var scale: Int64 = 10
    for position in (index + 1)..<bytes.count {
      guard bytes[position].isDigit else { return nil }
      minor += Int64(bytes[position] - 0x30) * scale
      scale /= 10
    }
    return .success(Amount(minorUnits: minor, currency: nil))
  }

  private static let symbols: [([UInt8], String)] = [
    (Array("US$".utf8), "USD"), (Array("C$".utf8), "CAD"), (Array("A$".utf8), "AUD"),
    (Array("$".utf8), "USD"), (Array("€".utf8), "EUR"), (Array("£".utf8), "GBP"),
    (Array("¥".utf8), "JPY"), (Array("₹".utf8), "INR"),
  ]

  private static func stripCurrency(prefixOf text: ByteView) -> (String, ByteView)? {
    for (symbol, code) in symbols where text.starts(with: symbol) {
      return (code, text.part(symbol.count..<text.count))
    }
    if text.count > 3, text.prefix(3).allSatisfy({ $0 >= 0x41 && $0 <= 0x5A }), !text[3].isLetter {
      return (text.part(0..<3).string, text.part(3..<text.count))
    }
    return nil
  }

  private static func stripCurrency(suffixOf text: ByteView) -> (String, ByteView)? {
    for (symbol, code) in symbols where text.reversed().starts(with: symbol.reversed()) {
      return (code, text.part(0..<(text.count - symbol.count)))
    }
    if text.count > 3, text.suffix(3).allSatisfy({ $0 >= 0x41 && $0 <= 0x5A }), !text[text.count - 4].isLetter {
      return (text.part((text.count - 3)..<text.count).string, text.part(0..<(text.count - 3)))
    }
    return nil
  }
}

extension UInt8 {
  fileprivate var isLetter: Bool { (self | 0x20) >= 0x61 && (self | 0x20) <= 0x7A }
}
