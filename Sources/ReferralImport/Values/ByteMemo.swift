/// What the few distinct values of a column (stages, currencies, payout kinds) decode to,
/// found again by their bytes: a row then costs a `memcmp` or two instead of a `String`, a
/// normalised key and a dictionary lookup.
struct ByteMemo<Value> {
  private var entries: [(bytes: [UInt8], value: Value)] = []
  /// Bounded: a column of garbage must not grow the list without end (or make it slow).
  private static var limit: Int { 32 }

  mutating func value(for bytes: UnsafeRawBufferPointer, decode: (UnsafeRawBufferPointer) -> Value) -> Value {
    for entry in entries where bytes.equals(entry.bytes) { return entry.value }
    let value = decode(bytes)
    if entries.count < Self.limit { entries.append((Array(bytes), value)) }
    return value
  }
}
