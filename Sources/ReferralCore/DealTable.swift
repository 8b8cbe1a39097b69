// Public, not package: the table's per-row accessors (the rest is package) are inlined into other
// modules, which Swift 6.3 does only for public bodies; see docs/PERFORMANCE.md.

import CSVStream

/// The deals, column by column, for the same reason as ``LeadTable``: ids live once, in the
/// index, the lead ids they name in one ``TextColumn`` (until they are linked), everything else
/// as small integers.
public struct DealTable: Sendable {
  /// The deal ids, and the position of each.
  public private(set) var index = IDIndex()
  public private(set) var outcome: [DealOutcome] = []
  /// Minor units, 4 bytes each for amounts up to 42 million in a two-decimal currency.
  @usableFromInline private(set) var amounts = PackedColumn<Int64>()
  @usableFromInline private(set) var createdDays = PackedColumn<Int32>()
  @usableFromInline private(set) var closedDays = PackedColumn<Int32>()
  @usableFromInline private(set) var owners = PackedColumn<Int32>()
  @usableFromInline private(set) var sources = PackedColumn<Int32>()
  private var lines = LineColumn()
  private var leadIDs = TextColumn()

  package init() {}

  public var count: Int { outcome.count }
  public var indices: Range<Int> { 0..<count }

  public func id(_ position: Int) -> String { index[position] }
  @inlinable @inline(__always) public func amount(_ position: Int) -> Money? { amounts[position].map(Money.init(minorUnits:)) }
  @inlinable @inline(__always) public func created(_ position: Int) -> Day? { createdDays[position].map(Day.init(ordinal:)) }
  @inlinable @inline(__always) public func closed(_ position: Int) -> Day? { closedDays[position].map(Day.init(ordinal:)) }
  @inlinable @inline(__always) public func owner(_ position: Int) -> TextID? { owners[position] }
  @inlinable @inline(__always) public func source(_ position: Int) -> TextID? { sources[position] }
  public func line(_ position: Int) -> Int { lines[position] }

  /// The lead id the deal names, as written; `nil` when it names none.
  public func leadID(_ position: Int) -> String? { leadIDs.isEmpty(position) ? nil : leadIDs[position] }

  /// Whether the deal names a lead at all.
  public func namesLead(_ position: Int) -> Bool { !leadIDs.isEmpty(position) }

  /// The position in `leads` of the lead each deal of `range` names, in order: `none` when it
  /// names none, `unmatched` when the lead is not there. One call for a whole range, so the
  /// lookups are made inside this module, with nothing copied or called per deal.
  package func leadPositions(_ range: Range<Int>, in leads: IDIndex, none: Int32, unmatched: Int32) -> [Int32] {
    leads.positions(ofTexts: range, in: leadIDs, none: none, unmatched: unmatched)
  }

  /// The position of the deal that already has `id`, or `nil` after reserving the next position
  /// for it, which ``fill(leadID:outcome:amount:created:closed:owner:source:line:)`` must fill.
  public mutating func claim(_ id: ByteView) -> Int? { index.claim(id, rowsFilled: count) }

  /// The values of the deal whose id ``claim(_:)`` reserved; `leadID` is UTF-8, empty for none.
  public mutating func fill(
    leadID: ByteView, outcome: DealOutcome, amount: Money?, created: Day?, closed: Day?,
    owner: TextID?, source: TextID?, line: Int
  ) {
    precondition(index.count == count + 1, "fill without a claimed id")
    self.outcome.append(outcome)
    amounts.append(amount?.minorUnits)
    createdDays.append(created?.ordinal)
    closedDays.append(closed?.ordinal)
    owners.append(owner)
    sources.append(source)
    lines.append(line)
    leadIDs.append(leadID)
  }

  package mutating func reserveCapacity(_ count: Int, idLength: Int = 12) {
    index.reserveCapacity(count, averageLength: idLength)
    outcome.reserveCapacity(count)
    amounts.reserveCapacity(count)
    createdDays.reserveCapacity(count)
    closedDays.reserveCapacity(count)
    owners.reserveCapacity(count)
    sources.reserveCapacity(count)
    leadIDs.reserveCapacity(count, bytes: count * idLength)
  }

  /// Renumbers owners and sources (ids of one file's tables) into the dataset's merged tables
  /// (`nil`: that table was taken over as it was, its ids unchanged).
  package mutating func renumber(sources sourceMap: [TextID]?, owners ownerMap: [TextID]?) {
    if let sourceMap { sources.update { sourceMap[Int($0)] } }
    if let ownerMap { owners.update { ownerMap[Int($0)] } }
  }

  /// Corrects every creation and close day (once a date column's format is known).
  public mutating func correctDays(created fixCreated: (Day) -> Day, closed fixClosed: (Day) -> Day) {
    createdDays.update { fixCreated(Day(ordinal: $0)).ordinal }
    closedDays.update { fixClosed(Day(ordinal: $0)).ordinal }
  }
}
