import CSVStream

/// The positions in an ``IDIndex`` of texts seen lately, by a quick hash of their length and
/// their first and last eight bytes: a column of a few hundred values (sources, owners,
/// companies) finds nearly every cell here with one comparison, instead of hashing all of it
/// and probing the index. A text not found here, or whose slot another took, goes to the index
/// and takes the slot: the index stays the one that decides.
package struct RecentTexts: Sendable {
  /// Slots for 4,096 texts (16 KB, which stay in the processor's cache): few enough that a
  /// column of 900 companies rarely has two in one slot.
  private static let bits = 12
  private var positions = [Int32](repeating: -1, count: 1 << bits)

  package init() {}

  /// The position of `text` in `index`, where it is added when new.
  package mutating func position(of text: ByteView, in index: inout IDIndex) -> Int {
    let slot = Self.slot(text)
    let cached = Int(positions[slot])
    if cached >= 0, index.id(at: cached, is: text) { return cached }
    let position = index.insert(text) ?? index.count - 1
    positions[slot] = Int32(position)
    return position
  }

  /// Two multiplications: texts that differ only past their first and last eight bytes share
  /// a slot, and only take it from each other.
  private static func slot(_ text: ByteView) -> Int {
    let count = text.count
    var first: UInt64 = 0
    var last: UInt64 = 0
    if count >= 8 {
      (first, last) = text.edgeWords
    } else {
      for offset in 0..<count { first = first << 8 | UInt64(text[offset]) }
    }
    let mixed = ((UInt64(truncatingIfNeeded: count) ^ first) &* 0x9E37_79B9_7F4A_7C15 ^ last) &* 0xBF58_476D_1CE4_E5B9
    return Int(truncatingIfNeeded: mixed >> UInt64(64 - bits))
  }
}
