import CSVStream
import ReferralCore

/// Converts amounts into the reporting currency, one per decoder: the currency codes a file
/// uses are few, so each is looked up in the configured rates once and then found by its bytes
/// (see ``CellMemo``).
struct CurrencyConverter: Sendable {
  private let reporting: String
  private let rates: [String: Double]
  /// Currency cells seen, as written, with their rate (`nil`: no rate configured) and code.
  private var seen = CellMemo<Rate>()

  private struct Rate: Sendable {
    var rate: Double?
    var code: String
  }

  init(options: ImportOptions) {
    reporting = options.currency
    rates = options.rates
  }

  /// `amount` in the reporting currency: the row's currency column wins over a symbol in the
  /// amount; neither means the reporting currency.
  mutating func convert(_ amount: Amount, currencyColumn: ByteView?) -> Result<Money, RowProblem> {
    let money = Money(minorUnits: amount.minorUnits)
    if let column = currencyColumn?.trimmed, !column.isEmpty {
      let entry = lookUp(column)
      guard let rate = entry.rate else { return .failure(.noRate(entry.code)) }
      return .success(rate == 1 ? money : money.multiplied(by: rate))
    }
    guard let named = amount.currency, named != reporting else { return .success(money) }
    guard let rate = rates[named] else { return .failure(.noRate(named)) }
    return .success(money.multiplied(by: rate))
  }

  private mutating func lookUp(_ column: ByteView) -> Rate {
    seen.meaning(of: column) { [reporting, rates] cell in
      let code = cell.string.uppercased()
      return Rate(rate: code == reporting ? 1 : rates[code], code: code)
    }
  }
}
