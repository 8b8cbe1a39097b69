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
struct Interner {
  private var ids: [ByteKey: TextID] = [:]
  private(set) var values: [String] = []

  mutating func intern(_ bytes: ArraySlice<UInt8>) -> TextID {
    if let id = ids[ByteKey(bytes: bytes)] { return id }
    let id = TextID(values.count)
    ids[ByteKey(bytes: ArraySlice(Array(bytes)))] = id
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
