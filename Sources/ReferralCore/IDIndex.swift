// Public, not package: its per-lookup functions are inlined into other modules, which Swift 6.3
// does only for public bodies; see docs/PERFORMANCE.md.

import CSVStream

/// The position of every id of a table (leads, deals, payouts, interned texts), built while
/// importing and used again for the join, so each id is hashed once per stage, never turned
/// into a `String` on the way.
///
/// The ids' bytes live back to back in one ``TextColumn``. While every id added came after the
/// one before, byte by byte (exports sorted by id, as most are), that is all: a new id is told
/// from a repeated one by comparing it with the last, and an id is found by halving the sorted
/// ids. The ids after the first one out of order go into a hash table (open addressing with
/// linear probing over 4-byte slots, grown at three quarters full; a slot holds the position
/// and 5 bits of the hash, which settle most mismatches without reading the ids); the sorted
/// ids before it stay sorted and are still found by halving. So an export sorted but for a few
/// rows (`L10000000` after `L9999999`, the ten-millionth lead) keeps its sorted ids: building a
/// table of ten million ids at the end of reading took half a second on one core. Once the
/// ids out of order are more than an eighth of the sorted ones (an export not sorted after
/// all), or before a join (millions of lookups), every id goes into the table, for good.
/// A million ids cost about 8 MB of slots (a `Dictionary<String, Int>` costs about 40).
public struct IDIndex: Sendable {
  /// `position + 1` in the low 27 bits (0: empty), hash bits in the high 5: the ids from
  /// ``sortedCount`` on; empty while every id is sorted.
  private var slots: [UInt32] = []
  private var mask = -1
  private var texts = TextColumn()
  /// The ids below this position each came after the one before, byte by byte: they are found
  /// by halving, and their positions are in their order. The ids from here on are hashed.
  private(set) var sortedCount = 0
  /// How many ids the slots must have room for when they are built.
  private var reservedCount = 0
  /// The first eight bytes of every ``sampleSpacing``-th sorted id, as a number that sorts as
  /// the bytes do: a lookup halves this small array (it stays in the processor's cache) before
  /// the few ids after its sample, instead of reading ids all over memory (the referrers' own
  /// leads, random ids among millions).
  private var samples: [UInt64] = []
  private static let sampleSpacing = 32

  private static let positionBits: UInt32 = 27
  private static let positionMask: UInt32 = (1 << positionBits) - 1
  /// The most ids one index holds (about 134 million: a 10 GB export).
  public static let maximumCount = Int(positionMask) - 1

  package init() {}

  /// An index of `texts`, which are distinct (see ``DeferredTexts``): hashed at once, none
  /// compared with another.
  init(distinct texts: TextColumn) {
    self.texts = texts
    reservedCount = texts.count
    if texts.count > 0 { grow(to: Self.capacity(for: texts.count)) }
  }

  public var count: Int { texts.count }

  /// The id at `position`, as text.
  public subscript(position: Int) -> String { texts[position] }

  /// Calls `body` with the bytes of the id at `position`, without making it a `String`.
  public func withBytes<R>(at position: Int, _ body: (ByteView) throws -> R) rethrows -> R {
    try texts.withBytes(at: position, body)
  }

  /// Whether the id at `position` is `id`.
  func id(at position: Int, is id: ByteView) -> Bool { texts.equals(position, id) }

  /// Whether the id at `a` sorts before the id at `b`, byte by byte (the order of `String`'s
  /// `<` for the ASCII ids of exports), without making either a `String`.
  public func precedes(_ a: Int, _ b: Int) -> Bool {
    // Sorted ids each came after the one before: positions are in the ids' order (the ask
    // list's sort breaks tens of thousands of ties this way).
    if a < sortedCount, b < sortedCount { return a < b }
    return texts.withBytes(at: a) { first in texts.withBytes(at: b) { TextColumn.ordered(first, $0) } }
  }

