import CSVStream

/// The deal each converted lead became, by the deal's id, when the leads export names it
/// (Salesforce's `ConvertedOpportunityId`): deals that name no lead are linked this way. The
/// first lead that names a deal keeps it. The ids are kept as an id index keeps them (an
/// 18-character Salesforce id in 18 bytes and a slot) and each lead as a position: a
/// `[String: Int32]` cost about 100 bytes per converted lead, 20% of a 10M-lead export.
package struct ConvertedDeals: Sendable {
  private var index = IDIndex()
  private var leads: [Int32] = []

  package init() {}

  package var isEmpty: Bool { leads.isEmpty }
  package var count: Int { leads.count }

  /// Notes that lead `lead` became deal `id`, unless an earlier lead named that deal.
  package mutating func add(deal id: ByteView, lead: Int32) {
    if index.insert(id) == nil { leads.append(lead) }
  }

  /// The lead that became the deal with id `id`, if one did.
  package func lead(ofDeal id: ByteView) -> Int32? { index.position(of: id).map { leads[$0] } }

  /// Ready for the lookups of a join (an index whose ids came sorted builds its table now, if
  /// they cannot be searched by number).
  package mutating func prepareForLookups() { index.prepareForLookups() }
}
