import Testing

@testable import ReferralImport

@Suite struct AmountReaderTests {
  static let cases: [(String, Int64, String?)] = [
    ("1234.5", 123_450, nil),
    ("1234", 123_400, nil),
    ("$1,234.50", 123_450, "USD"),
    ("1.234,50 €", 123_450, "EUR"),
    ("EUR 1234.50", 123_450, "EUR"),
    ("1234.50 GBP", 123_450, "GBP"),
    ("£99", 9_900, "GBP"),
    ("1,5", 150, nil),
    ("1,234", 123_400, nil),
    ("1.234.567,89", 123_456_789, nil),
    ("1 234,50", 123_450, nil),
    ("(1,234.50)", -123_450, nil),
    ("-20", -2_000, nil),
    ("0.125", 13, nil),
    ("US$ 10", 1_000, "USD"),
  ]

  @Test(arguments: cases)
  func readsMoneyAsExportsWriteIt(text: String, minorUnits: Int64, currency: String?) {
    #expect(AmountReader.read(text) == .success(Amount(minorUnits: minorUnits, currency: currency)))
  }

  @Test(arguments: ["", "abc", "12a", "1.2.3,4,5", "$", "1,2.3,4"])
  func rejectsWhatIsNotAnAmount(text: String) {
    #expect(AmountReader.read(text) == .failure(.unparseable))
  }

  @Test func rejectsAbsurdAmounts() {
    #expect(AmountReader.read("99999999999999") == .failure(.tooLarge))
  }

  @Test func aConfiguredDecimalCommaReadsAThreeDigitFraction() {
    #expect(AmountReader.read("1,234", decimal: .comma) == .success(Amount(minorUnits: 123, currency: nil)))
    #expect(AmountReader.read("1.234", decimal: .point) == .success(Amount(minorUnits: 123, currency: nil)))
  }
}
