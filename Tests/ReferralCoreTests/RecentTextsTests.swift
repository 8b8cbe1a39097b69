import CSVStream
import Testing

@testable import ReferralCore

@Suite struct RecentTextsTests {
  /// Each text's position through the cache, next to the index's own answer for it.
  private func positions(_ texts: [String]) -> (cached: [Int], index: IDIndex) {
    var recent = RecentTexts()
    var index = IDIndex()
    let cached = texts.map { text in text.withByteView { recent.position(of: $0, in: &index) } }
    return (cached, index)
  }

  @Test func aRepeatedTextHasThePositionItFirstTook() {
    let (cached, index) = positions(["Partner", "Web", "Partner", "", "Web", "", "Partner"])
    #expect(cached == [0, 1, 0, 2, 1, 2, 0])
    #expect(index.strings == ["Partner", "Web", ""])
  }

  /// Same length, same first and last eight bytes: one slot, told apart by the index.
  @Test func textsThatShareTheirSlotAreToldApart() {
    let texts = ["Acme Corp - North - Ltd", "Acme Corp - South - Ltd", "Acme Corp - North - Ltd", "Acme Corp - South - Ltd"]
    let (cached, index) = positions(texts)
    #expect(cached == [0, 1, 0, 1])
    #expect(index.count == 2)
  }

  @Test func shortAndLongTextsAndManyOfThemKeepTheIndexsPositions() {
    // 5,000 distinct texts (more than the slots), each seen three times in a shuffled order.
    var state: UInt64 = 7
    let texts = (0..<15_000).map { _ in
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      let value = Int(state >> 33) % 5_000
      return value % 2 == 0 ? "c\(value)" : "Company number \(value), Inc."
    }
    let (cached, index) = positions(texts)
    #expect(cached == texts.map { index.position(of: $0)! })
  }
}
