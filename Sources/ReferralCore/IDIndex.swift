/// The position of every id of a table (leads, deals), built while importing and used again
/// for the join, so a million ids are hashed once, not once per stage.
///
/// Open addressing with linear probing and a fast hash of the id's UTF-8 bytes: cheaper than
/// `Dictionary<String, Int>`'s per-lookup `Hasher` setup. A slot holds the position and 32
/// bits of the hash, so most mismatches are settled without touching the ids.
public struct IDIndex: Sendable {
  /// `position + 1` in the low 32 bits (0: empty), hash bits in the high 32.
  private var slots: [UInt64]
  private var mask: Int
  /// The ids, in insertion order; an id's position is its index in the table.
  public private(set) var ids: [String] = []

  public init(expectedCount: Int = 16) {
    var capacity = 16
    while capacity < expectedCount * 2 { capacity <<= 1 }
    slots = Array(repeating: 0, count: capacity)
    mask = capacity - 1
    ids.reserveCapacity(expectedCount)
  }

  public var count: Int { ids.count }

  /// The position of `id`, or `nil`.
  public func position(of id: String) -> Int? {
    let hash = Self.hash(id)
    var slot = Int(truncatingIfNeeded: hash) & mask
    while true {
      let entry = slots[slot]
      if entry == 0 { return nil }
      if entry >> 32 == hash >> 32, ids[Int(entry & 0xFFFF_FFFF) - 1] == id { return Int(entry & 0xFFFF_FFFF) - 1 }
      slot = (slot + 1) & mask
    }
  }

  /// Adds `id` at the next position and returns `nil`, or returns the position it already has.
  public mutating func insert(_ id: String) -> Int? {
    if ids.count * 2 >= slots.count { grow() }
    let hash = Self.hash(id)
    var slot = Int(truncatingIfNeeded: hash) & mask
    while true {
      let entry = slots[slot]
      if entry == 0 {
        slots[slot] = hash & 0xFFFF_FFFF_0000_0000 | UInt64(ids.count + 1)
        ids.append(id)
        return nil
      }
      if entry >> 32 == hash >> 32, ids[Int(entry & 0xFFFF_FFFF) - 1] == id { return Int(entry & 0xFFFF_FFFF) - 1 }
      slot = (slot + 1) & mask
    }
  }

  /// Makes room for `count` ids without growing again.
  public mutating func reserveCapacity(_ count: Int) {
    ids.reserveCapacity(count)
    var capacity = slots.count
    while capacity < count * 2 { capacity <<= 1 }
    if capacity > slots.count { grow(to: capacity) }
  }

  private mutating func grow() { grow(to: slots.count * 2) }

  private mutating func grow(to capacity: Int) {
    let old = slots
    slots = Array(repeating: 0, count: capacity)
    mask = slots.count - 1
    for entry in old where entry != 0 {
      let hash = Self.hash(ids[Int(entry & 0xFFFF_FFFF) - 1])
      var slot = Int(truncatingIfNeeded: hash) & mask
      while slots[slot] != 0 { slot = (slot + 1) & mask }
      slots[slot] = entry
    }
  }

  /// FNV-1a over the bytes, finished with a multiply-xorshift so that sequential ids spread.
  static func hash(_ id: String) -> UInt64 {
    var copy = id
    let h = copy.withUTF8 { bytes -> UInt64 in
      var h: UInt64 = 0xCBF2_9CE4_8422_2325
      for byte in bytes { h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
      return h
    }
    let mixed = (h ^ (h >> 29)) &* 0xBF58_476D_1CE4_E5B9
    return mixed ^ (mixed >> 32)
  }
}
