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

  static var dataset: Dataset {
    var data = Dataset()
    data.sources = ["Referral", "Web"]
    data.referrers = ["C1", "P1", "O1", "X9"]
    data.leads = [
      Lead(id: "C1", created: day("2026-08-01"), source: 1),
      Lead(id: "P1", created: day("2026-08-05"), source: 1),
      Lead(id: "O1", created: day("2026-08-07"), source: 1),
      Lead(id: "R1", created: day("2026-10-02"), source: 0, referrer: 0),
      Lead(id: "R2", created: day("2026-10-03"), source: 0, referrer: 0),
      Lead(id: "R3", created: day("2026-10-04"), source: 0, referrer: 1),
      Lead(id: "R4", created: day("2026-10-05"), source: 0, referrer: 2),
      Lead(id: "R5", created: day("2026-10-06"), source: 0, referrer: 3),
      Lead(id: "R6", created: day("2026-09-20"), source: 0, referrer: 3),
    ]
    data.deals = [
      Deal(id: "DC", leadID: "C1", outcome: .won, amount: usd(5_000), closed: day("2026-09-01")),
      Deal(id: "DP", leadID: "P1", outcome: .lost, amount: usd(700), closed: day("2026-09-10")),
      Deal(id: "W1", leadID: "R1", outcome: .won, amount: usd(1_000), closed: day("2026-10-20")),
      Deal(id: "W3", leadID: "R3", outcome: .won, amount: usd(400), closed: day("2026-10-25")),
      Deal(id: "L4", leadID: "R4", outcome: .lost, amount: usd(90), closed: day("2026-10-26")),
      Deal(id: "W5", leadID: "R5", outcome: .won, amount: usd(250), closed: day("2026-10-30")),
      Deal(id: "W6", leadID: "R6", outcome: .won, amount: usd(50), closed: day("2026-10-10")),
    ]
    return data
  }

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