  /// Whether the index keeps a hash table (not while every id is sorted).
  package var keepsHashTable: Bool { sortedCount < count }

  /// Puts every id in the hash table: before many lookups (a join), which would otherwise each
  /// halve their way through the sorted ids.
  package mutating func prepareForLookups() {
    if sortedCount > 0 { hashEveryID() }
  }

  /// Every id, in insertion order.
  package var strings: [String] { (0..<count).map { texts[$0] } }

  /// The position of `id`, or `nil`.
  public func position(of id: ByteView) -> Int? {
    if sortedCount > 0, let position = sortedPosition(of: id) { return position }
    return sortedCount < count ? hashedPosition(of: id) : nil
  }

  /// The position of `id` among the sorted ids: the last sample not after it, by halving the
  /// samples (their ids' bytes read only when the first eight are the same), then the ids up
  /// to the next sample.
  private func sortedPosition(of id: ByteView) -> Int? {
    let key = Self.key(id)
    var (low, high) = (0, samples.count)
    while low < high {
      let middle = (low + high) / 2
      let sample = samples[middle]
      let after = sample == key ? texts.withBytes(at: middle * Self.sampleSpacing) { $0.order(id) } > 0 : sample > key
      if after { high = middle } else { low = middle + 1 }
    }
    guard low > 0 else { return nil }
    let start = (low - 1) * Self.sampleSpacing
    return texts.sortedPosition(of: id, in: start..<Swift.min(start + Self.sampleSpacing, sortedCount))
  }

  /// The first eight bytes of `id`, the first the highest, zeros after a shorter one: a
  /// smaller key is a smaller id, byte by byte; equal keys say nothing.
  private static func key(_ id: ByteView) -> UInt64 {
    var key: UInt64 = 0
    for offset in 0..<8 { key = key << 8 | (offset < id.count ? UInt64(id[offset]) : 0) }
    return key
  }

  /// The position of `id` among the hashed ids, or `nil`.
  private func hashedPosition(of id: ByteView) -> Int? {
    let hash = Self.hash(id)
    var slot = Int(truncatingIfNeeded: hash) & mask
    let tag = UInt32(truncatingIfNeeded: hash >> 59) << Self.positionBits
    while true {
      let entry = slots[slot]
      if entry == 0 { return nil }
      if entry & ~Self.positionMask == tag, texts.equals(Int(entry & Self.positionMask) - 1, id) {
        return Int(entry & Self.positionMask) - 1
      }
      slot = (slot + 1) & mask
    }
  }

  public func position(of id: String) -> Int? { id.withByteView { position(of: $0) } }

  /// The position of each of `ids`, in order, `none` for those not here: one call for a whole
  /// list (the referrers' own leads), so the lookups are made inside this module, not one
  /// call from another per id (at 3M leads they took twice the deals' lookups). Among many
  /// sorted ids (more than the processor's cache holds) the lookups are made in the order of
  /// the ids' first eight bytes: random ids then meet the samples and the ids after them in
  /// order, mostly where the lookup before left them in cache.
  package func positions(of ids: ArraySlice<String>, none: Int32) -> [Int32] {
    let lookup = { (id: String) in id.withByteView { position(of: $0) }.map(Int32.init) ?? none }
    guard sortedCount >= Self.cachedIDs else { return ids.map(lookup) }
    // Each id goes along with its key: read from `ids` in key order, every one was a cache miss
    // (four fifths of these lookups at 10M leads).
    var order = ids.indices.map { (key: ids[$0].withByteView(Self.key), index: $0, id: ids[$0]) }
    order.sort { $0.key < $1.key }
    var positions = [Int32](repeating: none, count: ids.count)
    var hint = 0
    for (_, index, id) in order {
      positions[index - ids.startIndex] = id.withByteView { position(of: $0, near: &hint) }.map(Int32.init) ?? none
    }
    return positions
  }

