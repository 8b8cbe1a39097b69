import CSVStream

/// What the few distinct values of a column (stages, currencies, payout kinds) decode to,
/// found again by their bytes: a row then costs a comparison or two instead of a `String`, a
/// normalised key and a dictionary lookup. Values of up to 16 bytes (nearly all) are compared
/// as ``ShortKey``s, two words each, without a call.
struct ByteMemo<Value: Sendable>: Sendable {
  private var short: [(key: ShortKey, value: Value)] = []
  private var long: [(bytes: [UInt8], value: Value)] = []
  /// Bounded: a column of garbage must not grow the lists without end (or make them slow).
  private static var limit: Int { 32 }

  /// What `bytes` decoded to when they were last seen, if they were.
  @inline(__always)
  func value(for bytes: ByteView) -> Value? {
    if let key = ShortKey(bytes) {
      for entry in short where entry.key == key { return entry.value }
      return nil
    }
    for entry in long where bytes.equals(entry.bytes) { return entry.value }
    return nil
  }

  /// Remembers what `bytes` decode to (while there is room).
  mutating func remember(_ value: Value, for bytes: ByteView) {
    if let key = ShortKey(bytes) {
      if short.count < Self.limit { short.append((key, value)) }
    } else if long.count < Self.limit {
      long.append((Array(bytes), value))
    }
  }
}
