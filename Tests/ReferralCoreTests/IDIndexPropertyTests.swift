import Testing

@testable import ReferralCore

/// Property: whatever ids arrive in whatever order — sorted or not, numbered or not, of one
/// shape and then another, empty — the index answers as a dictionary would: a repeat returns
/// the first position, every id is found at its position and reads back as written. 300 runs
/// from fixed seeds, so a failure repeats; they drive the index through its sorted, mixed and
/// hashed states and the switches between them.
@Suite struct IDIndexPropertyTests {
  static func padded(_ number: Int, _ width: Int) -> String {
    let digits = String(number)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
  }

  /// Ids of a few shapes CRMs use, mostly rising (as exports are sorted), now and then a step
  /// back (repeating ids), another shape, an empty id, or stragglers at the end (new ids that
  /// sort before the others, as `L10000000` after `L9999999`).
  static func ids(seed: UInt64) -> [String] {
    var random = SplitMix(seed: seed)
    var counter = random.int(0...999)
    let count = 1 + random.int(0...399)
    let shape = random.int(0...3)
    // A third of the runs stay sorted (mostly), a third end with stragglers, a third are
    // disturbed often.
    let mode = random.int(0...2)
    return (0..<count).map { index in
      if mode == 1, index >= count - 3, random.chance(1 / 2) { return "!" + String(random.int(0...999)) }
      switch random.int(0...(mode < 2 ? 3_999 : 39)) {
      case 0: return ""
      case 1: counter = max(0, counter - random.int(0...49))  // a step back
      case 2: return "X" + String(random.int(0...98))  // another shape
      default: counter += 1 + random.int(0...(random.chance(1 / 3) ? 999 : 1))
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
    // `precedes` is the ids' byte order, whether the index is still sorted (positions are
    // compared) or hashed (the ids are): neighbours and a few far pairs.
    for (a, b) in zip(order.indices, order.indices.dropFirst()) + [(0, order.count - 1), (order.count - 1, 0), (order.count / 2, 0)] {
      #expect(index.precedes(a, b) == Array(order[a].utf8).lexicographicallyPrecedes(Array(order[b].utf8)), "\(order[a]) < \(order[b])")
    }
    var joined = index
    joined.prepareForLookups()
    for (position, id) in order.enumerated() { #expect(joined.position(of: id) == position) }
  }

  /// The runs end in each of the index's states: every id sorted, sorted ids with a few hashed
  /// after them, every id hashed.
  @Test func theRunsCoverSortedMixedAndHashedIndexes() {
    var states = (sorted: 0, mixed: 0, hashed: 0)
    for seed in 0..<300 {
      var index = IDIndex()
      for id in Self.ids(seed: UInt64(seed)) { _ = index.insert(id) }
      switch index.sortedCount {
      case index.count: states.sorted += 1
      case 0: states.hashed += 1
      default: states.mixed += 1
      }
    }
    #expect(states.sorted > 20 && states.mixed > 20 && states.hashed > 20, "\(states)")
  }
}
