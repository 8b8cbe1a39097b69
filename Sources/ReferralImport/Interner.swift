import Foundation
import ReferralCore

/// Bytes as a dictionary key, hashed in one call rather than byte by byte.
struct ByteKey: Hashable {
  let bytes: ArraySlice<UInt8>

  func hash(into hasher: inout Hasher) {
    bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
  }

  static func == (lhs: ByteKey, rhs: ByteKey) -> Bool {
    lhs.bytes.count == rhs.bytes.count && lhs.bytes.elementsEqual(rhs.bytes)
  }
}

/// Gives each distinct text a small integer, looked up by its bytes without making a `String`.
///
/// Sources and owners have a handful of values: up to `linearLimit` of them are found by
/// comparing bytes, cheaper than setting up a hash; larger tables (referrers) are hashed.
struct Interner {
  private static let linearLimit = 16
  private var keys: [[UInt8]] = []
  private var ids: [ByteKey: TextID] = [:]
  private(set) var values: [String] = []

  mutating func intern(_ bytes: ArraySlice<UInt8>) -> TextID {
    if keys.count <= Self.linearLimit {
      for (index, key) in keys.enumerated() where key.count == bytes.count {
        if key.isEmpty || key.withUnsafeBytes({ k in bytes.withUnsafeBytes { b in memcmp(k.baseAddress!, b.baseAddress!, k.count) == 0 } }) {
          return TextID(index)
        }
      }
    } else if let id = ids[ByteKey(bytes: bytes)] {
      return id
    }
    let id = TextID(values.count)
    keys.append(Array(bytes))
    if keys.count > Self.linearLimit {
      if ids.isEmpty { for (index, key) in keys.enumerated() { ids[ByteKey(bytes: key[...])] = TextID(index) } }
      ids[ByteKey(bytes: ArraySlice(keys[keys.count - 1]))] = id
    }
    values.append(bytes.string)
    return id
  }

  /// The id of `bytes`, or `nil` when they are empty (no owner, no referrer).
  mutating func internUnlessEmpty(_ bytes: ArraySlice<UInt8>?) -> TextID? {
    guard let bytes = bytes?.trimmed, !bytes.isEmpty else { return nil }
    return intern(bytes)
  }
}

/// Merges the string tables of files read separately into the dataset's tables.
struct TableMerger {
  private var ids: [String: TextID] = [:]
  private(set) var values: [String] = []

  init(_ initial: [String] = []) {
    for value in initial { _ = id(of: value) }
  }

  mutating func id(of value: String) -> TextID {
    if let id = ids[value] { return id }
    let id = TextID(values.count)
    ids[value] = id
    values.append(value)
    return id
  }

  /// Old id → merged id for every value of `table`.
  mutating func remap(_ table: [String]) -> [TextID] { table.map { id(of: $0) } }
}
