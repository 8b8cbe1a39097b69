import ReferralCore
import TestSupport

/// ``ReferrerFixture``'s company as its exports say it, for the tests that import it beside an
/// export of their own (referral requests, payouts): the same leads and deals, as text.
extension ReferrerFixture {
  static let leadsText = """
    lead_id,created_at,source,referrer_id
    C1,2026-08-01,Web,
    P1,2026-08-05,Web,
    O1,2026-08-07,Web,
    R1,2026-10-02,Referral,C1
    R2,2026-10-03,Referral,C1
    R3,2026-10-04,Referral,P1
    R4,2026-10-05,Referral,O1
    R5,2026-10-06,Referral,X9
    R6,2026-09-20,Referral,X9

    """

  static let dealsText = """
    deal_id,lead_id,stage,amount,closed_at
    DC,C1,won,5000.00,2026-09-01
    DP,P1,lost,700.00,2026-09-10
    W1,R1,won,1000.00,2026-10-20
    W3,R3,won,400.00,2026-10-25
    L4,R4,lost,90.00,2026-10-26
    W5,R5,won,250.00,2026-10-30
    W6,R6,won,50.00,2026-10-10

    """

  /// The fixture's leads and deals imported with `more` (an asks or payouts export).
  static func importing(_ more: [InputRole: String] = [:]) throws -> Dataset {
    try Dataset.importing([.leads: leadsText, .deals: dealsText].merging(more) { _, new in new })
  }
}
