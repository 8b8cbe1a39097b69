import CSVStream

/// What the few distinct values of a column (stages, currencies, payout kinds) decode to,
/// found again by their bytes: a row then costs a comparison or two instead of a `String`, a
/// normalised key and a dictionary lookup.
struct ByteMemo<Value: Sendable>: Sendable {
  private var entries: [(bytes: [UInt8], value: Value)] = []

  /// What `bytes` decoded to when they were last seen, if they were.
  func value(for bytes: ByteView) -> Value? {
    for entry in entries where bytes.equals(entry.bytes) { return entry.value }
    return nil
  }

  /// Remembers what `bytes` decode to while there are fewer than 32 (a column of garbage must
  /// not grow the list without end, nor make it slow).
  mutating func remember(_ value: Value, for bytes: ByteView) {
    if entries.count < 32 { entries.append((Array(bytes), value)) }
  }
}
