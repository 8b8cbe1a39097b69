// Public, not package: its subscript and append are inlined, through the tables, into other
// modules, which Swift 6.3 does only for public bodies; see docs/PERFORMANCE.md.

/// Numbers, one per row, in as few bytes as the values so far need: 1 while every value is
/// below 255 (a few dozen sources or owners), 2 below 65,535 (thousands of companies; day
/// numbers up to 2149), 4 below 2³² − 1 (amounts in cents up to 42 million), else the full
/// `Value`. The whole column widens the first time a value does not fit, so no export can break
/// it, and memory follows the values, not the worst case. `nil` (no value) is stored as the
/// lane's all-ones value, or `Value.min` in the full lane (the one value that cannot be stored).
public struct PackedColumn<Value: FixedWidthInteger & SignedInteger & Sendable>: Sendable {
  @usableFromInline private(set) var bytes: [UInt8] = []
  @usableFromInline private(set) var halves: [UInt16] = []
  @usableFromInline private(set) var words: [UInt32] = []
  /// The column, once a value was negative or too large for 4 bytes.
  @usableFromInline private(set) var values: [Value] = []
  /// Bytes per value in the narrow lanes (1, 2 or 4); 0 once `values` is used.
  @usableFromInline private(set) var width = 1
  /// Rows so far (settable from the inlined `append`).
  @usableFromInline var rowCount = 0
  public var count: Int { rowCount }

  public init() {}

  /// Inlinable, even into other modules: read per row in every pass of the attribution, where
  /// a call per value (and the copy of the table it may take) costs more than the value.
  @inlinable @inline(__always)
  public subscript(position: Int) -> Value? {
    switch width {
    case 1:
      let value = bytes[position]
      return value == .max ? nil : Value(truncatingIfNeeded: value)
    case 2:
      let value = halves[position]
      return value == .max ? nil : Value(truncatingIfNeeded: value)
    case 4:
      let value = words[position]
      return value == .max ? nil : Value(truncatingIfNeeded: value)
    default:
      let value = values[position]
      return value == .min ? nil : value
    }
  }

  @inlinable @inline(__always)
  public mutating func append(_ value: Value?) {
    // Negative values need the full lane: as a code they are out of every narrow lane's range.
    let code = value.map { $0 < 0 ? UInt64.max : UInt64(truncatingIfNeeded: $0) } ?? 0
    switch width {
    case 1:
      guard code < UInt64(UInt8.max) else { return appendWidening(value!) }
      bytes.append(value == nil ? .max : UInt8(truncatingIfNeeded: code))
    case 2:
      guard code < UInt64(UInt16.max) else { return appendWidening(value!) }
      halves.append(value == nil ? .max : UInt16(truncatingIfNeeded: code))
    case 4:
      guard code < UInt64(UInt32.max) else { return appendWidening(value!) }
      words.append(value == nil ? .max : UInt32(truncatingIfNeeded: code))
    default:
      precondition(value != .min, "\(Value.self).min cannot be stored")
      values.append(value ?? .min)
    }
    rowCount += 1
  }

  public mutating func reserveCapacity(_ count: Int) {
    switch width {
    case 1: bytes.reserveCapacity(count)
    case 2: halves.reserveCapacity(count)
    case 4: words.reserveCapacity(count)
    default: values.reserveCapacity(count)
    }
  }

  /// Every value replaced by `transform(value)` (rows without one stay empty).
  mutating func update(_ transform: (Value) -> Value) {
    if width == 1, updateBytesInPlace(transform) { return }
    var updated = PackedColumn()
    updated.reserveCapacity(count)
    for position in 0..<count { updated.append(self[position].map(transform)) }
    self = updated
  }

  /// The 1-byte lane rewritten in place, each of its (at most 255) values transformed once:
  /// renumbering a few hundred thousand deals' sources is then a table lookup per row. `false`
  /// (nothing changed) when a new value would not fit the lane.
  private mutating func updateBytesInPlace(_ transform: (Value) -> Value) -> Bool {
    var mapped = [UInt8](repeating: .max, count: 256)
    var seen = [Bool](repeating: false, count: 256)
    for code in bytes where code != .max && !seen[Int(code)] {
      seen[Int(code)] = true
      let value = transform(Value(truncatingIfNeeded: code))
      guard value >= 0, value < Value(UInt8.max) else { return false }
      mapped[Int(code)] = UInt8(truncatingIfNeeded: value)
    }
    for index in bytes.indices { bytes[index] = mapped[Int(bytes[index])] }
    return true
  }

  @usableFromInline @inline(never)
  mutating func appendWidening(_ value: Value) {
    let values = (0..<count).map { self[$0] }
    let capacity = Swift.max(bytes.capacity, halves.capacity, words.capacity, self.values.capacity, count + 1)
    (bytes, halves, words, self.values) = ([], [], [], [])
    width = Self.width(of: value)
    rowCount = 0
    reserveCapacity(capacity)
    for value in values { append(value) }
    append(value)
  }

  private static func width(of value: Value) -> Int {
    guard value >= 0 else { return 0 }
    if value < UInt8.max { return 1 }
    if value < UInt16.max { return 2 }
    return UInt64(truncatingIfNeeded: value) < UInt32.max ? 4 : 0
  }
}
