/// A set of positions (of leads, of referrers), one bit each: the sections that mark leads
/// or referrers (asked, referred someone, counted) keep an eighth of what an array of `Bool`
/// costs (10 MB a section at 10M leads).
struct PositionSet: Sendable {
  fileprivate var words: [UInt64]

  /// An empty set of positions `0..<count`.
  init(count: Int) { words = Array(repeating: 0, count: (count + 63) / 64) }

  /// Adds `position`; whether it was not in the set yet.
  @discardableResult
  mutating func insert(_ position: Int) -> Bool {
    let bit: UInt64 = 1 << UInt64(position & 63)
    defer { words[position >> 6] |= bit }
    return words[position >> 6] & bit == 0
  }

  func contains(_ position: Int) -> Bool { words[position >> 6] & (1 << UInt64(position & 63)) != 0 }
}

/// A finished ``PositionSet`` that also says each member's place among the members, in
/// constant time (its bit, then the members before its word, counted once per 64 positions):
/// a table kept for the members only (``FirstWins``) is read by that place.
struct RankedPositions: Sendable {
  private let words: [UInt64]
  /// Members before each word.
  private let before: [Int32]
  /// How many members there are.
  let count: Int

  init(_ set: PositionSet) {
    words = set.words
    var before: [Int32] = []
    before.reserveCapacity(words.count)
    var total = 0
    for word in words {
      before.append(Int32(total))
      total += word.nonzeroBitCount
    }
    (self.before, count) = (before, total)
  }

  /// The place of `position` among the members, or `nil` when it is not one.
  @inline(__always)
  func rank(of position: Int) -> Int? {
    let (word, bit) = (position >> 6, UInt64(position & 63))
    let bits = words[word]
    guard bits >> bit & 1 == 1 else { return nil }
    return Int(before[word]) + (bits & ((1 << bit) &- 1)).nonzeroBitCount
  }
}
