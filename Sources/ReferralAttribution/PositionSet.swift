/// A set of positions (of leads, of referrers), one bit each: the sections that mark leads
/// or referrers (asked, referred someone, counted) keep an eighth of what an array of `Bool`
/// costs (10 MB a section at 10M leads).
struct PositionSet: Sendable {
  private var words: [UInt64]

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
