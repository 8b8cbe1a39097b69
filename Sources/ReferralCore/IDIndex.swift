/// The position of every id of a table (leads, deals), built while importing and used again
/// for the join, so a million ids are hashed once, not once per stage.
///
/// Open addressing with linear probing over `Int32` slots and a fast multiplicative hash of
/// the id's UTF-8 bytes: cheaper than `Dictionary<String, Int>`'s per-lookup `Hasher` setup.
public struct IDIndex: Sendable {
  private var slots: [Int32]
  private var mask: Int
  /// The ids, in insertion order; an id's position is its index in the table.
  public private(set) var ids: [String] = []

  public init(expectedCount: Int = 16) {
    var capacity = 16
    while capacity < expectedCount * 2 { capacity <<= 1 }
    slots = Array(repeating: -1, count: capacity)
    mask = capacity - 1
    ids.reserveCapacity(expectedCount)
  }

  /// An index of `ids`, in order; a repeated id keeps its first position.
  public init(ids: [String]) {
    self.init(expectedCount: ids.count)
    for id in ids { _ = insert(id) }
  }

  public var count: Int { ids.count }

  /// The position of `id`, or `nil`.
  public func position(of id: String) -> Int? {
    var slot = Self.hash(id) & mask
    while true {
      let entry = slots[slot]
      if entry < 0 { return nil }
      if ids[Int(entry)] == id { return Int(entry) }
      slot = (slot + 1) & mask
    }
  }

  /// Adds `id` at the next position and returns `nil`, or returns the position it already has.
  public mutating func insert(_ id: String) -> Int? {
    if ids.count * 2 >= slots.count { grow() }
    var slot = Self.hash(id) & mask
    while true {
      let entry = slots[slot]
      if entry < 0 {
        slots[slot] = Int32(ids.count)
        ids.append(id)
        return nil
      }
      if ids[Int(entry)] == id { return Int(entry) }
      slot = (slot + 1) & mask
    }
  }

  private mutating func grow() {
    let capacity = slots.count * 2
    slots = Array(repeating: -1, count: capacity)
    mask = capacity - 1
    for (position, id) in ids.enumerated() {
      var slot = Self.hash(id) & mask
      while slots[slot] >= 0 { slot = (slot + 1) & mask }
      slots[slot] = Int32(position)
    }
  }

  /// FNV-1a over the bytes, finished with a multiply-xorshift so that sequential ids spread.
  static func hash(_ id: String) -> Int {
    var copy = id
    let h = copy.withUTF8 { bytes -> UInt64 in
      var h: UInt64 = 0xCBF2_9CE4_8422_2325
      for byte in bytes { h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
      return h
    }
    let mixed = (h ^ (h >> 29)) &* 0xBF58_476D_1CE4_E5B9
    return Int(truncatingIfNeeded: mixed ^ (mixed >> 32))
  }
}
