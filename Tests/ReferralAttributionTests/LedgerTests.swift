import ReferralCore
import TestSupport
import Testing

@testable import ReferralAttribution

/// How a lead or referrer is named for whoever acts on it, the one rule every list uses; and
/// since when a lead is a customer, which every section asks.
@Suite struct LedgerTests {
  @Test func aRecordIsNamedByItsPersonAndCompanyBesideItsID() {
    #expect(RecordName.withID("L000290", person: "Ana Souza", company: "Juniper Architects") == "Ana Souza, Juniper Architects (L000290)")
    #expect(RecordName.withID("L000290", person: "Ana Souza", company: "") == "Ana Souza (L000290)")
    #expect(RecordName.withID("L000290", person: nil, company: "Juniper Architects") == "Juniper Architects (L000290)")
    #expect(RecordName.withID("L000290", person: nil, company: "") == "L000290")
    #expect(RecordName.label(person: nil, company: "") == "")
  }

  @Test func aReferrerWhoIsOneOfTheLeadsIsNamedByTheirLead() throws {
    let data = try Dataset.importing([
      .leads: """
      lead_id,created_at,source,referrer_id,company,first_name,last_name
      L1,2026-10-01,Referral,L2,Acme,Cy,Li
      L2,2026-09-01,Web,,Juniper,Ana,Souza
      L3,2026-10-02,Referral,X9,Bolt,,

      """
    ])
    let ledger = Ledger(dataset: data, options: AttributionOptions())
    #expect(ledger.name(ofLead: 0) == "Cy Li, Acme (L1)")
    #expect(ledger.person(ofLead: 2) == nil)
    #expect(ledger.name(ofReferrer: try #require(ledger.leads.referrer(0))) == "Ana Souza, Juniper (L2)")
    // X9 is no lead: its id alone.
    #expect(ledger.name(ofReferrer: try #require(ledger.leads.referrer(2))) == "X9")
  }

  @Test func aLeadIsACustomerFromItsEarliestWinWhateverTheOrderOrTheYear() throws {
    // L1 won twice, the later deal first in the file; L2 won only in a typo year 800 years on;
    // L3 lost and has an open deal; L4 has no deal.
    let data = try Dataset.importing([
      .leads: """
      lead_id,created_at,source
      L1,2026-01-05,Web
      L2,2026-01-06,Web
      L3,2026-01-07,Web
      L4,2026-01-08,Web

      """,
      .deals: """
      deal_id,lead_id,stage,amount,closed_at
      D1,L1,won,10.00,2026-05-20
      D2,L1,won,10.00,2026-03-10
      D3,L2,won,10.00,2826-03-10
      D4,L3,lost,10.00,2026-02-01
      D5,L3,open,10.00,
      D6,L1,lost,10.00,2026-01-10

      """,
    ])
    let ledger = Ledger(dataset: data, options: AttributionOptions())
    #expect(ledger.firstWin(ofLead: 0) == Day(iso: "2026-03-10"))
    #expect(ledger.firstWin(ofLead: 1) == Day(iso: "2826-03-10"))
    #expect(ledger.firstWin(ofLead: 2) == nil && ledger.firstWin(ofLead: 3) == nil)
    #expect(!ledger.isCustomer(0, by: Day(iso: "2026-03-09")!) && ledger.isCustomer(0, by: Day(iso: "2026-03-10")!))
    #expect(ledger.converted(1) && !ledger.converted(2) && !ledger.converted(3))
  }
}
