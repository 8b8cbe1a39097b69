import ReferralCore

/// Gives each distinct text a small integer, looked up by its bytes (no `String` per row).
struct Interner {
  private var index = IDIndex()

  /// The distinct values, by id.
  var values: [String] { index.strings }

  mutating func intern(_ bytes: UnsafeRawBufferPointer) -> TextID {
    TextID(index.insert(bytes) ?? index.count - 1)
  }

  /// The id of `bytes`, or `nil` when they are empty (no owner, no referrer).
  mutating func internUnlessEmpty(_ bytes: UnsafeRawBufferPointer?) -> TextID? {
    guard let bytes = bytes?.trimmed, !bytes.isEmpty else { return nil }
    return intern(bytes)
  }
}

/// Merges the string tables of files read separately into the dataset's tables.
struct TableMerger {
  private var index = IDIndex()

  init(_ initial: [String] = []) {
    for value in initial { _ = id(of: value) }
  }

  var values: [String] { index.strings }

  mutating func id(of value: String) -> TextID {
    TextID(index.insert(value) ?? index.count - 1)
  }

  /// Old id → merged id for every value of `table`.
  mutating func remap(_ table: [String]) -> [TextID] { table.map { id(of: $0) } }
}
