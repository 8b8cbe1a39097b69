import ReferralAttribution
import ReferralCore
import TestSupport
import Testing

/// Top referrers, watched, October 2026 worked out by hand: the last 90 days are 2026-08-03 to
/// 10-31, the 90 before 2026-05-05 to 08-02, the trailing year 2025-11-01 to 2026-10-31.
///
/// Referral revenue in the year: K1 5,000, K2 4,000, K3 3,000, K4 2,000, K5 1,000 (five earning
/// referrers); K6's 9,000 closed 2025-10-01, before the year.
@Suite struct ReferrerWatchTests {
  static func day(_ iso: String) -> Day { Day(iso: iso)! }
  static func usd(_ units: Int64) -> Money { Money(minorUnits: units * 100) }

  /// The referrers K1 and K2 are leads (K1 with an owner), K3–K6 are not. Their referrals:
  /// - K1: 2 in the 90 days before, 2 in the last 90; gaps 42, 45, 66 (usual 45), silent 11 days.
  /// - K2: 4 before, 2 in the last 90 (halved); gaps 31, 30, 20, 21, 66 (usual 30), silent 6 days.
  /// - K3: 3 before, none since (halved); gaps 10, 10 (usual 10), silent 132 days, more than 20.
  static let leads = """
    lead_id,created_at,source,owner,referrer_id,thanked_at
    K1,2025-01-01,Web,Ana,,
    K2,2025-01-01,Web,,,
    K1a,2026-05-20,Referral,,K1,
    K1b,2026-07-01,Referral,,K1,
    K1c,2026-08-15,Referral,,K1,2026-08-16
    K1d,2026-10-20,Referral,,K1,2026-10-30
    K2a,2026-05-10,Referral,,K2,
    K2b,2026-06-10,Referral,,K2,
    K2c,2026-07-10,Referral,,K2,2026-07-11
    K2d,2026-07-30,Referral,,K2,
    K2e,2026-08-20,Referral,,K2,
    K2f,2026-10-25,Referral,,K2,2026-11-02
    K3a,2026-06-01,Referral,,K3,
    K3b,2026-06-11,Referral,,K3,
    K3c,2026-06-21,Referral,,K3,
    K4a,2026-03-01,Referral,,K4,
    K5a,2026-02-01,Referral,,K5,
    K6a,2025-08-01,Referral,,K6,

    """

  static let deals = """
    deal_id,lead_id,stage,amount,closed_at
    WK1,K1a,won,5000.00,2026-09-01
    WK2,K2a,won,4000.00,2026-08-01
    WK3,K3a,won,3000.00,2026-07-01
    WK4,K4a,won,2000.00,2026-04-01
    WK5,K5a,won,1000.00,2026-03-01
    WK6,K6a,won,9000.00,2025-10-01

    """

  /// P2, paid after the period's end, is not the last gift or fee as of October.
  static let payouts = """
    payout_id,paid_at,referrer_id,deal_id,kind,amount
    P1,2026-09-10,K1,WK1,gift,50.00
    P2,2026-11-05,K1,WK1,fee,500.00

    """

  static let dataset = try! Dataset.importing([.leads: leads, .deals: deals, .payouts: payouts])

  static func watch(topShare: Double) -> ReferrerWatch {
    var options = AttributionOptions()
    options.period = Period(month: Month(year: 2026, month: 10)!)
    options.referrerTopShare = topShare
    return Attributor.attribute(dataset, options: options).programme.referrerWatch
  }

  @Test func theTopShareOfEarningReferrersIsWatched() throws {
    // 0.6 of 5 earning referrers is 3: K1, K2, K3, most revenue first.
    let w = Self.watch(topShare: 0.6)
    #expect(w.earningReferrers == 5)
    #expect(w.referrers.map(\.id) == ["K1", "K2", "K3"])
    #expect(w.referrers.map(\.revenue) == [Self.usd(5_000), Self.usd(4_000), Self.usd(3_000)])
    #expect(w.referrers.map(\.last90) == [2, 2, 0])
    #expect(w.referrers.map(\.previous90) == [2, 4, 3])
    #expect(w.referrers.map(\.daysSinceLastReferral) == [11, 6, 132])
    #expect(w.referrers.map(\.usualGapDays) == [45, 30, 10])
    // K1 is one of the leads, with an owner; K2 one without; K3 none.
    #expect(w.referrers.map(\.isLead) == [true, true, false])
    #expect(w.referrers.map(\.owner) == ["Ana", nil, nil])
    // K2's thank-you of 2026-11-02 is after October; P2 too.
    #expect(w.referrers.map(\.lastThanked) == [Self.day("2026-10-30"), Self.day("2026-07-11"), nil])
    #expect(w.referrers.map(\.lastPaid) == [Self.day("2026-09-10"), nil, nil])
    // K1: 2 against 2, silent 11 ≤ 90: steady. K2: 2 ≤ 4 ÷ 2: halved; silent 6 ≤ 60. K3: 0 ≤ 3 ÷ 2,
    // and silent 132 > 2 × 10.
    #expect(w.referrers.map(\.cooling) == [[], [.referralsHalved], [.referralsHalved, .silentTooLong]])
    #expect(w.coolingReferrers.map(\.id) == ["K2", "K3"])
  }

  /// The default 20% of 5 is 1: K1 alone.
  @Test func theDefaultWatchesTheTopFifth() {
    #expect(Self.watch(topShare: 0.2).referrers.map(\.id) == ["K1"])
  }

  @Test(arguments: [(35, 0.2, 7), (10, 0.7, 7), (5, 0.01, 1), (3, 1.0, 3), (0, 0.2, 0), (11, 0.2, 3)])
  func theWatchedCountRoundsUp(earning: Int, share: Double, watched: Int) {
    #expect(ReferrerWatch.watchedCount(earning: earning, share: share) == watched)
  }

  @Test func coolingReferrersAreAnActionAndATaskList() {
    var options = AttributionOptions()
    options.period = Period(month: Month(year: 2026, month: 10)!)
    options.referrerTopShare = 0.6
    let result = Attributor.attribute(Self.dataset, options: options)
    #expect(result.actions.contains(.callCoolingReferrers(referrers: 2)))
  }
}

extension ReferrerWatchTests {
  /// Two referrals on one day are one occasion: with no second day there is no usual gap, so
  /// 26 days of silence since 2026-10-05 is not "more than twice 0 days".
  @Test func referralsOnOneDayHaveNoUsualGap() throws {
    let data = try Dataset.importing([
      .leads: """
      lead_id,created_at,source,referrer_id
      L1,2026-10-05,Referral,C1
      L2,2026-10-05,Referral,C1

      """,
      .deals: """
      deal_id,lead_id,stage,amount,closed_at
      D1,L1,won,2500.00,2026-10-25

      """,
    ])
    let w = Attributor.attribute(data, options: AttributionOptions(period: Period(month: Month(year: 2026, month: 10)!))).programme.referrerWatch
    #expect(w.referrers.map(\.usualGapDays) == [nil])
    #expect(w.referrers.map(\.cooling) == [[]])
  }
}
