import CSVStream
import ReferralCore
import Testing

/// The deal each converted lead became, by the deal's id: the first lead that names a deal keeps
/// it, ids are found by their bytes, in any order.
@Suite struct ConvertedDealsTests {
  @Test func theFirstLeadThatNamesADealKeepsIt() {
    var converted = ConvertedDeals()
    for (deal, lead) in [("006B", 0), ("006A", 1), ("006B", 2), ("0065000000XyZaBQAV", 3)] {
      deal.withByteView { converted.add(deal: $0, lead: Int32(lead)) }
    }
    converted.prepareForLookups()
    #expect(converted.count == 3)
    let found = ["006A", "006B", "0065000000XyZaBQAV", "006C"].map { id in id.withByteView { converted.lead(ofDeal: $0) } }
    #expect(found == [1, 0, 3, nil])
  }
}
