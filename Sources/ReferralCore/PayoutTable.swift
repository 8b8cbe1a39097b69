import CSVStream

/// The payouts, column by column, like ``DealTable``: ids once, in the index, the deal ids
/// they name in one ``TextColumn`` (until they are linked), everything else as small integers.
/// ``Payout`` remains the value for one payout.
public struct PayoutTable: Sendable {
  /// The payout ids, and the position of each.
  public private(set) var index = IDIndex()
  @usableFromInline private(set) var paidDays = PackedColumn<Int32>()
  public private(set) var kinds: [Payout.Kind] = []
  @usableFromInline private(set) var amounts = PackedColumn<Int64>()
  @usableFromInline private(set) var referrers = PackedColumn<Int32>()
  private var lines = LineColumn()
  private var dealIDs = TextColumn()
  /// Set once the deal ids were let go: then only those that matched no deal are kept.
  private var unmatchedDealIDs: [Int: String]?

  public init() {}

  /// The table of `payouts`; a repeated id keeps its first payout.
  public init(_ payouts: [Payout]) {
    reserveCapacity(payouts.count)
    for payout in payouts where payout.id.withByteView({ claim($0) }) == nil {
      (payout.dealID ?? "").withByteView { dealID in
        fill(paid: payout.paid, referrer: payout.referrer, dealID: dealID, kind: payout.kind, amount: payout.amount, line: payout.line)
      }
    }
  }

  public var count: Int { paidDays.count }
  public var indices: Range<Int> { 0..<count }

  public func id(_ position: Int) -> String { index[position] }
  @inlinable @inline(__always) public func amount(_ position: Int) -> Money { Money(minorUnits: amounts[position]!) }
  @inlinable @inline(__always) public func paid(_ position: Int) -> Day { Day(ordinal: paidDays[position]!) }
  @inlinable @inline(__always) public func referrer(_ position: Int) -> TextID? { referrers[position] }
  public func line(_ position: Int) -> Int { lines[position] }

  /// Whether the payout names a deal at all (once the deal ids were let go: one that is not
  /// among the deals).
  public func namesDeal(_ position: Int) -> Bool {
    if let unmatchedDealIDs { return unmatchedDealIDs[position] != nil }
    return !dealIDs.isEmpty(position)
  }

  /// The deal id the payout names, as written; `nil` when it names none. Once the deal ids were
  /// let go, only those that matched no deal are known (the others are their deal's id).
  public func dealID(_ position: Int) -> String? {
    if let unmatchedDealIDs { return unmatchedDealIDs[position] }
    return dealIDs.isEmpty(position) ? nil : dealIDs[position]
  }

  /// Per payout, the position in `deals` of the deal it names, looked up by bytes: ``Links/none``
  /// when it names none, ``Links/unmatched`` when that deal is not there.
  public func dealPositions(in deals: IDIndex) -> [Int32] {
    var deals = deals
    deals.prepareForLookups()
    return indices.map { position in
      if dealIDs.isEmpty(position) { return Links.none }
      return deals.position(ofText: position, in: dealIDs).map(Int32.init) ?? Links.unmatched
    }
  }

  /// Links the payouts to `deals` and lets go of what served only for that (see
  /// ``releaseLookups(keepingDealIDsOf:)``); the result is ``dealPositions(in:)``, for
  /// ``Dataset/link(payoutDeals:)``. The importer does this as soon as deals and payouts are
  /// read, while the leads are still being read: their lookups never add to the import's peak.
  public mutating func link(to deals: IDIndex) -> [Int32] {
    let positions = dealPositions(in: deals)
    releaseLookups(keepingDealIDsOf: Links.unmatchedRows(positions))
    return positions
  }

  /// Payout number `position`, as one value.
  public subscript(position: Int) -> Payout {
    Payout(
      id: id(position), paid: paid(position), referrer: referrer(position), dealID: dealID(position), kind: kinds[position],
      amount: amount(position), line: line(position))
  }

  /// The position of the payout that already has `id`, or `nil` after reserving the next
  /// position for it — which ``fill(paid:referrer:dealID:kind:amount:line:)`` must fill.
  public mutating func claim(_ id: ByteView) -> Int? { index.claim(id, rowsFilled: count) }

  /// The values of the payout whose id ``claim(_:)`` reserved; `dealID` is UTF-8, empty for none.
  public mutating func fill(paid day: Day, referrer: TextID?, dealID: ByteView, kind: Payout.Kind, amount: Money, line: Int) {
    precondition(index.count == count + 1, "fill without a claimed id")
    paidDays.append(day.ordinal)
    referrers.append(referrer)
    dealIDs.append(dealID)
    kinds.append(kind)
    amounts.append(amount.minorUnits)
    lines.append(line)
  }

  public mutating func reserveCapacity(_ count: Int, idLength: Int = 12) {
    index.reserveCapacity(count, averageLength: idLength)
    paidDays.reserveCapacity(count)
    referrers.reserveCapacity(count)
    dealIDs.reserveCapacity(count, bytes: count * idLength)
    kinds.reserveCapacity(count)
    amounts.reserveCapacity(count)
  }

  /// Lets go of the id index's hash table and of the deal ids the payouts named, but those of
  /// `unmatched` payouts: the other payouts' deals are then known by position only.
  public mutating func releaseLookups(keepingDealIDsOf unmatched: [Int]) {
    index.releaseSlots()
    unmatchedDealIDs = Dictionary(uniqueKeysWithValues: unmatched.map { ($0, dealIDs[$0]) })
    dealIDs = TextColumn()
  }

  /// Renumbers referrers (ids of one file's table) into the dataset's merged table.
  public mutating func renumber(referrers referrerMap: [TextID]) {
    referrers.update { referrerMap[Int($0)] }
  }

  /// Corrects every payment day (once the date column's format is known).
  public mutating func correctDays(_ fix: (Day) -> Day) {
    paidDays.update { fix(Day(ordinal: $0)).ordinal }
  }
}
