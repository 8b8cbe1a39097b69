import ReferralAttribution
import ReferralCore
import TestSupport
import Testing

@Suite struct ClosingTheLoopTests {
  typealias F = ReferrerFixture

  /// - P1: to C1 the day after W1 was won: W1's loop is closed.
  /// - P2: to P1, but before W3 was won (10-25): W3 is still open.
  /// - P3: naming W5, with no referrer: W5's loop is closed through the deal.
  @Test func wonReferralsWithoutAGiftOrFeeSinceTheWinAreListed() throws {
    let data = try F.importing([
      .payouts: """
      payout_id,paid_at,referrer_id,deal_id,kind,amount
      P1,2026-10-21,C1,,gift,50.00
      P2,2026-10-01,P1,,gift,50.00
      P3,2026-10-31,,W5,fee,25.00

      """
    ])
    let result = Attributor.attribute(data, options: F.options)
    let open = result.programme.closingTheLoop.open
    // W6 (X9, won 10-10: 21 days to 10-31) and W3 (P1, won 10-25: 6 days), oldest win first.
    #expect(open?.map(\.dealID) == ["W6", "W3"])
    #expect(open?.map(\.daysSinceWin) == [21, 6])
    #expect(open?.map(\.referrer) == ["X9", "P1"])
    #expect(open?.first?.amount == F.usd(50))
    #expect(result.actions.contains(.closeTheLoop(deals: 2)))
  }

  /// Without a payouts export no payout can be known, so none is called missing.
  @Test func withoutPayoutsNothingIsCalledOpen() throws {
    let result = Attributor.attribute(try F.importing(), options: F.options)
    #expect(result.programme.closingTheLoop.open == nil)
    #expect(!result.actions.contains { $0.kind == "close_the_loop" })
  }
}
