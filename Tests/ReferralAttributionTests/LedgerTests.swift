import ReferralCore
import TestSupport
import Testing

@testable import ReferralAttribution

/// How a lead or referrer is named for whoever acts on it, the one rule every list uses.
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
}
