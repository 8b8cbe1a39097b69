@testable import ReferralCore
import Testing

/// Property: whatever ids arrive in whatever order — sorted or not, numbered or not, of one
/// shape and then another, empty — the index answers as a dictionary would: a repeat returns
/// the first position, every id is found at its position and reads back as written. 300 runs
/// from fixed seeds, so a failure repeats; they drive the index through its sorted, numbered,
/// spelled-out and hashed states and the switches between them.
@Suite struct IDIndexPropertyTests {
  /// SplitMix64, so every seed gives the same ids on every machine.
  struct Random {
    var state: UInt64
    mutating func next(_ bound: Int) -> Int {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return Int((z ^ (z >> 31)) % UInt64(bound))
    }
  }

  static func padded(_ number: Int, _ width: Int) -> String {
    let digits = String(number)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
  }

  /// Ids of a few shapes CRMs use, mostly rising (as exports are sorted), now and then a step
  /// back (repeating ids), another shape or an empty id.
  static func ids(seed: UInt64) -> [String] {
    var random = Random(state: seed)
    var counter = random.next(1_000)
    let count = 1 + random.next(400)
    let shape = random.next(4)
    let calm = random.next(2) == 0  // half the runs stay sorted (mostly), half are disturbed often
    return (0..<count).map { _ in
      switch random.next(calm ? 4_000 : 40) {
      case 0: return ""
      case 1: counter = max(0, counter - random.next(50))  // a step back
      case 2: return "X" + String(random.next(99))  // another shape
      default: counter += 1 + random.next(random.next(3) == 0 ? 1_000 : 2)
      }
      switch shape {
      case 0: return "L" + padded(counter, 7)
      case 1: return "CUST-" + String(counter)
      case 2: return String(counter)
      default: return "00Q5e" + padded(counter, 10) + "AbC"
      }
    }
  }

  @Test(arguments: 0..<300)
  func theIndexAnswersAsADictionaryWould(seed: Int) {
    var index = IDIndex()
    var model: [String: Int] = [:]
    var order: [String] = []
    for id in Self.ids(seed: UInt64(seed)) {
      let answer = index.insert(id)
      #expect(answer == model[id], "insert \(id)")
      if model[id] == nil {
        model[id] = order.count
        order.append(id)
      }
    }
    #expect(index.count == order.count)
    for (position, id) in order.enumerated() {
      #expect(index[position] == id)
      #expect(index.position(of: id) == position)
    }
    for missing in ["L0000000", "CUST-", "X100", "zz", "L99999999"] where model[missing] == nil {
      #expect(index.position(of: missing) == nil)
    }
    var joined = index
    joined.prepareForLookups()
    for (position, id) in order.enumerated() { #expect(joined.position(of: id) == position) }
  }

  @Test func theRunsCoverSortedAndHashedIndexes() {
    var hashed = 0
    for seed in 0..<300 {
      var index = IDIndex()
      for id in Self.ids(seed: UInt64(seed)) { _ = index.insert(id) }
      if index.keepsHashTable { hashed += 1 }
    }
    #expect(hashed > 30 && hashed < 270)
  }
}
