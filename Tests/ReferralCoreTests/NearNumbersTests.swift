import Testing

@testable import ReferralCore

@Suite struct NearNumbersTests {
  /// Reads every row back.
  private func contents(_ column: NearNumbers) -> [UInt32] { (0..<column.count).map { column[$0] } }

  @Test func idsNumberedAsMadeStayInTwoBytesEitherWayAndAcrossBlocks() {
    // 3,000 rows span three blocks of 1,024: two blocks of ascending ids with gaps of 3, then
    // in the third the marker and descending ids (an export sorted newest first).
    var expected: [UInt32] = (0..<2_048).map { 1_000_000 + UInt32($0) * 3 }
    expected += [.max, .max]
    expected += (0..<950).map { 900_000 - UInt32($0) }
    var column = NearNumbers()
    for number in expected { column.append(number) }
    #expect(!column.isPlain)
    #expect(contents(column) == expected)
    #expect(column.count == 3_000)
    #expect(column.last == UInt32(900_000 - 949))
  }

  @Test func theWholeReachOfABlockFitsAndOneBeyondItTurnsTheColumnPlain() {
    var column = NearNumbers()
    // The block's base is its first number less 32,767: 32,767 either side of 40,000 fits.
    let near: [UInt32] = [40_000, 40_000 - 32_767, 40_000 + 32_767, 0 + 7_233]
    for number in near { column.append(number) }
    #expect(!column.isPlain)
    column.append(40_000 + 32_768)  // one past the reach
    #expect(column.isPlain)
    column.append(.max)
    column.append(.max - 1)
    #expect(contents(column) == near + [72_768, .max, .max - 1])
  }

  @Test func aBlockStartingNearZeroHasBaseZero() {
    var column = NearNumbers()
    for number: UInt32 in [5, 0, 65_534] { column.append(number) }
    #expect(!column.isPlain)
    column.append(65_535)  // 65,535 − 0 is the marker's offset: it does not fit
    #expect(column.isPlain)
    #expect(contents(column) == [5, 0, 65_534, 65_535])
  }

  @Test func aBlockOfMarkersTakesItsBaseFromItsFirstNumber() {
    var column = NearNumbers()
    column.append(.max, count: 1_500)  // the first block and half the second hold no number
    for number: UInt32 in [4_000_000_000, 4_000_000_001] { column.append(number) }
    #expect(!column.isPlain)
    #expect(contents(column) == Array(repeating: .max, count: 1_500) + [4_000_000_000, 4_000_000_001])
  }

  @Test(arguments: 0..<100)
  func readsBackWhatWasAppended(seed: UInt64) {
    var random = SplitMix(seed: seed)
    // Half the seeds walk in small steps (two bytes a row), half jump anywhere now and then.
    let jumpy = seed % 2 == 1
    var number = UInt32(truncatingIfNeeded: random.next() % 4_000_000_000)
    var expected: [UInt32] = []
    for _ in 0..<Int(random.next() % 5_000) {
      let roll = random.next() % 100
      if roll < 5 {
        expected.append(.max)
        continue
      }
      if jumpy && roll == 99 { number = UInt32(truncatingIfNeeded: random.next() % 4_000_000_000) }
      let step = UInt32(truncatingIfNeeded: random.next() % 31)
      number = random.next() % 2 == 0 ? number &+ step : (number >= step ? number - step : number)
      number = min(number, .max - 1)
      expected.append(number)
    }
    var column = NearNumbers()
    for value in expected { column.append(value) }
    #expect(contents(column) == expected)
    #expect(column.count == expected.count)
  }
}
