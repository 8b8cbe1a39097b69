import ReferralCore
import TestSupport
import Testing

@Suite struct TouchTableTests {
  static func day(_ iso: String) -> Day { Day(iso: iso)! }

  /// Leads A (position 0) and B (1); touches in file order: B 3 Oct, A 5 Oct, Z (no lead),
  /// B 1 Oct, B 3 Oct (a tie with the first: file order), A 2 Oct.
  @Test func touchesGroupByLeadThenDayThenFileOrder() {
    let touches = TouchTable([
      Touch(leadID: "B", touched: Self.day("2026-10-03"), channel: 0), Touch(leadID: "A", touched: Self.day("2026-10-05"), channel: 1),
      Touch(leadID: "Z", touched: Self.day("2026-10-01"), channel: 0), Touch(leadID: "B", touched: Self.day("2026-10-01"), channel: 2),
      Touch(leadID: "B", touched: Self.day("2026-10-03"), channel: 3), Touch(leadID: "A", touched: Self.day("2026-10-02"), channel: 0),
    ])
    let leads = touches.leadPositions(
      in: LeadTable([Lead(id: "A", created: Self.day("2026-10-01"), source: 0), Lead(id: "B", created: Self.day("2026-10-01"), source: 0)]).index)
    #expect(leads == [1, 0, -1, 1, 1, 0])
    let (starts, order) = touches.byLead(leads, leadCount: 2)
    // A: touch 5 (2 Oct), touch 1 (5 Oct); B: touch 3 (1 Oct), touches 0 and 4 (3 Oct, in file order).
    #expect(starts == [0, 2, 5])
    #expect(order == [5, 1, 3, 0, 4])
    #expect(order.map { touches.channel(Int($0)) } == [0, 1, 2, 0, 3])
  }
}
