import CSVStream
import Testing

@testable import ReferralCore

@Suite struct IDIndexTests {
  @Test func positionsFollowInsertionAndRepeatsReturnTheFirst() {
    var index = IDIndex()
    #expect(index.insert("L1") == nil)
    #expect(index.insert("L2") == nil)
    #expect(index.insert("L1") == 0)
    #expect(index.position(of: "L2") == 1)
    #expect(index.position(of: "L3") == nil)
    #expect(index.strings == ["L1", "L2"])
    #expect(index[1] == "L2")
  }

  @Test func survivesGrowingFarPastItsFirstCapacity() {
    var index = IDIndex()
    let ids = (0..<50_000).map { "00Q\($0 * 7919)-é" }
    for id in ids { #expect(index.insert(id) == nil) }
    #expect(index.count == ids.count)
    for (position, id) in ids.enumerated() where position % 97 == 0 { #expect(index.position(of: id) == position) }
    #expect(index.position(of: "") == nil)
  }

  @Test func idsOfEveryLengthAndTheEmptyOneAreKeptApart() {
    var index = IDIndex()
    let ids = ["", "a", "ab", "abcdefg", "abcdefgh", "abcdefghi", "abcdefghabcdefgh", "abcdefghabcdefgh1", "abcdefgh\u{0}"]
    for id in ids { #expect(index.insert(id) == nil) }
    for (position, id) in ids.enumerated() { #expect(index.position(of: id) == position) }
    #expect(index.position(of: "abcdefgi") == nil)
  }

  @Test func reservingAheadKeepsEveryPosition() {
    var index = IDIndex()
    index.reserveCapacity(10_000, averageLength: 6)
    for n in 0..<10_000 { #expect(index.insert("D\(n)") == nil) }
    #expect(index.position(of: "D9999") == 9999)
    #expect(index.insert("D0") == 0)
  }
}

@Suite struct TextColumnWidthTests {
  @Test func idsOfOneLengthAndThenAnotherAreAllFound() {
    var index = IDIndex()
    let same = (0..<1000).map { "L" + String(1_000_000 + $0) }  // all 8 bytes
    for id in same { #expect(index.insert(id) == nil) }
    #expect(index.insert("L12") == nil)  // the first of another length
    #expect(index.insert("") == nil)
    for (position, id) in same.enumerated() { #expect(index.position(of: id) == position) }
    #expect(index[1000] == "L12" && index[1001] == "" && index[999] == same[999])
    #expect(index.position(of: "L12") == 1000 && index.position(of: "") == 1001)
  }

  @Test func emptyTextsKeepTheCommonWidthAndSurviveTheSwitchToOffsets() {
    var column = TextColumn()
    let texts = ["", "D0000001", "", "D0000002"] + Array(repeating: "", count: 70) + ["D0000003"]
    for text in texts { text.withByteView { column.append($0) } }
    func all() -> [String] { (0..<column.count).map { column[$0] } }
    #expect(all() == texts)
    #expect(column.isEmpty(0) && !column.isEmpty(1) && column.isEmpty(72) && !column.isEmpty(74))
    "D1".withByteView { #expect(!column.equals(3, $0)) }
    "D0000002".withByteView { #expect(column.equals(3, $0)) }
    "L12".withByteView { column.append($0) }  // another length: offsets from here on
    "".withByteView { column.append($0) }
    #expect(all() == texts + ["L12", ""])
    #expect(column.isEmpty(2) && column.isEmpty(76) && !column.isEmpty(75))
  }

  /// Every length up to 25 bytes, each differing from the stored text in one byte at every
  /// position in turn: word-wise comparison must look at every byte, and only at those.
  @Test func equalityLooksAtEveryByteOfEveryLength() {
    var column = TextColumn()
    let texts: [String] = (0...25).map { length in
      let bytes: [UInt8] = (0..<length).map { offset in UInt8(0x61 + (offset * 7 + length) % 26) }
      return String(decoding: bytes, as: UTF8.self)
    }
    for text in texts { text.withByteView { column.append($0) } }
    for (position, text) in texts.enumerated() {
      text.withByteView { #expect(column.equals(position, $0)) }
      (text + "x").withByteView { #expect(!column.equals(position, $0)) }
      for changed in 0..<text.utf8.count {
        var bytes = Array(text.utf8)
        bytes[changed] ^= 0x20
        bytes.withByteView { #expect(!column.equals(position, $0)) }
      }
    }
  }
}

@Suite struct TextColumnTests {
  func column(_ texts: [String]) -> TextColumn {
    var column = TextColumn()
    for text in texts { text.withByteView { column.append($0) } }
    return column
  }

  func all(_ column: TextColumn) -> [String] { (0..<column.count).map { column[$0] } }

  @Test(arguments: [
    ["L0000001", "", "L0000002", "L9999999"],
    ["", "CUST-125", "CUST-7", "CUST-100000000"],
    ["L0000001", "M0000002", "L1"],
    ["00Q5e000001AbCdEAF", "00Q5e000001AbCdEAG"],
    ["ÉTÉ-12", "ÉTÉ-13", ""],  // multi-byte
  ])
  func textsReadBackAsWrittenWhateverTheirShape(texts: [String]) {
    let column = column(texts)
    #expect(all(column) == texts)
    for (position, text) in texts.enumerated() {
      text.withByteView { #expect(column.equals(position, $0)) }
      #expect(column.isEmpty(position) == text.isEmpty)
    }
  }

  @Test func numbersOfTheSameShapeButOtherTextsDoNotMatch() {
    let column = column(["L0000042", "CUST"])
    let numbered = self.column(["L0000042", "L0000043"])
    for text in ["L42", "L00000042", "K0000042", "L000004x", ""] {
      text.withByteView {
        #expect(!numbered.equals(0, $0))
        #expect(!column.equals(0, $0))
      }
    }
  }

  @Test func anIndexOfNumberedIdsFindsEveryIdAndTellsDuplicates() {
    var index = IDIndex()
    index.reserveCapacity(5_000, averageLength: 8)
    for n in 1...5_000 { #expect(index.insert("L" + String(n).leftPadded(to: 7)) == nil) }
    #expect(index.insert("L0004711") == 4_710)
    #expect(index.insert("L4711") == nil)  // another width: another id
    #expect(index.position(of: "L0004711") == 4_710 && index[4_710] == "L0004711")
    #expect(index.precedes(0, 1) && !index.precedes(1, 0))
  }
}

extension String {
  fileprivate func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}

@Suite struct SortedIDIndexTests {
  func index(_ ids: [String]) -> IDIndex {
    var index = IDIndex()
    for id in ids { _ = index.insert(id) }
    return index
  }

  static let padded: [String] = (0..<3_000).map { "L" + String(1_000_000 + $0 * 7).leftPadded(to: 8) }
  static let unpadded: [String] = [""] + (0..<3_000).map { "CUST-" + String(10_000 + $0) }
  static let salesforceLike: [String] = (0..<3_000).map { "00Q5e" + String(100_000 + $0) + "AbCd" }
  static let unevenGaps: [String] = (0..<2_000).map { "L" + String($0 * $0).leftPadded(to: 9) } + ["L999999999"]
  /// Prefixes of one another and zero bytes: the first eight bytes of every id the same, across
  /// many samples.
  static let sharedKeys: [String] = (0..<100).map { "A" + String(repeating: "\u{0}", count: $0) }

  /// Zero-padded numbers (evenly and unevenly spread), numbers without padding and other ids
  /// are all found by halving; an empty id sorts first. A repeat, of the last id too, keeps the
  /// ids sorted.
  @Test(arguments: [padded, unpadded, salesforceLike, unevenGaps, sharedKeys])
  func sortedIdsNeedNoHashTableAndAreAllFound(ids: [String]) {
    var index = index(ids)
    #expect(!index.keepsHashTable)
    for (position, id) in ids.enumerated() { #expect(index.position(of: id) == position) }
    let missing = ["L00999999", "L01000001", "L000000002", "L999999998", "CUST-9", "CUST-100000", "zzz", "L", ""]
    for missing in missing where !ids.contains(missing) {
      #expect(index.position(of: missing) == nil)
    }
    #expect(index.insert(ids[ids.count / 2]) == ids.count / 2)
    #expect(index.insert(ids[ids.count - 1]) == ids.count - 1)  // the last one again
    #expect(!index.keepsHashTable && index.sortedCount == ids.count && index.count == ids.count)
  }

  /// The ten-millionth lead of a sorted export (`L10000000` after `L9999999`) and a few more
  /// out of order are hashed; the sorted ids stay sorted (halved, ordered by position).
  @Test func aFewIdsOutOfOrderLeaveTheSortedOnesSorted() {
    let sorted = (9_999_976...9_999_999).map { "L\($0)" }
    var index = index(sorted + ["L10000000", "L10000001"])
    #expect(index.keepsHashTable && index.sortedCount == 24)
    #expect(index.insert("L9999977") == 1 && index.insert("L10000001") == 25 && index.insert("L0000001") == nil)
    #expect(index.count == 27 && index.sortedCount == 24)
    for (position, id) in (sorted + ["L10000000", "L10000001", "L0000001"]).enumerated() { #expect(index.position(of: id) == position) }
    #expect(index.position(of: "L9999975") == nil && index.position(of: "L10000002") == nil)
    // Byte order, between sorted and hashed ids alike.
    #expect(index.precedes(0, 23) && !index.precedes(23, 0) && index.precedes(24, 0) && index.precedes(26, 24) && !index.precedes(1, 26))
  }

  /// More ids out of order than an eighth of the sorted ones: the export is not sorted after
  /// all, and every id is hashed (a halving per new id would cost more).
  @Test func manyIdsOutOfOrderHashEveryId() {
    var index = index((10..<26).map { "L\($0)" })
    for id in ["L01", "L02"] { #expect(index.insert(id) == nil) }
    #expect(index.sortedCount == 16)
    #expect(index.insert("L03") == nil && index.sortedCount == 0)
    for (position, id) in ((10..<26).map { "L\($0)" } + ["L01", "L02", "L03"]).enumerated() { #expect(index.position(of: id) == position) }
    #expect(index.insert("L30") == nil && index.sortedCount == 0 && index.position(of: "L30") == 19)
  }

  /// A list of ids looked up at once answers as one lookup each, in the list's order, whether
  /// the index is small or holds more sorted ids than the cache (then the lookups are made in
  /// the ids' order), from a slice that does not start at 0, with ids missing and repeated.
  @Test(arguments: [3_000, 70_000])
  func manyIdsLookedUpAtOnceAnswerInTheirOrder(count: Int) {
    let ids = (0..<count).map { "L" + String($0 * 3).leftPadded(to: 7) }
    let index = index(ids)
    var random = SplitMix(seed: 7)
    let asked = ["none", "L0000001"] + (0..<5_000).map { _ in ids[random.int(0...(count - 1))] } + ["L" + String(count * 3)]
    let slice = asked[1...]
    #expect(index.positions(of: slice, none: -1) == slice.map { id in index.position(of: id).map(Int32.init) ?? -1 })
    #expect(index.positions(of: slice, none: -1).first == -1 && index.positions(of: slice, none: -1).last == -1)
  }

  /// Another table's ids looked up in the order they come (a deals export's leads): mostly a
  /// few after the one before, found near it; ids missing between two sorted ones, ids before
  /// the one found last, far after it, hashed (out of order) and empty ones answer as one
  /// lookup each would.
  @Test func anotherTablesIdsInTheirOrderAnswerAsOneLookupEach() {
    let ids = (0..<1_000).map { "L" + String($0 * 3).leftPadded(to: 7) } + ["L0000001", "L9999999"]
    let index = index(ids)
    #expect(index.keepsHashTable && index.sortedCount == 1_000)
    var random = SplitMix(seed: 11)
    var step = 0
    let walked: [String] = (0..<4_000).map { _ in
      switch random.int(0...19) {
      case 0: return ""
      case 1: return ids[random.int(0...(ids.count - 1))]  // anywhere, the hashed ids too
      case 2: return "L" + String(step * 3 + 1).leftPadded(to: 7)  // between two sorted ids
      case 3: return "L" + String(5_000).leftPadded(to: 7)  // past every sorted id
      default:
        step = (step + random.int(0...13)) % 1_000  // and back to the start now and then
        return ids[step]
      }
    }
    // (After `ids[0]`, the hashed `L0000001` is between two sorted ids near it.)
    let asked = walked + ["L9999999", ids[500], "L0000001", ids[0], "L0000001", ids[999]]
    var column = TextColumn()
    for id in asked { id.withByteView { column.append($0) } }
    let expected = asked.map { id in id.isEmpty ? Int32(-1) : index.position(of: id).map(Int32.init) ?? -2 }
    #expect(index.positions(ofTexts: 0..<asked.count, in: column, none: -1, unmatched: -2) == expected)
    #expect(Set(expected).isSuperset(of: [-1, -2, 1_000, 1_001]))
  }

  @Test func anIdOutOfOrderBuildsTheTableAndNothingIsLost() {
    var index = index(["L0000002", "L0000005"])
    #expect(index.insert("L0000003") == nil && index.keepsHashTable)
    #expect(index.insert("L0000005") == 1 && index.position(of: "L0000003") == 2)
  }

  @Test func joinsPrepareAHashTable() {
    var texts = index(["00Q5eAbCd", "00Q5eAbCe"])
    #expect(!texts.keepsHashTable)
    texts.prepareForLookups()
    #expect(texts.keepsHashTable && texts.position(of: "00Q5eAbCe") == 1)
  }
}
