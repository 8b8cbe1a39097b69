/// Small non-negative numbers, one per row, in as few bytes as the values so far need: 1 while
/// every value is below 255 (a few dozen sources or owners), 2 below 65,535 (thousands of
/// companies; day numbers up to 2149), else 4. The whole column widens the first time a value
/// does not fit, so no export can break it, and memory follows the values, not the worst case.
/// `nil` (no value) is stored as the lane's all-ones value.
struct PackedColumn: Sendable {
  private var bytes: [UInt8] = []
  private var halves: [UInt16] = []
  /// The column, once a value needed 4 bytes (any `Int32` but `Int32.min`, days before 1970
  /// included).
  private var words: [Int32] = []
  /// Bytes per value: 1, 2 or 4.
  private(set) var width = 1
  private(set) var count = 0

  private static let noWord = Int32.min

  init() {}

  /// Inlined, like ``append(_:)``: read per row in every pass of the attribution, where a call
  /// per value costs more than the value.
  @inline(__always)
  subscript(position: Int) -> Int32? {
    switch width {
    case 1:
      let value = bytes[position]
      return value == .max ? nil : Int32(value)
    case 2:
      let value = halves[position]
      return value == .max ? nil : Int32(value)
    default:
      let value = words[position]
      return value == Self.noWord ? nil : value
    }
  }

  @inline(__always)
  mutating func append(_ value: Int32?) {
    // Negative values become large codes: they need the widest lane.
    let code = value.map { UInt32(bitPattern: $0) }
    switch width {
    case 1:
      guard code ?? 0 < UInt32(UInt8.max) else { return appendWidening(value!) }
      bytes.append(code.map { UInt8(truncatingIfNeeded: $0) } ?? .max)
    case 2:
      guard code ?? 0 < UInt32(UInt16.max) else { return appendWidening(value!) }
      halves.append(code.map { UInt16(truncatingIfNeeded: $0) } ?? .max)
    default:
      precondition(value != Self.noWord, "Int32.min cannot be stored")
      words.append(value ?? Self.noWord)
    }
    count += 1
  }

  @inline(never)
  private mutating func appendWidening(_ value: Int32) {
    widen(to: Self.width(of: value))
    append(value)
  }

  mutating func reserveCapacity(_ count: Int) {
    switch width {
    case 1: bytes.reserveCapacity(count)
    case 2: halves.reserveCapacity(count)
    default: words.reserveCapacity(count)
    }
  }

  /// Every value replaced by `transform(value)` (rows without one stay empty).
  mutating func update(_ transform: (Int32) -> Int32) {
    var updated = PackedColumn()
    updated.reserveCapacity(count)
    for position in 0..<count { updated.append(self[position].map(transform)) }
    self = updated
  }

  private static func width(of value: Int32) -> Int {
    if value >= 0 && value < Int32(UInt8.max) { return 1 }
    if value >= 0 && value < Int32(UInt16.max) { return 2 }
    return 4
  }

  private mutating func widen(to newWidth: Int) {
    let values = (0..<count).map { self[$0] }
    let capacity = Swift.max(bytes.capacity, halves.capacity, words.capacity, count + 1)
    (bytes, halves, words) = ([], [], [])
    width = newWidth
    count = 0
    reserveCapacity(capacity)
    for value in values { append(value) }
  }
}
