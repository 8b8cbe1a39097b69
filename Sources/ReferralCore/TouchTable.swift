import CSVStream

/// The touches, column by column: a touch is its lead, its day and its channel, about 7 bytes
/// once its lead is resolved (a 4-byte lead position, a 2-byte day, a 1-byte channel while
/// there are fewer than 255 raw values), where a value holding the lead id as a `String` is 40. Exports hold ten or more
/// touches per lead, so a touch's cost is multiplied by ten million at 1M leads.
///
/// The touches stay in file order; ``byLead(leadCount:)`` groups them by lead when the models
/// read them.
package struct TouchTable: Sendable {
  /// The lead ids as written, until the leads are resolved (then let go of).
  private var leadIDs = TextColumn()
  /// The position of each touch's lead once resolved (-1: none has its id).
  private var leads: [Int32]?
  private var days = PackedColumn<Int32>()
  private var channels = PackedColumn<Int32>()
  /// Touches whose lead id is none of the leads' (counted, not attributed).
  package private(set) var unmatched = 0

  package init() {}

  package var count: Int { days.count }
  package var indices: Range<Int> { 0..<count }

  @inline(__always) package func touched(_ position: Int) -> Day { Day(ordinal: days[position]!) }
  @inline(__always) package func channel(_ position: Int) -> TextID { channels[position]! }
  /// The position of the lead touch `position` names (`nil`: none has its id, or not resolved).
  @inline(__always) package func lead(_ position: Int) -> Int? {
    guard let leads, leads[position] >= 0 else { return nil }
    return Int(leads[position])
  }
  /// Whether ``resolveLeads(in:)`` was called.
  package var leadsResolved: Bool { leads != nil }

  package mutating func append(leadID: ByteView, touched: Day, channel: TextID) {
    precondition(leads == nil, "touches added after their leads were resolved")
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

  /// Finds each touch's lead among `index`'s ids (while their lookups exist) and lets go of
  /// the ids.
  package mutating func resolveLeads(in index: IDIndex) {
    var found: [Int32] = []
    found.reserveCapacity(count)
    for position in indices { found.append(index.position(ofText: position, in: leadIDs).map(Int32.init) ?? -1) }
    unmatched = found.count { $0 < 0 }
    (leads, leadIDs) = (found, TextColumn())
  }

  /// The touches of each lead, in time order (ties in file order): `order` holds touch
  /// positions lead by lead, and lead `l`'s are `order[starts[l]..<starts[l + 1]]`. Made when
  /// needed (4 bytes a touch and a lead), by a counting sort on the lead, then each lead's few
  /// touches by day. Touches that name no lead are left out.
  package func byLead(leadCount: Int) -> (starts: [Int32], order: [Int32]) {
    precondition(leads != nil, "touches grouped before their leads were resolved")
    var starts = Array(repeating: Int32(0), count: leadCount + 1)
    for position in indices { if let lead = lead(position) { starts[lead + 1] += 1 } }
    for at in 1..<starts.count { starts[at] += starts[at - 1] }
    var order = Array(repeating: Int32(0), count: Int(starts[leadCount]))
    var next = starts
    for position in indices {
      guard let lead = lead(position) else { continue }
      order[Int(next[lead])] = Int32(position)
      next[lead] += 1
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
