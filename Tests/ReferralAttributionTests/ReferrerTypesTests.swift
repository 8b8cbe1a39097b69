import ReferralAttribution
import ReferralCore
import TestSupport
import Testing

/// Referrers of every kind, and their referrals' wins, worked out by hand for October 2026.
///
/// C1 is a customer (won DC in September), P1 a lost prospect (lost DP), O1 an open prospect (no
/// deal), X9 is in no leads export. R1–R5 are October referral leads, R6 a September one.
enum ReferrerFixture {
  static func day(_ iso: String) -> Day { Day(iso: iso)! }
  static func usd(_ units: Int64) -> Money { Money(minorUnits: units * 100) }

  static let leads = """
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

  static let deals = """
    deal_id,lead_id,stage,amount,closed_at
    DC,C1,won,5000.00,2026-09-01
    DP,P1,lost,700.00,2026-09-10
    W1,R1,won,1000.00,2026-10-20
    W3,R3,won,400.00,2026-10-25
    L4,R4,lost,90.00,2026-10-26
    W5,R5,won,250.00,2026-10-30
    W6,R6,won,50.00,2026-10-10

    """

  /// The exports, imported (a fixture that does not import is a broken test). Referrers are
  /// numbered as the leads name them: C1, P1, O1, X9.
  static let dataset = try! Dataset.importing([.leads: leads, .deals: deals])

  static var options: AttributionOptions {
    var options = AttributionOptions()
    options.period = Period(month: Month(year: 2026, month: 10)!)
    return options
  }
}

@Suite struct ReferrerTypesTests {
  @Test func referralsAreCountedByWhoTheReferrerIs() {
    let rows = Attributor.attribute(ReferrerFixture.dataset, options: ReferrerFixture.options).programme.referrerTypes.rows
    /// Referrers, leads, won and revenue of one kind's row.
    func row(_ kind: ReferrerTypes.Kind) -> [String] {
      rows.first { $0.kind == kind }.map { ["\($0.referrers)", "\($0.leads)", "\($0.won)", "\($0.revenue.map { "\($0.minorUnits / 100)" } ?? "nil")"] } ?? []
    }
    #expect(rows.map(\.kind) == [.customer, .lostProspect, .openProspect, .outside])
    // C1 (customer): leads R1, R2; won W1, $1,000.
    #expect(row(.customer) == ["1", "2", "1", "1000"])
    // P1 (lost DP, won nothing): lead R3; won W3, $400.
    #expect(row(.lostProspect) == ["1", "1", "1", "400"])
    // O1 (no deal): lead R4, whose deal was lost: no win.
    #expect(row(.openProspect) == ["1", "1", "0", "0"])
    // X9 (not a lead): lead R5 (R6 is September's); wins W5 $250 + W6 $50 (won in October) = $300.
    #expect(row(.outside) == ["1", "1", "2", "300"])
  }
}
