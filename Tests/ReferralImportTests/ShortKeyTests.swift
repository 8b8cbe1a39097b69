import CSVStream
import Testing

@testable import ReferralImport

@Suite struct ShortKeyTests {
  func key(_ bytes: [UInt8]) -> ShortKey? { bytes.withByteView { ShortKey($0) } }

  @Test(arguments: 0...16)
  func everyByteOfAShortValueCounts(length: Int) {
    let value = (0..<length).map { UInt8(0x41 + $0) }
    #expect(key(value) != nil)
    #expect(key(value) == key(value))
    for position in 0..<length {
      var changed = value
      changed[position] = 0x7A
      #expect(key(changed) != key(value), "byte \(position) of \(length)")
    }
    #expect(key(value) != key(value + [0]), "a longer value with a zero byte")
  }

  @Test func longerValuesHaveNoKey() {
    #expect(key(Array(repeating: 0x41, count: 17)) == nil)
  }
}
