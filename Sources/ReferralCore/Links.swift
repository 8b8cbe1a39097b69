import Scheduler

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
  /// when `payoutDeals` were not made already, see ``PayoutTable/link(to:)``), and the result
  /// of `alongside`, other work that reads the same tables. The joins are made side by side,
  /// the deals' in thirds, the longest jobs first.
  public static func make<Extra: Sendable>(
    _ dataset: Dataset, payoutDeals made: [Int32]? = nil, alongside: @escaping @Sendable () -> Extra
  ) -> (Links, Extra) {
    var prepared = dataset.leadTable.index
    prepared.prepareForLookups()  // on a copy: the table's own index stays as it is
    let leads = prepared
    let deals = dataset.dealTable
    let third = (deals.count + 2) / 3
    let parts = (0..<3).map { min($0 * third, deals.count)..<min(($0 + 1) * third, deals.count) }
    let (referrerLeads, first, second, last, extra, payoutDeals) = Scheduler.run(
      { dataset.referrers.indices.map { dataset.referrers.withBytes(at: $0) { leads.position(of: $0) }.map(Int32.init) ?? Self.none } },
      { Self.dealLeads(deals, parts[0], leads) },
      { Self.dealLeads(deals, parts[1], leads) },
      { Self.dealLeads(deals, parts[2], leads) },
      alongside,
      { made ?? dataset.payoutTable.dealPositions(in: deals.index) })
    var dealLeads = first + second + last
    Self.linkConverted(&dealLeads, deals, dataset.convertedDeals)
    return (Links(dealLeads: dealLeads, payoutDeals: payoutDeals, referrerLeads: referrerLeads), extra)
  }

  /// The links of `dataset` (see ``make(_:payoutDeals:alongside:)``).
  public init(_ dataset: Dataset) {
    self = Self.make(dataset) {}.0
  }

  private init(dealLeads: [Int32], payoutDeals: [Int32], referrerLeads: [Int32]) {
    (self.dealLeads, self.payoutDeals, self.referrerLeads) = (dealLeads, payoutDeals, referrerLeads)
  }

  /// Links the deals that name no lead (or one not among the leads) to the lead that names them
  /// as its converted deal: a pass over the deals' ids, made only when leads name deals.
  private static func linkConverted(_ dealLeads: inout [Int32], _ deals: DealTable, _ converted: ConvertedDeals) {
    guard !converted.isEmpty else { return }
    var converted = converted
    converted.prepareForLookups()
    for deal in dealLeads.indices where dealLeads[deal] < 0 {
      if let lead = deals.index.withBytes(at: deal, { converted.lead(ofDeal: $0) }) { dealLeads[deal] = lead }
    }
  }

  /// The lead of every deal of `range`, in order.
  private static func dealLeads(_ deals: DealTable, _ range: Range<Int>, _ leads: IDIndex) -> [Int32] {
    var positions: [Int32] = []
    positions.reserveCapacity(range.count)
    for deal in range {
      if let lead = deals.leadPosition(deal, in: leads) {
        positions.append(Int32(lead))
      } else {
        positions.append(deals.namesLead(deal) ? unmatched : none)
      }
    }
    return positions
  }
}
