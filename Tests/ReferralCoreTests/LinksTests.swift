import ReferralCore
import Testing

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
    return data
  }

  @Test func dealsPayoutsAndReferrersAreJoinedByPosition() {
    let links = Links(dataset)
    #expect(links.dealLeads == [1, Links.unmatched, Links.none])
    #expect(links.payoutDeals == [0, Links.unmatched, Links.none])
    #expect(links.referrerLeads == [0, Links.none])
  }

  @Test func linkingKeepsWhatTheDealsSayButLetsTheLookupsGo() {
    var data = dataset
    let (deals, payouts, span) = (data.deals, data.payouts, data.span)
    data.link()
    #expect(data.span == span && span == DataSpan(first: day, end: day))
    #expect(data.links == Links(dataset))
    #expect(data.deals == deals)  // matched lead ids read back from the leads, the unmatched one kept
    #expect(data.payouts == payouts)  // likewise the payouts' deal ids
    #expect(data.payoutTable.namesDeal(1) && !data.payoutTable.namesDeal(2))
    #expect(data.leads.map(\.id) == ["L1", "L2"])
  }

  @Test func payoutsLinkedEarlyGiveTheSameLinks() {
    var data = dataset
    var payouts = data.payoutTable
    let early = payouts.link(to: data.dealTable.index)
    #expect(payouts.dealID(1) == "D9" && payouts.dealID(0) == nil)  // only the unmatched deal id is kept
    data.payoutTable = payouts
    data.link(payoutDeals: early)
    #expect(data.links == Links(dataset))
  }
}
