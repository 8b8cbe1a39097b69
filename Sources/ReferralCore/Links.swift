import Dispatch

/// The joins between the inputs, by position: each deal's lead, each payout's deal, each
/// referrer's own lead. Made once, while the id indexes can still look ids up (the payouts'
/// as soon as deals and payouts are read, see ``PayoutTable/link(to:)``, the others right after
/// the import); their hash tables and the lead and deal ids the deals and payouts named are then
/// let go (see ``Dataset/link(payoutDeals:)``), as nothing after the import looks an id up again.
public struct Links: Sendable, Equatable {
  /// Per deal, the position of its lead; ``none`` when it names none, ``unmatched`` when the
  /// lead it names is not among the leads.
  public let dealLeads: [Int32]
  /// Per payout, the position of its deal; ``none`` when it names none, ``unmatched`` when the
  /// deal it names is not among the deals.
  public let payoutDeals: [Int32]
  /// Per referrer (``Dataset/referrers``), the position of the lead with the referrer's id, or
  /// ``none``.
  public let referrerLeads: [Int32]

  public static let none: Int32 = -1
  public static let unmatched: Int32 = -2

  /// The rows whose link in `positions` is ``unmatched``: theirs are the ids kept as text once
  /// the tables let go of the others.
  static func unmatchedRows(_ positions: [Int32]) -> [Int] { positions.indices.filter { positions[$0] == unmatched } }

  /// The links of `dataset`, whose indexes must still be able to look ids up (the deals' only
  /// when `payoutDeals` were not made already, see ``PayoutTable/link(to:)``). The joins are
  /// made side by side, the deals' in thirds, with `alongside` (other work that reads the same
  /// tables) as one more job, the longest jobs first: a second pool started from inside one of
  /// these jobs ran its jobs one after another.
  public init(_ dataset: Dataset, payoutDeals made: [Int32]? = nil, alongside: (@Sendable () -> Void)? = nil) {
    let results = Joins()
    var prepared = dataset.leadTable.index
    prepared.prepareForLookups()  // on a copy: the table's own index stays as it is
    let leads = prepared
    let deals = dataset.dealTable
    let third = (deals.count + 2) / 3
    // The thirds of the deals' join fill one array in place (no joining copy).
    dealLeads = Array(unsafeUninitializedCapacity: deals.count) { buffer, initialized in
      // Each third writes its own elements only.
      nonisolated(unsafe) let positions = buffer
      DispatchQueue.concurrentPerform(iterations: 6) { job in
        switch job {
        case 0: results.referrerLeads = dataset.referrers.map { leads.position(of: $0).map(Int32.init) ?? Self.none }
        case 1, 2, 3:
          let part = min((job - 1) * third, deals.count)..<min(job * third, deals.count)
          Self.dealLeads(deals, part, leads, into: positions)
        case 4: alongside?()
        default: results.payoutDeals = made ?? dataset.payoutTable.dealPositions(in: deals.index)
        }
      }
      initialized = deals.count
    }
    payoutDeals = results.payoutDeals
    referrerLeads = results.referrerLeads
  }

  /// Writes the lead of every deal of `range` into `positions` at the deal's position.
  private static func dealLeads(_ deals: DealTable, _ range: Range<Int>, _ leads: IDIndex, into positions: UnsafeMutableBufferPointer<Int32>) {
    for deal in range {
      // The lead's slot a few deals ahead is loaded meanwhile: the misses overlap.
      if deal + 8 < range.upperBound { deals.prefetchLead(deal + 8, in: leads) }
      let position: Int32
      if let lead = deals.leadPosition(deal, in: leads) {
        position = Int32(lead)
      } else {
        position = deals.namesLead(deal) ? unmatched : none
      }
      positions.initializeElement(at: deal, to: position)
    }
  }
}

/// The joins' results, each written by one job only.
private final class Joins: @unchecked Sendable {
  var payoutDeals: [Int32] = []
  var referrerLeads: [Int32] = []
}
