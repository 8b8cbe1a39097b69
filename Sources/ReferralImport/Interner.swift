import CSVStream
import ReferralCore

/// Gives each distinct text a small integer, looked up by its bytes (no `String` per row), the
/// values of the last rows first (see ``RecentTexts``).
struct Interner {
  /// The distinct values and their ids.
  private(set) var index = IDIndex()
  private var recent = RecentTexts()

  /// An interner of the distinct values of `index` (see ``DeferredTexts``), or of none.
  init(index: IDIndex = IDIndex()) { self.index = index }

  mutating func intern(_ bytes: ByteView) -> TextID { TextID(recent.position(of: bytes, in: &index)) }

  /// The id of `bytes`, or `nil` when they are empty (no owner, no referrer).
  mutating func internUnlessEmpty(_ bytes: ByteView?) -> TextID? {
    guard let bytes = bytes?.trimmed, !bytes.isEmpty else { return nil }
    return intern(bytes)
  }
}

/// Merges the string tables of files read separately into the dataset's tables.
struct TableMerger {
  private var index: IDIndex

  /// Starts from the values of the first table, which keep their ids: its index is taken over
  /// as it is (copied on write), not rebuilt value by value (75,000 referrers at 1M leads).
  init(_ first: Interner) {
    index = first.index
  }

  var values: [String] { index.strings }

  /// Old id → merged id for every value of `other`, read as bytes (no `String` per value:
  /// tens of thousands of referrer ids for a large payouts export).
  mutating func remap(_ other: Interner) -> [TextID] {
    (0..<other.index.count).map { position in
      other.index.withBytes(at: position) { TextID(index.insert($0) ?? index.count - 1) }
    }
  }
}
