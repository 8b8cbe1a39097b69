/// Interned-text ids with few distinct values (sources, owners: dozens or hundreds) in 16 bits
/// each; the whole column widens to 32 bits the first time an id does not fit, so no export
/// can break it. `nil` (no value) is stored as all ones.
struct SmallIDColumn: Sendable {
  private var narrow: [UInt16] = []
  /// The column, once an id needed more than 16 bits.
  private var wide: [TextID]?

  private static let noNarrow = UInt16.max
  private static let noWide: TextID = -1

  var count: Int { wide?.count ?? narrow.count }

  subscript(position: Int) -> TextID? {
    if let wide { return wide[position] == Self.noWide ? nil : wide[position] }
    let id = narrow[position]
    return id == Self.noNarrow ? nil : TextID(id)
  }

  mutating func append(_ id: TextID?) {
    if wide != nil {
      wide!.append(id ?? Self.noWide)
    } else if let id, id >= TextID(Self.noNarrow) {
      widen()
      wide!.append(id)
    } else {
      narrow.append(id.map { UInt16($0) } ?? Self.noNarrow)
    }
  }

  mutating func reserveCapacity(_ count: Int) {
    if wide != nil { wide!.reserveCapacity(count) } else { narrow.reserveCapacity(count) }
  }

  /// Every id replaced by `map[id]` (ids of one file's table into the merged table).
  mutating func renumber(_ map: [TextID]) {
    var renumbered = SmallIDColumn()
    renumbered.reserveCapacity(count)
    for position in 0..<count { renumbered.append(self[position].map { map[Int($0)] }) }
    self = renumbered
  }

  private mutating func widen() {
    var wide: [TextID] = []
    wide.reserveCapacity(Swift.max(narrow.capacity, narrow.count + 1))
    for id in narrow { wide.append(id == Self.noNarrow ? Self.noWide : TextID(id)) }
    self.wide = wide
    narrow = []
  }
}
