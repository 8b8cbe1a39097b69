import Testing

@testable import ReferralCore

@Suite struct TextListTests {
  @Test func readsBackEveryTextWhateverItsShape() {
    // Numbered ids first (kept as numbers), then one that is not (every text spelled out).
    let texts = ["CUST-118", "CUST-9", "", "CUST-120", "Ana Lima", "Zoë"]
    let list = TextList(texts)
    #expect(Array(list) == texts)
    #expect(list.count == 6)
    let literal: TextList = ["R1", "R2"]
    #expect(Array(literal) == ["R1", "R2"])
  }

  @Test func precedesIsStringOrderAsciiOrNot() {
    // "e" + a combining acute accent is "é" to `String` (after "f"), but its first byte is
    // "e" (before "f"): non-ASCII texts are compared as `String`s.
    let texts = ["CUST-9", "CUST-10", "e\u{301}", "f", "Zoë", "Zoe"]
    let list = TextList(texts)
    for a in texts.indices {
      for b in texts.indices {
        #expect(list.precedes(a, b) == (texts[a] < texts[b]), "\(texts[a]) < \(texts[b])")
      }
    }
  }
}
