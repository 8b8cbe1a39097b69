import CSVStream

/// The touches, column by column: a touch is its lead's id, its day and its channel (a 2-byte
/// day and a 1-byte channel while there are fewer than 255 raw values, beside the id's bytes),
/// where a value holding the lead id as a `String` is 40. Exports hold ten or more touches per
/// lead, so a touch's cost is multiplied by ten million at 1M leads.
///
/// The touches stay in file order, as the import read them. Their join to the leads is
/// attribution's: ``leadPositions(in:)`` looks every touch's lead up, and
/// ``byLead(_:leadCount:)`` groups the touches by those positions when the models read them.
package struct TouchTable: Sendable {
  /// The lead ids as written.
  private var leadIDs = TextColumn()
  private var days = PackedColumn<Int32>()
  private var channels = PackedColumn<Int32>()

  package init() {}

  package var count: Int { days.count }
  package var indices: Range<Int> { 0..<count }

  @inline(__always) package func touched(_ position: Int) -> Day { Day(ordinal: days[position]!) }
  @inline(__always) package func channel(_ position: Int) -> TextID { channels[position]! }

  package mutating func append(leadID: ByteView, touched: Day, channel: TextID) {
    leadIDs.append(leadID)
    days.append(touched.ordinal)
    channels.append(channel)
  }

  package mutating func reserveCapacity(_ count: Int, idLength: Int = 12) {
    leadIDs.reserveCapacity(count, bytes: count * idLength)
    days.reserveCapacity(count)
    channels.reserveCapacity(count)
  }

  /// Renumbers channels (ids of the touches file's own table) into the dataset's merged sources.
  package mutating func renumber(channels channelMap: [TextID]) {
    channels.update { channelMap[Int($0)] }
  }

  /// Corrects every touch's day (once the date column's format is known).
  package mutating func correctDays(_ fix: (Day) -> Day) {
    days.update { fix(Day(ordinal: $0)).ordinal }
  }

  /// The position in `index` of each touch's lead, in file order (-1 when no lead has its id):
  /// one call for every touch, so the lookups are made inside this module.
  package func leadPositions(in index: IDIndex) -> [Int32] {
    indices.map { index.position(ofText: $0, in: leadIDs).map(Int32.init) ?? -1 }
  }

  /// The touches of each lead, in time order (ties in file order), given each touch's lead
  /// position (``leadPositions(in:)``; -1: no lead): `order` holds touch positions
  /// lead by lead, and lead `l`'s are `order[starts[l]..<starts[l + 1]]`. Made when needed (4
  /// bytes a touch and a lead), by a counting sort on the lead, then each lead's few touches by
  /// day. Touches that name no lead are left out.
  package func byLead(_ leads: [Int32], leadCount: Int) -> (starts: [Int32], order: [Int32]) {
    precondition(leads.count == count, "one lead position per touch")
    var starts = Array(repeating: Int32(0), count: leadCount + 1)
    for lead in leads where lead >= 0 { starts[Int(lead) + 1] += 1 }
    for at in 1..<starts.count { starts[at] += starts[at - 1] }
    var order = Array(repeating: Int32(0), count: Int(starts[leadCount]))
    var next = starts
    for (position, lead) in leads.enumerated() where lead >= 0 {
      order[Int(next[Int(lead)])] = Int32(position)
      next[Int(lead)] += 1
    }
    for lead in 0..<leadCount where starts[lead + 1] - starts[lead] > 1 {
      order[Int(starts[lead])..<Int(starts[lead + 1])].sort { a, b in
        let (dayA, dayB) = (days[Int(a)]!, days[Int(b)]!)
        return dayA != dayB ? dayA < dayB : a < b
      }
    }
    return (starts, order)
  }
}
