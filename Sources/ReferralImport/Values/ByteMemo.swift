/// What the few distinct values of a column (stages, currencies, payout kinds) decode to,
/// found again by their bytes: a row then costs a comparison or two instead of a `String`, a
/// normalised key and a dictionary lookup.
struct ByteMemo<Value> {
  private var entries: [(bytes: [UInt8], value: Value)] = []
  /// Bounded: a column of garbage must not grow the list without end (or make it slow).
  private static var limit: Int { 32 }

  /// What `bytes` decoded to when they were last seen, if they were.
  @inline(__always)
  func value(for bytes: UnsafeRawBufferPointer) -> Value? {
    for entry in entries where bytes.equals(entry.bytes) { return entry.value }
    return nil
  }

  /// Remembers what `bytes` decode to (while there is room).
  mutating func remember(_ value: Value, for bytes: UnsafeRawBufferPointer) {
    if entries.count < Self.limit { entries.append((Array(bytes), value)) }
  }
}
