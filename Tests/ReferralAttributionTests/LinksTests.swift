import ReferralCore
import TestSupport
import Testing

@testable import ReferralAttribution

@Suite struct LinksTests {
  static let leads = """
    lead_id,created_at,source,referrer_id
    L1,2026-10-05,Web,
    L2,2026-10-05,Web,L1

    """

  /// D1 names L2; D2 names L9, no lead; D3 names none.
  static let deals = """
    deal_id,lead_id,stage,amount,closed_at
    D1,L2,won,0.00,2026-10-05
    D2,L9,lost,,2026-10-05
    D3,,open,,

    """

  /// P1 names D1; P2 names D9, no deal; P3 names none, its referrer CUST-9 no lead.
  static let payouts = """
    payout_id,paid_at,referrer_id,deal_id,kind,amount
    P1,2026-10-05,L1,D1,fee,0.00
    P2,2026-10-05,,D9,fee,0.00
    P3,2026-10-05,CUST-9,,gift,0.00

    """

  static let asks = """
    ask_id,asked_at,lead_id
    A1,2026-10-05,L2
    A2,2026-10-05,L7

    """

  static func dataset(deals: String = deals) throws -> Dataset {
    try Dataset.importing([.leads: leads, .deals: deals, .payouts: payouts, .asks: asks])
  }

  @Test func dealsPayoutsAsksAndReferrersAreJoinedByPosition() throws {
    let dataset = try Self.dataset()
    let links = Links(dataset)
    #expect(links.dealLeads == [1, Links.unmatched, Links.none])
    #expect(links.payoutDeals == [0, Links.unmatched, Links.none])
    #expect(links.askLeads == [1, Links.unmatched])
    #expect(links.referrerLeads == [0, Links.none])
    #expect(links.linkLeadsAndDeals(of: dataset))
  }

  /// Leads and deals given and not one deal naming a lead of the export: lead conversion is
  /// unknown (with no deals, or without a leads export, there is nothing to link).
  @Test func noDealNamingALeadLeavesConversionUnknown() throws {
    var data = try Self.dataset(deals: "deal_id,lead_id,stage,amount,closed_at\nD1,L9,won,,2026-10-05\n")
    #expect(!Links(data).linkLeadsAndDeals(of: data))
    data = try Self.dataset(deals: "deal_id,lead_id,stage,amount,closed_at\n")
    #expect(Links(data).linkLeadsAndDeals(of: data))
  }
}
