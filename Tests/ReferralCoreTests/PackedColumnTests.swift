import Testing

@testable import ReferralCore

@Suite struct PackedColumnTests {
  @Test func valuesAndGapsSurviveEveryWidening() {
    var column = PackedColumn<Int32>()
    var expected: [Int32?] = [0, nil, 254, 7]
    for value in expected { column.append(value) }
    #expect(column.width == 1)
    for value: Int32? in [255, nil, 65_534] {  // 255 is the 1-byte gap mark: 2 bytes from here
      column.append(value)
      expected.append(value)
    }
    #expect(column.width == 2)
    for value: Int32? in [65_535, nil, Int32.max] {
      column.append(value)
      expected.append(value)
    }
    #expect(column.width == 4)
    for value: Int32? in [-20_000, nil] {  // negative: the full lane
      column.append(value)
      expected.append(value)
    }
    #expect(column.width == 0)
    #expect((0..<column.count).map { column[$0] } == expected)
  }

  @Test func updateRewritesValuesAndKeepsGaps() {
    var column = PackedColumn<Int32>()
    for value: Int32? in [3, nil, 200] { column.append(value) }
    column.update { $0 * 1_000 }  // 200,000 needs 4 bytes: the update widens
    #expect((0..<column.count).map { column[$0] } == [3_000, nil, 200_000])
    #expect(column.width == 4)
  }

  @Test func aOneByteColumnIsRenumberedInPlaceEachValueTransformedOnce() {
    var column = PackedColumn<Int32>()
    for value: Int32? in [3, nil, 7, 3, 254, 7] { column.append(value) }
    var calls: [Int32] = []
    column.update { value in
      calls.append(value)
      return value == 254 ? 0 : value + 10
    }
    #expect((0..<column.count).map { column[$0] } == [13, nil, 17, 13, 0, 17])
    #expect(column.width == 1)
    #expect(calls == [3, 7, 254])
  }

  @Test func amountsTakeFourBytesUntilOneIsNegativeOrLarger() {
    var column = PackedColumn<Int64>()
    var expected: [Int64?] = [2_982_000, nil, 0, Int64(UInt32.max) - 1]
    for value in expected { column.append(value) }
    #expect(column.width == 4)
    for value: Int64? in [Int64(UInt32.max), -150, nil] {
      column.append(value)
      expected.append(value)
    }
    #expect(column.width == 0 && (0..<column.count).map { column[$0] } == expected)
  }
}
