import CSVStream
import Testing

@testable import ReferralCore

@Suite struct DeferredTextsTests {
  /// `texts` interned all at once, with what interning them one by one gives.
  private func bothWays(_ texts: [String], chunkBytes: Int = 1 << 30) -> (
    deferred: (index: IDIndex, positions: [Int32]), oneByOne: (index: IDIndex, positions: [Int32])
  ) {
    var deferred = DeferredTexts(chunkBytes: chunkBytes)
    var index = IDIndex()
    var positions: [Int32] = []
    for (number, text) in texts.enumerated() {
      #expect(text.withByteView { deferred.append($0) } == Int32(number))
      positions.append(Int32(index.insert(text) ?? index.count - 1))
    }
    return (deferred.interned(), (index, positions))
  }

  @Test func distinctTextsAreNumberedInTheOrderTheyFirstAppear() {
    let (deferred, _) = bothWays(["L9", "L2", "L9", "L5", "L2", "L9"])
    // L9 first, then L2, then L5.
    #expect(deferred.index.strings == ["L9", "L2", "L5"])
    #expect(deferred.positions == [0, 1, 0, 2, 1, 0])
  }

  @Test func nothingGatheredIsAnEmptyIndex() {
    var nothing = DeferredTexts()
    let (index, positions) = nothing.interned()
    #expect(index.count == 0)
    #expect(positions.isEmpty)
    #expect(index.position(of: "L1") == nil)
  }

  /// 300,000 texts, 120,000 distinct, in no order, with prefixes and lengths that differ by a
  /// byte: with that many, many pairs of distinct texts share the top 22 bits of their hashes,
  /// so runs that hold several distinct texts are split by bytes.
  @Test func manyTextsGetTheNumbersOneByOneInterningGives() {
    var state: UInt64 = 0x2545_F491_4F6C_DD1D
    let texts = (0..<300_000).map { _ in
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      let value = (state >> 33) % 120_000
      return value % 3 == 0 ? "L\(value)" : value % 3 == 1 ? "0030X\(value)AAA" : "L\(value)-"
    }
    let (deferred, oneByOne) = bothWays(texts)
    #expect(deferred.positions == oneByOne.positions)
    #expect(deferred.index.strings == oneByOne.index.strings)
    #expect(Set(texts).count == deferred.index.count)
  }

  /// Past its chunk of bytes the texts gathered are interned and the next ones gathered afresh:
  /// repeats across chunks keep the number they first had.
  @Test func textsInternedChunkByChunkGetTheSameNumbers() {
    let texts = (0..<2_000).map { "L\(($0 * 7_919) % 613)" } + ["L1", "", "L1", ""]
    let (whole, oneByOne) = bothWays(texts)
    let (chunked, _) = bothWays(texts, chunkBytes: 64)
    #expect(chunked.positions == oneByOne.positions)
    #expect(chunked.index.strings == oneByOne.index.strings)
    #expect(whole.positions == oneByOne.positions)
  }

  @Test func theIndexFindsEveryTextAndTakesNewOnes() {
    var (index, _) = bothWays(["b", "a", "c", "a", ""]).deferred
    #expect(index.strings == ["b", "a", "c", ""])
    #expect(["b", "a", "c", ""].map { index.position(of: $0) } == [0, 1, 2, 3])
    // Merging another input's referrers: a repeat keeps its position, a new text comes last.
    #expect(index.insert("c") == 2)
    #expect(index.insert("d") == nil)
    #expect(index.position(of: "d") == 4)
  }
}