  /// How many sorted ids after the one found before a lookup looks among first (see
  /// ``position(of:near:)``).
  private static let nearIDs = 64

  /// The position of `id`, looked for first among the ``nearIDs`` sorted ids from `hint` on,
  /// then as ``position(of:)`` looks; `hint` becomes the sorted position found. For lookups
  /// made mostly in the ids' order (a deals export names its leads about in the leads' order,
  /// 99% of the foreign shape's within 13 of the one before; the referrers in key order): two
  /// comparisons and a halving of a few ids in cache, instead of halving the samples and the
  /// ids after one.
  private func position(of id: ByteView, near hint: inout Int) -> Int? {
    let end = Swift.min(hint + Self.nearIDs, sortedCount)
    if hint < end, texts.withBytes(at: hint, { $0.order(id) }) <= 0, texts.withBytes(at: end - 1, { $0.order(id) }) >= 0 {
      // Between two sorted ids: among the sorted ids it can only be between them.
      if let found = texts.sortedPosition(of: id, in: hint..<end) {
        hint = found
        return found
      }
      return sortedCount < count ? hashedPosition(of: id) : nil
    }
    let found = position(of: id)
    if let found, found < sortedCount { hint = found }
    return found
  }

  /// About as many sorted ids as stay in the processor's cache (about a megabyte of them).
  private static let cachedIDs = 1 << 16

  /// The position of the id that is text `text` of `column` (another table's column of ids,
  /// for a join): looked up from here, so the index is not copied into a closure per lookup.
  func position(ofText text: Int, in column: TextColumn) -> Int? {
    column.isEmpty(text) ? nil : column.withBytes(at: text) { position(of: $0) }
  }

  /// The position of each text of `range` in `column` (another table's ids, for a join), in
  /// order: `none` for an empty text, `unmatched` for one not here. Each is looked for near the
  /// one found before (see ``position(of:near:)``).
  func positions(ofTexts range: Range<Int>, in column: TextColumn, none: Int32, unmatched: Int32) -> [Int32] {
    var hint = 0
    return range.map { text in
      column.isEmpty(text) ? none : column.withBytes(at: text) { position(of: $0, near: &hint) }.map(Int32.init) ?? unmatched
    }
  }

  /// Adds `id` at the next position and returns `nil`, or returns the position it already has.
  public mutating func insert(_ id: ByteView) -> Int? {
    // (A full index appends nothing: a repeat is still found below, a new id stops there.)
    if sortedCount == count, count < Self.maximumCount {
      switch texts.appendInOrder(id) {
      case 1:
        if sortedCount % Self.sampleSpacing == 0 { samples.append(Self.key(id)) }
        sortedCount += 1
        return nil
      case 0: return count - 1  // the last id again (an export without names: "" on every lead)
      default: break
      }
    }
    // A repeat of a sorted id keeps the others sorted.
    if sortedCount > 0, let position = sortedPosition(of: id) { return position }
    precondition(count < Self.maximumCount, "more than \(Self.maximumCount) distinct ids")
    // The first new id out of order: the table starts, for the ids from here on (at most an
    // eighth of the sorted ones before every id is hashed).
    if sortedCount == count { grow(to: Self.capacity(for: Self.hashedBound(reservedCount - count, sorted: sortedCount))) }
    if (count - sortedCount + 1) * 4 > slots.count * 3 { grow(to: slots.count * 2) }
    let hash = Self.hash(id)
    var slot = Int(truncatingIfNeeded: hash) & mask
    let tag = UInt32(truncatingIfNeeded: hash >> 59) << Self.positionBits
    while true {
      let entry = slots[slot]
      if entry == 0 {
        texts.append(id)
        slots[slot] = tag | UInt32(count)
        // Not sorted after all: halving the sorted ids for every id would cost more than
        // hashing them once.
        if (count - sortedCount) * 8 > sortedCount, sortedCount > 0 { hashEveryID() }
        return nil
      }
      if entry & ~Self.positionMask == tag, texts.equals(Int(entry & Self.positionMask) - 1, id) {
        return Int(entry & Self.positionMask) - 1
      }
      slot = (slot + 1) & mask
    }
  }

