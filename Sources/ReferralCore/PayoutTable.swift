/// The payouts, column by column, like ``DealTable``: ids once, as bytes in the index, the deal
/// ids they name back to back in one byte buffer, everything else as small integers.
/// ``Payout`` remains the value for one payout.
public struct PayoutTable: Sendable {
  /// The payout ids, and the position of each.
  public private(set) var index = IDIndex()
  public private(set) var paid: [Day] = []
  public private(set) var kinds: [Payout.Kind] = []
  private var amounts: [Int64] = []
  private var referrers: [TextID] = []
  private var lines = LineColumn()
  private var dealIDs = TextColumn()

  private static let noText: TextID = -1

  public init() {}

  /// The table of `payouts`; a repeated id keeps its first payout.
  public init(_ payouts: [Payout]) {
    reserveCapacity(payouts.count)
    for payout in payouts where payout.id.withUTF8Bytes({ claim($0) }) == nil {
      (payout.dealID ?? "").withUTF8Bytes { dealID in
        fill(paid: payout.paid, referrer: payout.referrer, dealID: dealID, kind: payout.kind, amount: payout.amount, line: payout.line)
      }
    }
  }

  public var count: Int { paid.count }
  public var indices: Range<Int> { 0..<count }

  public func id(_ position: Int) -> String { index[position] }
  public func amount(_ position: Int) -> Money { Money(minorUnits: amounts[position]) }
  public func referrer(_ position: Int) -> TextID? { referrers[position] == Self.noText ? nil : referrers[position] }
  public func line(_ position: Int) -> Int { lines[position] }

  /// Whether the payout names a deal at all.
  public func namesDeal(_ position: Int) -> Bool { !dealIDs.isEmpty(position) }

  /// The deal id the payout names, as written; `nil` when it names none.
  public func dealID(_ position: Int) -> String? { dealIDs.isEmpty(position) ? nil : dealIDs[position] }

  /// The position in `deals` of the deal the payout names, looked up by bytes.
  public func dealPosition(_ position: Int, in deals: IDIndex) -> Int? {
    dealIDs.isEmpty(position) ? nil : dealIDs.withBytes(at: position) { deals.position(of: $0) }
  }

  /// Payout number `position`, as one value.
  public subscript(position: Int) -> Payout {
    Payout(
      id: id(position), paid: paid[position], referrer: referrer(position), dealID: dealID(position), kind: kinds[position],
      amount: amount(position), line: line(position))
  }

  /// The position of the payout that already has `id`, or `nil` after reserving the next
  /// position for it — which ``fill(paid:referrer:dealID:kind:amount:line:)`` must fill.
  public mutating func claim(_ id: UnsafeRawBufferPointer) -> Int? { index.claim(id, rowsFilled: count) }

  /// The values of the payout whose id ``claim(_:)`` reserved; `dealID` is UTF-8, empty for none.
  public mutating func fill(paid day: Day, referrer: TextID?, dealID: UnsafeRawBufferPointer, kind: Payout.Kind, amount: Money, line: Int) {
    precondition(index.count == count + 1, "fill without a claimed id")
    paid.append(day)
    referrers.append(referrer ?? Self.noText)
    dealIDs.append(dealID)
    kinds.append(kind)
    amounts.append(amount.minorUnits)
    lines.append(line)
  }

  public mutating func reserveCapacity(_ count: Int, idLength: Int = 12) {
    index.reserveCapacity(count, averageLength: idLength)
    paid.reserveCapacity(count)
    referrers.reserveCapacity(count)
    dealIDs.reserveCapacity(count, bytes: count * idLength)
    kinds.reserveCapacity(count)
    amounts.reserveCapacity(count)
  }

  /// Lets go of the id index's hash table (see ``Dataset/link()``).
  public mutating func releaseLookups() { index.releaseSlots() }

  /// Renumbers referrers (ids of one file's table) into the dataset's merged table.
  public mutating func renumber(referrers referrerMap: [TextID]) {
    for i in indices where referrers[i] != Self.noText { referrers[i] = referrerMap[Int(referrers[i])] }
  }

  /// Corrects every payment day (once the date column's format is known).
  public mutating func correctDays(_ fix: (Day) -> Day) {
    for i in indices { paid[i] = fix(paid[i]) }
  }
}
