import ReferralCore
import Scheduler

/// The joins between the inputs, by position: each deal's lead, each payout's deal, each ask's
/// lead, each referrer's own lead. An attribution rule (a deal that names no lead of the export
/// may still be the deal a lead converted into), so made here, once per run, by the ``Ledger``,
/// from the dataset as the import made it: the same path for every dataset.
struct Links: Sendable, Equatable {
  /// Per deal, the position of its lead; ``none`` when it names none, ``unmatched`` when the
  /// lead it names is not among the leads.
  let dealLeads: [Int32]
  /// Per payout, the position of its deal; ``none`` when it names none, ``unmatched`` when the
  /// deal it names is not among the deals.
  let payoutDeals: [Int32]
  /// Per ask, the position of the lead it names; ``unmatched`` when none has its id.
  let askLeads: [Int32]
  /// Per feedback answer, the position of the lead it names; ``unmatched`` when none has its id.
  let answerLeads: [Int32]
  /// Per referrer (``Dataset/referrers``), the position of the lead with the referrer's id, or
  /// ``none``.
  let referrerLeads: [Int32]

  static let none: Int32 = -1
  static let unmatched: Int32 = -2

  /// The links of `dataset`, made side by side, the longest jobs first: the referrers' own
  /// leads in halves and the deals' in thirds (a lookup each, hundreds of thousands at 1M
  /// leads), then the payouts', asks' and answers'. Ids that came sorted are found by halving,
  /// the deals' leads and the referrers' first near the lead found before (see
  /// `IDIndex.positions`): building their hash table would take longer than the lookups it
  /// saves (1M leads, 2026-12-07).
  init(_ dataset: Dataset) {
    let leads = dataset.leadTable.index
    let deals = dataset.dealTable
    var dealIndex = deals.index
    if dataset.payoutTable.count > 0 { dealIndex.prepareForLookups() }
    let dealsByID = dealIndex
    let referrers = Self.parts(dataset.referrers.count, 2)
    let thirds = Self.parts(deals.count, 3)
    let referrerLeads = { @Sendable (part: Range<Int>) in leads.positions(of: dataset.referrers[part], none: Self.none) }
    let dealLeads = { @Sendable (part: Range<Int>) in
      deals.leadPositions(part, in: leads, none: Self.none, unmatched: Self.unmatched)
    }
    let (referrersFirst, referrersLast, first, second, last, payoutDeals, askLeads, answerLeads) = Scheduler.run(
      { referrerLeads(referrers[0]) },
      { referrerLeads(referrers[1]) },
      { dealLeads(thirds[0]) },
      { dealLeads(thirds[1]) },
      { dealLeads(thirds[2]) },
      {
        let payouts = dataset.payoutTable
        return payouts.indices.map { payout in
          guard payouts.namesDeal(payout) else { return Self.none }
          return payouts.dealPosition(payout, in: dealsByID).map(Int32.init) ?? Self.unmatched
        }
      },
      { dataset.askTable.indices.map { dataset.askTable.leadPosition($0, in: leads).map(Int32.init) ?? Self.unmatched } },
      { dataset.feedbackTable.indices.map { dataset.feedbackTable.leadPosition($0, in: leads).map(Int32.init) ?? Self.unmatched } })
    var dealLeadPositions = first + second + last
    Self.linkConverted(&dealLeadPositions, deals, dataset.convertedDeals)
    (self.dealLeads, self.payoutDeals, self.askLeads, self.answerLeads) = (dealLeadPositions, payoutDeals, askLeads, answerLeads)
    self.referrerLeads = referrersFirst + referrersLast
  }

  /// `count` positions cut into `parts` ranges of about one size.
  private static func parts(_ count: Int, _ parts: Int) -> [Range<Int>] {
    let size = (count + parts - 1) / parts
    return (0..<parts).map { min($0 * size, count)..<min(($0 + 1) * size, count) }
  }

  /// Whether these links say anything of lead conversion: `false` when both exports were given
  /// and not one deal names a lead of the leads export (nor a lead its deal), so lead
  /// conversion is unknown, not 0.
  func linkLeadsAndDeals(of dataset: Dataset) -> Bool {
    guard dataset.hasLeads, !dataset.outcomesFromLeads, dataset.dealTable.count > 0 else { return true }
    return dealLeads.contains { $0 >= 0 }
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
}
