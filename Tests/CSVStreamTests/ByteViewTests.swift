import CSVStream
import ReferralCore
import Testing

/// `ByteView.order` compares eight bytes at a time: it must still give the byte-by-byte order
/// (a prefix first, bytes unsigned) that `[UInt8]`'s lexicographic order gives.
@Suite struct ByteViewTests {
  static func order(_ a: [UInt8], _ b: [UInt8]) -> Int { a.withByteView { x in b.withByteView { x.order($0) } } }

  static func sign(_ value: Int) -> Int { value < 0 ? -1 : value > 0 ? 1 : 0 }

  @Test func ordersByTheFirstByteThatDiffersThenByLength() {
    // The ninth byte differs: the second word decides.
    #expect(Self.order(Array("L00000001".utf8), Array("L00000002".utf8)) < 0)
    // The first byte differs inside the first word, a later byte of it the other way.
    #expect(Self.order(Array("B0000000".utf8), Array("A9999999".utf8)) > 0)
    // Unsigned: 0xC3 (é's first byte) sorts after "z".
    #expect(Self.order(Array("caf\u{E9}".utf8), Array("cafz".utf8)) > 0)
    // A prefix first; equal bytes are zero.
    #expect(Self.order(Array("L1000000".utf8), Array("L10000000".utf8)) < 0)
    #expect(Self.order(Array("L9999999".utf8), Array("L10000000".utf8)) > 0)
    #expect(Self.order(Array("same-id-1234".utf8), Array("same-id-1234".utf8)) == 0)
    #expect(Self.order([], []) == 0 && Self.order([], [0]) < 0)
  }

  /// 2,000 pairs of 0–20 bytes from a fixed seed, often sharing a prefix, against the
  /// standard library's order.
  @Test func agreesWithLexicographicOrder() {
    var random = SplitMix(seed: 7)
    for _ in 0..<2_000 {
      let a = (0..<random.int(0...20)).map { _ in UInt8(random.int(0...255)) }
      var b = Array(a.prefix(random.int(0...a.count)))
      b += (0..<random.int(0...4)).map { _ in UInt8(random.int(0...255)) }
      let expected = a == b ? 0 : a.lexicographicallyPrecedes(b) ? -1 : 1
      #expect(Self.sign(Self.order(a, b)) == expected, "\(a) vs \(b)")
    }
  }
}
