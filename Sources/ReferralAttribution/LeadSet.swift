/// A set of leads by position, one bit each: the sections that mark leads (asked, referred
/// someone) keep an eighth of what an array of `Bool` costs (10 MB at 10M leads).
struct LeadSet: Sendable {
  private var words: [UInt64]

  /// An empty set of leads `0..<count`.
  init(count: Int) { words = Array(repeating: 0, count: (count + 63) / 64) }

  mutating func insert(_ lead: Int) { words[lead >> 6] |= 1 << UInt64(lead & 63) }

  func contains(_ lead: Int) -> Bool { words[lead >> 6] & (1 << UInt64(lead & 63)) != 0 }
}
