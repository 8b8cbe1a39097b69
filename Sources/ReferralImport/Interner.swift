import Foundation
import ReferralCore

/// Gives each distinct text a small integer, looked up by its bytes.
///
/// Sources and owners have a handful of values: up to `linearLimit` of them are found by
/// comparing bytes, cheaper than any hashing; larger tables (referrers) use an ``IDIndex``.
struct Interner {
  private static let linearLimit = 16
  private var keys: [[UInt8]] = []
  private var index = IDIndex()

  /// The distinct values, by id.
  var values: [String] { index.ids }

  mutating func intern(_ bytes: ArraySlice<UInt8>) -> TextID {
    if index.count <= Self.linearLimit {
      for (position, key) in keys.enumerated() where key.count == bytes.count {
        if key.isEmpty || key.withUnsafeBytes({ k in bytes.withUnsafeBytes { b in memcmp(k.baseAddress!, b.baseAddress!, k.count) == 0 } }) {
          return TextID(position)
        }
      }
      keys.append(Array(bytes))
    }
    let text = bytes.string
    return TextID(index.insert(text) ?? index.count - 1)
  }

  /// The id of `bytes`, or `nil` when they are empty (no owner, no referrer).
  mutating func internUnlessEmpty(_ bytes: ArraySlice<UInt8>?) -> TextID? {
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

  var values: [String] { index.ids }

  mutating func id(of value: String) -> TextID {
    TextID(index.insert(value) ?? index.count - 1)
  }

  /// Old id → merged id for every value of `table`.
  mutating func remap(_ table: [String]) -> [TextID] { table.map { id(of: $0) } }
}
