import ReferralAttribution
import ReferralCore
import TestSupport
import Testing

@Suite struct ClosingTheLoopTests {
  typealias F = ReferrerFixture

  @Test func wonReferralsWithoutAGiftOrFeeSinceTheWinAreListed() {
    var data = F.dataset
    data.payouts = [
      // To C1 the day after W1 was won: W1's loop is closed.
      Payout(id: "P1", paid: F.day("2026-10-21"), referrer: 0, dealID: nil, kind: .gift, amount: F.usd(50)),
      // To P1, but before W3 was won (10-25): W3 is still open.
      Payout(id: "P2", paid: F.day("2026-10-01"), referrer: 1, dealID: nil, kind: .gift, amount: F.usd(50)),
      // Naming W5, with no referrer: W5's loop is closed through the deal.
      Payout(id: "P3", paid: F.day("2026-10-31"), referrer: nil, dealID: "W5", kind: .fee, amount: F.usd(25)),
    ]
    data.hasPayouts = true
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
  @Test func withoutPayoutsNothingIsCalledOpen() {
    let result = Attributor.attribute(F.dataset, options: F.options)
    #expect(result.programme.closingTheLoop.open == nil)
    #expect(!result.actions.contains { $0.kind == "close_the_loop" })
  }
}
