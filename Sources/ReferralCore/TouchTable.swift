import CSVStream

/// One marketing or sales touch of a lead, as a value (for building small datasets in tests;
/// the stages read ``TouchTable``).
package struct Touch: Sendable, Equatable {
  /// The lead touched, as written.
  package var leadID: String
  package var touched: Day
  /// The raw channel value (a source, campaign type or channel), as a position in the
  /// dataset's `sources`: touches are mapped through the same catalogue as lead sources.
  package var channel: TextID

  package init(leadID: String, touched: Day, channel: TextID) {
    self.leadID = leadID
    self.touched = touched
    self.channel = channel
  }
}

/// The touches, column by column: a touch is its lead, its day and its channel, about 7 bytes
/// once its lead is resolved (a 4-byte lead position, a 2-byte day, a 1-byte channel while
/// there are fewer than 255 raw values), where a `Touch` value is 40. Exports hold ten or more
/// touches per lead, so a touch's cost is multiplied by ten million at 1M leads.
///
/// Once ``resolveLeads(in:)`` has found each touch's lead, the touches are ordered by lead,
/// then by day, then as the file had them, so a lead's path is one run of the table.
package struct TouchTable: Sendable {
  /// The lead ids as written, until the leads are resolved (then let go of).
  private var leadIDs = TextColumn()
  /// The position of each touch's lead once resolved; touches that name no lead sort last.
  private var leads: [Int32]?
  private var days = PackedColumn<Int32>()
  private var channels = PackedColumn<Int32>()
  /// Touches whose lead id is none of the leads' (counted, not attributed).
  package private(set) var unmatched = 0

  package init() {}

  /// The table of `touches`, in file order.
  package init(_ touches: [Touch]) {
    for touch in touches {
      touch.leadID.withByteView { append(leadID: $0, touched: touch.touched, channel: touch.channel) }
    }
  }

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

  /// Finds each touch's lead among `index`'s ids (while their lookups exist), lets go of the
  /// ids, and orders the touches by lead, day and file order (a counting sort by lead, then
  /// each lead's few touches by day).
  package mutating func resolveLeads(in index: IDIndex) {
    let found: [Int32] = indices.map { index.position(ofText: $0, in: leadIDs).map(Int32.init) ?? Links.unmatched }
    leadIDs = TextColumn()
    // Where each lead's run starts; the unmatched after every lead's.
    var starts = Array(repeating: 0, count: index.count + 2)
    for lead in found { starts[lead >= 0 ? Int(lead) + 1 : index.count + 1] += 1 }
    unmatched = starts[index.count + 1]
    for at in 1..<starts.count { starts[at] += starts[at - 1] }
    var order = Array(repeating: Int32(0), count: count)
    var next = starts
    for (position, lead) in found.enumerated() {
      let slot = lead >= 0 ? Int(lead) : index.count
      order[next[slot]] = Int32(position)
      next[slot] += 1
    }
    // Each lead's run by day, ties in file order (its positions are ascending already).
    for lead in 0..<index.count where starts[lead + 1] - starts[lead] > 1 {
      order[starts[lead]..<starts[lead + 1]].sort { a, b in
        let (dayA, dayB) = (days[Int(a)]!, days[Int(b)]!)
        return dayA != dayB ? dayA < dayB : a < b
      }
    }
    var (sortedDays, sortedChannels) = (PackedColumn<Int32>(), PackedColumn<Int32>())
    sortedDays.reserveCapacity(count)
    sortedChannels.reserveCapacity(count)
    var sortedLeads: [Int32] = []
    sortedLeads.reserveCapacity(count)
    for position in order {
      sortedDays.append(days[Int(position)])
      sortedChannels.append(channels[Int(position)])
      sortedLeads.append(found[Int(position)])
    }
    (days, channels, leads) = (sortedDays, sortedChannels, sortedLeads)
  }
}
