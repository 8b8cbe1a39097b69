import ReferralCore
import TestSupport
import Testing

@testable import ReferralAttribution

@Suite struct LinksTests {
  let day = Day(iso: "2026-10-05")!

  var dataset: Dataset {
    var data = Dataset()
    data.referrers = ["L1", "CUST-9"]
    data.leads = [Lead(id: "L1", created: day, source: 0), Lead(id: "L2", created: day, source: 0, referrer: 0)]
    data.deals = [
      Deal(id: "D1", leadID: "L2", outcome: .won, amount: .zero, closed: day),
      Deal(id: "D2", leadID: "L9", outcome: .lost, closed: day),
      Deal(id: "D3", outcome: .open),
    ]
    data.payouts = [
      Payout(id: "P1", paid: day, referrer: 0, dealID: "D1", kind: .fee, amount: .zero),
      Payout(id: "P2", paid: day, referrer: nil, dealID: "D9", kind: .fee, amount: .zero),
      Payout(id: "P3", paid: day, referrer: 1, dealID: nil, kind: .gift, amount: .zero),
    ]
    data.asks = [Ask(id: "A1", asked: day, leadID: "L2"), Ask(id: "A2", asked: day, leadID: "L7")]
    return data
  }

  @Test func dealsPayoutsAsksAndReferrersAreJoinedByPosition() {
    let links = Links(dataset)
    #expect(links.dealLeads == [1, Links.unmatched, Links.none])
    #expect(links.payoutDeals == [0, Links.unmatched, Links.none])
    #expect(links.askLeads == [1, Links.unmatched])
    #expect(links.referrerLeads == [0, Links.none])
    #expect(links.linkLeadsAndDeals(of: dataset))
  }

  /// Leads and deals given and not one deal naming a lead of the export: lead conversion is
  /// unknown (with no deals, or without a leads export, there is nothing to link).
  @Test func noDealNamingALeadLeavesConversionUnknown() {
    var data = dataset
    data.deals = [Deal(id: "D1", leadID: "L9", outcome: .won, closed: day)]
    #expect(!Links(data).linkLeadsAndDeals(of: data))
    data.deals = []
    #expect(Links(data).linkLeadsAndDeals(of: data))
  }
}
