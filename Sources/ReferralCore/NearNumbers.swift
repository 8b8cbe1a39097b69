/// Numbers below 2³² − 1 (and `UInt32.max`, a marker), one per row, in two bytes a row while
/// the numbers of each block of 1,024 rows stay within 32,767 of the block's first: then a row
/// keeps its offset from the block's base. Ids numbered as they were created do (`L0000001`,
/// `L0000002`, … in either order, with gaps of up to 32 between rows), which halves what an
/// id costs (20 MB at 10M leads). The first number that does not fit turns the whole column
/// into plain 4-byte numbers, for good: a shuffled export shows that in its first block, so it
/// costs what the plain column always did and nothing is ever clipped.
struct NearNumbers: Sendable {
  /// Offsets from the row's block base, or ``marked``; used until a number does not fit.
  private var offsets: [UInt16] = []
  /// Each block's base (its first number less 32,767), ``noBase`` while the block holds none.
  private var bases: [UInt32] = []
  /// The numbers, once one did not fit.
  private var plain: [UInt32] = []
  /// Whether ``plain`` holds the column.
  private(set) var isPlain = false

  private static let blockShift = 10
  /// The offset that stands for `UInt32.max`.
  private static let marked = UInt16.max
  private static let noBase = UInt32.max
  private static let reach: UInt32 = 32_767

  init() {}

  var count: Int { isPlain ? plain.count : offsets.count }
  var last: UInt32? { count == 0 ? nil : self[count - 1] }

  @inline(__always)
  subscript(position: Int) -> UInt32 {
    if isPlain { return plain[position] }
    let offset = offsets[position]
    return offset == Self.marked ? .max : bases[position >> Self.blockShift] &+ UInt32(offset)
  }

  @inline(__always)
  mutating func append(_ number: UInt32) {
    if isPlain { return plain.append(number) }
    let block = offsets.count >> Self.blockShift
    if block == bases.count { bases.append(Self.noBase) }
    if number == .max { return offsets.append(Self.marked) }
    if bases[block] == Self.noBase { bases[block] = number > Self.reach ? number - Self.reach : 0 }
    let base = bases[block]
    guard number >= base, number - base < UInt32(Self.marked) else {
      makePlain()
      return plain.append(number)
    }
    offsets.append(UInt16(truncatingIfNeeded: number - base))
  }

  /// Appends `number` `count` times.
  mutating func append(_ number: UInt32, count: Int) {
    for _ in 0..<count { append(number) }
  }

  mutating func reserveCapacity(_ count: Int) {
    if isPlain { return plain.reserveCapacity(count) }
    offsets.reserveCapacity(count)
    bases.reserveCapacity((count >> Self.blockShift) + 1)
  }

  /// From here on, plain numbers (room kept for as many rows as were reserved).
  private mutating func makePlain() {
    plain.reserveCapacity(Swift.max(offsets.capacity, offsets.count + 1))
    for position in offsets.indices { plain.append(self[position]) }
    (offsets, bases, isPlain) = ([], [], true)
  }
}