  public mutating func insert(_ id: String) -> Int? { id.withByteView { insert($0) } }

  /// The first half of adding a row to a table keyed by this index (leads, deals, payouts),
  /// for an importer that must not do work for a duplicate: the position of the row that
  /// already has `id`, or `nil` after reserving the next position for it, which the table
  /// must then fill. `rowsFilled` is the table's row count: every claim must have been filled.
  public mutating func claim(_ id: ByteView, rowsFilled: Int) -> Int? {
    precondition(count == rowsFilled, "a claimed id was not filled")
    return insert(id)
  }

  /// Makes room for `expected` ids of about `averageLength` bytes without growing again.
  package mutating func reserveCapacity(_ expected: Int, averageLength: Int = 12) {
    texts.reserveCapacity(expected, bytes: expected * averageLength)
    reservedCount = Swift.max(reservedCount, expected)
    if sortedCount == count { return }
    let capacity = Self.capacity(for: sortedCount == 0 ? expected : Self.hashedBound(expected - sortedCount, sorted: sortedCount))
    if capacity > slots.count { grow(to: capacity) }
  }

  /// How many of `more` ids can be hashed while `sorted` ids stay sorted: once they pass an
  /// eighth of them, every id is hashed (a table built for more would be built twice).
  private static func hashedBound(_ more: Int, sorted: Int) -> Int { Swift.max(1, Swift.min(more, sorted / 8 + 1)) }

  /// Slots for `count` ids at most three quarters full.
  private static func capacity(for count: Int) -> Int {
    var capacity = 16
    while count * 4 > capacity * 3 { capacity <<= 1 }
    return capacity
  }

  /// Every id into the hash table, the sorted ones too.
  private mutating func hashEveryID() {
    sortedCount = 0
    samples = []
    grow(to: Self.capacity(for: Swift.max(count + 1, reservedCount)))
  }

  /// Slots for `capacity` ids, filled with the hashed ones.
  private mutating func grow(to capacity: Int) {
    slots = Array(repeating: 0, count: capacity)
    mask = capacity - 1
    for position in sortedCount..<count {
      let hash = texts.withBytes(at: position) { Self.hash($0) }
      var slot = Int(truncatingIfNeeded: hash) & mask
      while slots[slot] != 0 { slot = (slot + 1) & mask }
      slots[slot] = UInt32(truncatingIfNeeded: hash >> 59) << Self.positionBits | UInt32(position + 1)
    }
  }

  /// Eight bytes at a time, each word multiplied in and folded, then a final avalanche: ids
  /// are short, so this is a few multiplications, and sequential ids spread over the table.
  @inlinable @inline(__always)
  static func hash(_ id: ByteView) -> UInt64 {
    let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
    var h = UInt64(truncatingIfNeeded: id.count) &* multiplier
    var offset = 0
    while offset + 8 <= id.count {
      h = (h ^ id.word(at: offset, as: UInt64.self)) &* multiplier
      h ^= h >> 32
      offset += 8
    }
    let rest = id.count - offset
    if rest >= 4 {
      let low = id.word(at: offset, as: UInt32.self)
      let high = id.word(at: id.count - 4, as: UInt32.self)
      h = (h ^ (UInt64(high) << 32 | UInt64(low))) &* multiplier
    } else if rest > 0 {
      let (first, middle, last) = (UInt64(id[offset]), UInt64(id[offset + rest / 2]), UInt64(id[id.count - 1]))
      h = (h ^ (first | middle << 8 | last << 16)) &* multiplier
    }
    let mixed = (h ^ (h >> 29)) &* 0xBF58_476D_1CE4_E5B9
    return mixed ^ (mixed >> 32)
  }
}
