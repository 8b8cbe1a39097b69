/// A column that most rows leave empty (a lead's referrer, its thank-you day): one bit per row
/// says whether it has a value, and only the values are stored, in row order. A row's value is
/// found in constant time: its bit, then the count of set bits before it (kept per 64 rows).
/// The values take as few bytes as they need (``PackedColumn``): a thank-you day two.
@usableFromInline
struct SparseColumn: Sendable {
  @usableFromInline private(set) var present: [UInt64] = []
  /// Values before each word of `present`.
  @usableFromInline private(set) var before: [Int32] = []
  @usableFromInline private(set) var values = PackedColumn<Int32>()
  private(set) var count = 0

  @inlinable @inline(__always)
  subscript(position: Int) -> Int32? {
    let (word, bit) = (position >> 6, UInt64(position & 63))
    let bits = present[word]
    guard bits >> bit & 1 == 1 else { return nil }
    let below = bits & ((1 << bit) &- 1)
    return values[Int(before[word]) + below.nonzeroBitCount]!
  }

  /// Calls `body` with every row that has a value, in row order, and its value: rows without
  /// one are skipped 64 at a time.
  @inlinable
  func forEach(_ body: (_ position: Int, _ value: Int32) throws -> Void) rethrows {
    var next = 0
    for word in present.indices {
      var bits = present[word]
      while bits != 0 {
        try body(word << 6 | bits.trailingZeroBitCount, values[next]!)
        next += 1
        bits &= bits &- 1
      }
    }
  }

  mutating func append(_ value: Int32?) {
    if count & 63 == 0 {
      present.append(0)
      before.append(Int32(values.count))
    }
    if let value {
      present[present.count - 1] |= 1 << UInt64(count & 63)
      values.append(value)
    }
    count += 1
  }

  /// Room for `count` rows, and for values in the proportion of the rows so far (with a
  /// margin): a column grown by doubling allocates, copies and touches about three times its
  /// final size.
  mutating func reserveCapacity(_ count: Int) {
    present.reserveCapacity((count + 63) / 64)
    before.reserveCapacity((count + 63) / 64)
    guard self.count > 0, count > self.count else { return }
    values.reserveCapacity(min(count, values.count * count / self.count * 5 / 4 + 64))
  }

  /// Every value replaced by `transform(value)` (rows without one stay empty).
  mutating func update(_ transform: (Int32) -> Int32) {
    values.update(transform)
  }
}
