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

  static var dataset: Dataset {
    var data = Dataset()
    data.sources = ["Referral", "Web"]
    data.owners = ["Ana"]
    data.referrers = ["K1", "K2", "K3", "K4", "K5", "K6"]
    func referral(_ id: String, _ created: String, _ referrer: TextID, thanked: String? = nil) -> Lead {
      Lead(id: id, created: day(created), source: 0, referrer: referrer, thanked: thanked.map(day))
    }
    data.leads = [
      Lead(id: "K1", created: day("2025-01-01"), source: 1, owner: 0),
      Lead(id: "K2", created: day("2025-01-01"), source: 1),
      // K1: 2 in the 90 days before, 2 in the last 90; gaps 42, 45, 66 (usual 45), silent 11 days.
      referral("K1a", "2026-05-20", 0), referral("K1b", "2026-07-01", 0), referral("K1c", "2026-08-15", 0, thanked: "2026-08-16"),
      referral("K1d", "2026-10-20", 0, thanked: "2026-10-30"),
      // K2: 4 before, 2 in the last 90 (halved); gaps 31, 30, 20, 21, 66 (usual 30), silent 6 days.
      referral("K2a", "2026-05-10", 1), referral("K2b", "2026-06-10", 1), referral("K2c", "2026-07-10", 1, thanked: "2026-07-11"),
      referral("K2d", "2026-07-30", 1), referral("K2e", "2026-08-20", 1), referral("K2f", "2026-10-25", 1, thanked: "2026-11-02"),
      // K3: 3 before, none since (halved); gaps 10, 10 (usual 10), silent 132 days, more than 20.
      referral("K3a", "2026-06-01", 2), referral("K3b", "2026-06-11", 2), referral("K3c", "2026-06-21", 2),
      referral("K4a", "2026-03-01", 3), referral("K5a", "2026-02-01", 4), referral("K6a", "2025-08-01", 5),
    ]
    data.deals = [
      Deal(id: "WK1", leadID: "K1a", outcome: .won, amount: usd(5_000), closed: day("2026-09-01")),
      Deal(id: "WK2", leadID: "K2a", outcome: .won, amount: usd(4_000), closed: day("2026-08-01")),
      Deal(id: "WK3", leadID: "K3a", outcome: .won, amount: usd(3_000), closed: day("2026-07-01")),
      Deal(id: "WK4", leadID: "K4a", outcome: .won, amount: usd(2_000), closed: day("2026-04-01")),
      Deal(id: "WK5", leadID: "K5a", outcome: .won, amount: usd(1_000), closed: day("2026-03-01")),
      Deal(id: "WK6", leadID: "K6a", outcome: .won, amount: usd(9_000), closed: day("2025-10-01")),
    ]
    data.payouts = [
      Payout(id: "P1", paid: day("2026-09-10"), referrer: 0, dealID: "WK1", kind: .gift, amount: usd(50)),
      // After the period's end: not the last gift or fee as of October.
      Payout(id: "P2", paid: day("2026-11-05"), referrer: 0, dealID: "WK1", kind: .fee, amount: usd(500)),
    ]
    data.hasPayouts = true
    return data
  }

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
  @Test func referralsOnOneDayHaveNoUsualGap() {
    var data = Dataset()
    data.sources = ["Referral"]
    data.referrers = ["C1"]
    data.leads = [
      Lead(id: "L1", created: Self.day("2026-10-05"), source: 0, referrer: 0),
      Lead(id: "L2", created: Self.day("2026-10-05"), source: 0, referrer: 0),
    ]
    data.deals = [Deal(id: "D1", leadID: "L1", outcome: .won, amount: Self.usd(2_500), closed: Self.day("2026-10-25"))]
    let w = Attributor.attribute(data, options: AttributionOptions(period: Period(month: Month(year: 2026, month: 10)!))).programme.referrerWatch
    #expect(w.referrers.map(\.usualGapDays) == [nil])
    #expect(w.referrers.map(\.cooling) == [[]])
  }
}
