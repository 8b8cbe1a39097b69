// Public, not package: the table's per-row accessors (the rest is package) are inlined into other
// modules, which Swift 6.3 does only for public bodies; see docs/PERFORMANCE.md.

import CSVStream

/// The payouts, column by column, like ``DealTable``: ids once, in the index, the deal ids
/// they name in one ``TextColumn`` (until they are linked), everything else as small integers.
public struct PayoutTable: Sendable {
  /// The payout ids, and the position of each.
  public private(set) var index = IDIndex()
  @usableFromInline private(set) var paidDays = PackedColumn<Int32>()
  public private(set) var kinds: [PayoutKind] = []
  @usableFromInline private(set) var amounts = PackedColumn<Int64>()
  @usableFromInline private(set) var referrers = PackedColumn<Int32>()
  private var lines = LineColumn()
  private var dealIDs = TextColumn()

  package init() {}

  public var count: Int { paidDays.count }
  public var indices: Range<Int> { 0..<count }

  public func id(_ position: Int) -> String { index[position] }
  @inlinable @inline(__always) public func amount(_ position: Int) -> Money { Money(minorUnits: amounts[position]!) }
  @inlinable @inline(__always) public func paid(_ position: Int) -> Day { Day(ordinal: paidDays[position]!) }
  @inlinable @inline(__always) public func referrer(_ position: Int) -> TextID? { referrers[position] }
  public func line(_ position: Int) -> Int { lines[position] }

  /// Whether the payout names a deal at all.
  public func namesDeal(_ position: Int) -> Bool { !dealIDs.isEmpty(position) }

  /// The deal id the payout names, as written; `nil` when it names none.
  public func dealID(_ position: Int) -> String? { dealIDs.isEmpty(position) ? nil : dealIDs[position] }

  /// The position in `deals` of the deal the payout names, looked up by bytes; `nil` when it
  /// names none or one that is not there.
  public func dealPosition(_ position: Int, in deals: IDIndex) -> Int? {
    dealIDs.isEmpty(position) ? nil : deals.position(ofText: position, in: dealIDs)
  }

  /// The position of the payout that already has `id`, or `nil` after reserving the next
  /// position for it — which ``fill(paid:referrer:dealID:kind:amount:line:)`` must fill.
  public mutating func claim(_ id: ByteView) -> Int? { index.claim(id, rowsFilled: count) }

  /// The values of the payout whose id ``claim(_:)`` reserved; `dealID` is UTF-8, empty for none.
  public mutating func fill(paid day: Day, referrer: TextID?, dealID: ByteView, kind: PayoutKind, amount: Money, line: Int) {
    precondition(index.count == count + 1, "fill without a claimed id")
    paidDays.append(day.ordinal)
    referrers.append(referrer)
    dealIDs.append(dealID)
    kinds.append(kind)
    amounts.append(amount.minorUnits)
    lines.append(line)
  }

  package mutating func reserveCapacity(_ count: Int, idLength: Int = 12) {
    index.reserveCapacity(count, averageLength: idLength)
    paidDays.reserveCapacity(count)
    referrers.reserveCapacity(count)
    dealIDs.reserveCapacity(count, bytes: count * idLength)
    kinds.reserveCapacity(count)
    amounts.reserveCapacity(count)
  }

  /// Renumbers referrers (ids of one file's table) into the dataset's merged table.
  package mutating func renumber(referrers referrerMap: [TextID]) {
    referrers.update { referrerMap[Int($0)] }
  }

  /// Corrects every payment day (once the date column's format is known).
  public mutating func correctDays(_ fix: (Day) -> Day) {
    paidDays.update { fix(Day(ordinal: $0)).ordinal }
  }
}
