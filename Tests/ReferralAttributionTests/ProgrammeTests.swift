import ReferralAttribution
import ReferralCore
import TestSupport
import Testing

/// A referral programme whose October 2026 is worked out by hand below.
///
/// Chain: external customer C0 referred R1 (Aug), R1 referred R2 (Sep), R2 referred L1 and L5
/// (Oct), R1 referred L2, C0 referred L3 through the partner channel. L4 came from the web.
enum ProgrammeFixture {
  static func day(_ iso: String) -> Day { Day(iso: iso)! }
  static func usd(_ units: Int64) -> Money { Money(minorUnits: units * 100) }

  static let leads = """
    lead_id,created_at,source,owner,referrer_id,company,thanked_at
    R1,2026-08-01,Referral,Ana,C0,Root Co,2026-08-01
    R2,2026-09-01,Referral,Ana,R1,Second Co,2026-09-02
    L1,2026-10-02,Referral,Ana,R2,Alpha,2026-10-03
    L2,2026-10-05,Referral,Ben,R1,Beta,2026-10-09
    L3,2026-10-06,Partner,Ben,C0,Gamma,
    L4,2026-10-08,Web,Ben,,Delta,
    L5,2026-10-30,Referral,Ana,R2,Epsilon,

    """

  static let deals = """
    deal_id,lead_id,stage,amount,closed_at
    DR1,R1,won,10000.00,2026-08-20
    DR2,R2,won,20000.00,2026-10-10
    D1,L1,won,5000.00,2026-10-20
    D2,L2,lost,100.00,2026-10-12
    D3,L3,won,8000.00,2026-10-25
    D4,L4,won,3000.00,2026-10-15

    """

  static let payouts = """
    payout_id,paid_at,referrer_id,deal_id,kind,amount
    P1,2026-09-01,C0,DR1,fee,1000.00
    P2,2026-10-20,R1,DR2,fee,500.00
    P3,2026-10-28,C0,D3,fee,600.00
    P4,2026-10-03,R2,,gift,50.00
    P5,2026-10-29,R9,DX,fee,75.00

    """

  /// The programme's exports, imported (a fixture that does not import is a broken test).
  static let dataset = try! Dataset.importing([.leads: leads, .deals: deals, .payouts: payouts])

  static var options: AttributionOptions {
    var options = AttributionOptions(period: Period(month: Month(year: 2026, month: 10)!))
    options.feeRules = [
      "Referral": FeeRule(perLead: usd(20), shareOfWon: 0.1, capPerDeal: usd(1_500)),
      "Partner Referral": FeeRule(perWonDeal: usd(200), shareOfWon: 0.05),
    ]
    options.targets = Targets(referralLeadsPerRepPerMonth: 3, referralLeadsPerYear: 10, referralRevenuePerYear: usd(100_000))
    return options
  }
}

@Suite struct ProgrammeTests {
  let result = Attributor.attribute(ProgrammeFixture.dataset, options: ProgrammeFixture.options)
  var programme: Programme { result.programme }
  let usd = ProgrammeFixture.usd

  @Test func feesOwedPaidAndOutstandingByHand() {
    let fees = programme.fees
    // Owed in October: 3 referral leads × 20 + DR2 min(10% of 20,000, 1,500) + D1 10% of 5,000
    // + D3 (partner) 200 + 5% of 8,000 = 60 + 1,500 + 500 + 600.
    #expect(fees.owed == usd(2_660))
    #expect(fees.feesPaid == usd(1_175))  // P2 500 + P3 600 + P5 75
    #expect(fees.giftsPaid == usd(50))  // P4
    #expect(fees.unpaid?.map(\.dealID) == ["DR2", "D1"])  // DR1 and D3 were paid in full
    #expect(fees.unpaid?.map(\.outstanding) == [usd(1_000), usd(500)])
    #expect(fees.unpaid?.map(\.referrer) == ["R1", "R2"])
    #expect(fees.backlog == usd(1_500))
    #expect(fees.outstandingOnPeriodDeals == usd(1_500))  // both won in October
    #expect(fees.outstandingUnknown == nil)
    #expect(fees.unmatched.map(\.payoutID) == ["P5"])  // names deal DX, which does not exist
  }

  /// What is owed needs rules and what was paid needs payouts: without either, the figures
  /// that need it are unknown (`nil`), never 0, and so is every unpaid fee.
  @Test func withoutPayoutsOrRulesTheFeesThatNeedThemAreUnknown() throws {
    let data = try Dataset.importing([.leads: ProgrammeFixture.leads, .deals: ProgrammeFixture.deals])
    let noPayouts = Attributor.attribute(data, options: ProgrammeFixture.options).programme.fees
    #expect(noPayouts.owed == usd(2_660))
    #expect(noPayouts.feesPaid == nil && noPayouts.giftsPaid == nil)
    #expect(noPayouts.unpaid == nil && noPayouts.backlog == nil && noPayouts.outstandingOnPeriodDeals == nil)
    #expect(noPayouts.outstandingUnknown == "no payouts export")
    var options = ProgrammeFixture.options
    options.feeRules = [:]
    let noRules = Attributor.attribute(ProgrammeFixture.dataset, options: options).programme.fees
    #expect(noRules.owed == nil && noRules.unpaid == nil)
    #expect(noRules.feesPaid == usd(1_175))
    #expect(noRules.outstandingUnknown == "no [fees] rules")
  }

  @Test func feesAndGiftsAreSpendOfTheReferralChannels() throws {
    let referral = try #require(result.current.channels.first { $0.channel == "Referral" })
    let partner = try #require(result.current.channels.first { $0.channel == "Partner Referral" })
    #expect(referral.spend == usd(625))  // P2 (DR2) + P4 (R2's referrals are Referral) + P5 (unmatched: first referral channel)
    #expect(partner.spend == usd(600))  // P3 (D3)
    // L4's Web is the Direct channel: no spend export.
    let direct = try #require(result.current.channels.first { $0.channel == "Direct" })
    #expect(direct.leads == 1 && direct.spend == nil)
    #expect(programme.fees.referredRevenue == usd(33_000))  // 20,000 + 5,000 + 8,000
    #expect(programme.fees.programmeCost == usd(1_225))
    #expect(programme.fees.roiOnRevenue == (33_000.0 - 1_225.0) / 1_225.0)
    // With the 1,500 still owed (DR2 1,000 + D1 500) paid too, the programme costs 2,725.
    #expect(programme.fees.programmeCostWithOwedFees == usd(2_725))
    #expect(programme.fees.roiOnRevenueWithOwedFees == (33_000.0 - 2_725.0) / 2_725.0)
    #expect(programme.fees.roiOnMarginWithOwedFees == (33_000.0 * programme.fees.grossMargin - 2_725.0) / 2_725.0)
  }

  /// ROI with the fees still owed sets the fees owed on the period's deals against the period's
  /// revenue; the backlog of earlier deals is its own figure. Without P1 (DR1's 1,000 fee, paid
  /// in September), DR1, won in August, owes 10% of 10,000 = 1,000 too.
  @Test func roiWithOwedFeesCountsTheFeesOwedOnThePeriodsDeals() throws {
    let data = try Dataset.importing([
      .leads: ProgrammeFixture.leads, .deals: ProgrammeFixture.deals, .payouts: ProgrammeFixture.payouts.removingRows("P1"),
    ])
    let fees = Attributor.attribute(data, options: ProgrammeFixture.options).programme.fees
    // Backlog: DR1 1,000 + DR2 1,000 + D1 500 = 2,500; of October's deals: DR2 + D1 = 1,500.
    #expect(fees.unpaid?.map(\.dealID) == ["DR1", "DR2", "D1"])
    #expect(fees.backlog == usd(2_500) && fees.outstandingOnPeriodDeals == usd(1_500))
    // Cost paid in October: P2 500 + P3 600 + P5 75 + P4 50 = 1,225 (P1 was September's);
    // with October's deals' 1,500 still owed: 2,725, not 1,225 + 2,500 = 3,725.
    #expect(fees.programmeCost == usd(1_225) && fees.programmeCostWithOwedFees == usd(2_725))
    // Revenue of October's referred deals 33,000: (33,000 − 2,725) ÷ 2,725 = 1,111.0%.
    #expect(fees.roiOnRevenueWithOwedFees == (33_000.0 - 2_725.0) / 2_725.0)
  }

  @Test func repsBelowTheMonthlyTarget() {
    let reps = programme.reps
    #expect(reps.months == [Month(year: 2026, month: 10)!])
    #expect(reps.reps.map(\.owner) == ["Ana", "Ben"])
    #expect(reps.reps.map(\.perMonth) == [[2], [2]])  // Ana: L1, L5; Ben: L2, L3 (L4 is web)
    #expect(reps.belowTarget.count == 2)  // target 3
  }

  @Test func topReferrersAndTheTop20PercentShare() {
    let top = programme.referrers
    #expect(top.ranked.map(\.id) == ["R1", "C0", "R2"])
    #expect(top.ranked.map(\.revenue) == [usd(20_000), usd(8_000), usd(5_000)])
    #expect(top.ranked.map(\.leads) == [1, 1, 2])
    #expect(top.ranked[0].name == "Root Co (R1)")
    #expect(top.ranked[1].name == "C0")
    #expect(top.topCount == 1)  // 20% of 3 earning referrers, at least one
    #expect(top.topShare == 20_000.0 / 33_000.0)
  }

  @Test func chainsByGeneration() {
    let chains = programme.chains
    #expect(chains.generations.map(\.generation) == [1, 2, 3])
    #expect(chains.generations.map(\.leads) == [1, 1, 2])  // L3; L2; L1 and L5
    #expect(chains.generations.map(\.revenue) == [usd(8_000), usd(20_000), usd(5_000)])  // D3; DR2; D1
    #expect(chains.longest == ["C0", "Root Co (R1)", "Second Co (R2)", "Alpha (L1)"])
  }

  /// 150 leads, each referred by the one before: generations beyond a byte's worth are counted
  /// exactly too.
  @Test func aVeryLongChainIsCountedToItsEnd() throws {
    // N1 referred by C0, N2 by N1, …; created in October, day 1 + n % 28.
    let rows = (1...150).map { n in
      "N\(n),\(ProgrammeFixture.day("2026-10-01").adding(days: n % 28)),Referral,\(n == 1 ? "C0" : "N\(n - 1)")"
    }
    let data = try Dataset.importing([.leads: (["lead_id,created_at,source,referrer_id"] + rows).joined(separator: "\n") + "\n"])
    let result = Attributor.attribute(data, options: AttributionOptions(period: Period(month: Month(year: 2026, month: 10)!)))
    let chains = result.programme.chains
    #expect(chains.generations.map(\.generation) == Array(1...150))
    #expect(chains.generations.allSatisfy { $0.leads == 1 })
    #expect(chains.longest.count == 151)  // C0, then the 150 leads
    #expect(chains.longest.last == "N150")
  }

  @Test func thankYousMissedOrLate() {
    let thanks = programme.thankYous
    #expect(thanks.due == 3)  // L1, L2, L3; L5's window runs past the last date in the data
    #expect(thanks.onTime == 1)  // L1
    #expect(thanks.missed.map(\.leadID) == ["L2", "L3"])
    #expect(thanks.missed.map(\.thanked) == [Day(iso: "2026-10-09"), nil])
    #expect(thanks.onTimeRate == 1.0 / 3.0)
    // L2 was thanked, late: a miss for the discipline figures, but only L3 is left to thank.
    #expect(thanks.unthanked.map(\.leadID) == ["L3"])
    #expect(result.actions.contains(.thankReferrers(referredLeads: 1, windowDays: thanks.windowDays)))
  }

  @Test func yearToDateAndRunRate() throws {
    let targets = programme.targets
    #expect(targets.yearToDate == Period(from: Day(iso: "2026-01-01")!, to: Day(iso: "2026-10-31")!))
    #expect(targets.daysLeft == 61)  // 365 − 304
    let leads = try #require(targets.referralLeads)
    #expect(leads.actual == 6)  // R1, R2, L1, L2, L3, L5
    // The data begins on 1 August, so the pace is that of its 92 days (August 31 + September 30
    // + October 31), not of a year whose first nine months would count as months of nothing.
    #expect(targets.trailingYear == Period(from: Day(iso: "2026-08-01")!, to: Day(iso: "2026-10-31")!))
    #expect(leads.projected == 10)  // 6 + 6 × 61 ÷ 92 = 6 + 3.98 = 9.98 (÷ 365 would say 7)
    #expect(leads.target == 10)
    let revenue = try #require(targets.referralRevenue)
    #expect(revenue.actual == usd(43_000))  // DR1 + DR2 + D1 + D3
    #expect(revenue.projected == Money(minorUnits: 7_151_087))  // 43,000 + 43,000 × 61 ÷ 92 = 43,000 + 28,510.87
    // The Forecast shows the same projection, in the same words.
    #expect(programme.forecast.referralLeads == leads && programme.forecast.referralRevenue == revenue)
    #expect(targets.projectionMethod == "year to date + the total of the 92 days of data to the period's end × 61 days left ÷ 92")
    // Against the 10-lead target: 6 ÷ 10 so far, 10 ÷ 10 projected, on track.
    #expect((leads.toDateOfTarget, leads.projectedOfTarget, leads.onTrack) == (0.6, 1.0, true))
    // Against the 100,000 revenue target: 43,000 ÷ 100,000 so far, 71,510.87 ÷ 100,000 projected.
    #expect(revenue.toDateOfTarget == 0.43 && revenue.onTrack == false)
    #expect(abs((revenue.projectedOfTarget ?? 0) - 0.715_108_7) < 1e-12)
  }

  /// A fiscal year from April, with a referral won before it: the year to date (April on) and
  /// the trailing twelve months (November 2025 on) differ, and the projection is the year to
  /// date + the trailing pace, not the year to date scaled to the year.
  @Test func theProjectionIsTheYearToDatePlusTheTrailingPace() throws {
    // R0, a referral of February; a web lead of 2025 (W0) makes the data older than the
    // trailing year, whose pace is then whole.
    let leadsExport = ProgrammeFixture.leads.appendingRows(
      """
      R0,2026-02-10,Referral,Ana,,Early Co,
      W0,2025-03-01,Web,Ana,,Old Co,
      """)
    let dealsExport = ProgrammeFixture.deals.appendingRows("DR0,R0,won,7300.00,2026-03-15")
    let data = try Dataset.importing([.leads: leadsExport, .deals: dealsExport, .payouts: ProgrammeFixture.payouts])
    var options = ProgrammeFixture.options
    options.fiscalYearStart = 4
    let programme = Attributor.attribute(data, options: options).programme
    let targets = programme.targets
    // Fiscal year 2026-04-01 to 2027-03-31 (365 days); to 31 October 214 days; 151 left.
    #expect(targets.daysLeft == 151 && targets.trailingYear == Period(from: Day(iso: "2025-11-01")!, to: Day(iso: "2026-10-31")!))
    // Leads: 6 since April, 7 in the trailing year (R0 too): 6 + 7 × 151 ÷ 365 = 6 + 2.9 = 9
    // (the year to date scaled, 6 × 365 ÷ 214 = 10.2, would say 10).
    let leads = try #require(targets.referralLeads)
    #expect((leads.actual, leads.trailingYear, leads.projected) == (6, 7, 9))
    // Revenue: 43,000 since April, 50,300 in the trailing year (DR0's 7,300 too):
    // 43,000 + 50,300 × 151 ÷ 365 = 43,000 + 20,809.04 = 63,809.04.
    let revenue = try #require(targets.referralRevenue)
    #expect((revenue.actual, revenue.trailingYear) == (usd(43_000), usd(50_300)))
    #expect(revenue.projected == Money(minorUnits: 6_380_904))
    #expect(targets.projectionMethod == "year to date + the trailing twelve months' total × 151 days left ÷ 365")
    #expect(programme.forecast.referralLeads == leads && programme.forecast.referralRevenue == revenue)
  }

  /// A zero share target is "no target": the share is no fraction of it (not infinity).
  @Test func aZeroShareTargetHasNoProgress() {
    var options = ProgrammeFixture.options
    options.targetShare = 0
    let targets = Attributor.attribute(ProgrammeFixture.dataset, options: options).programme.targets
    #expect(targets.referralShareOfLeads != nil && targets.shareOfTarget == nil)
  }

  @Test func aFiscalYearFromAprilStartsInApril() {
    var options = ProgrammeFixture.options
    options.fiscalYearStart = 4
    let targets = Attributor.attribute(ProgrammeFixture.dataset, options: options).programme.targets
    #expect(targets.fiscalYear == Period(from: Day(iso: "2026-04-01")!, to: Day(iso: "2027-03-31")!))
    #expect(targets.yearToDate.dayCount == 214)
  }

  @Test func trendEndsWithThePeriodsMonth() throws {
    let points = programme.trend.points
    #expect(points.count == 12)
    #expect(points.first?.month == Month(year: 2025, month: 11))
    let october = try #require(points.last)
    #expect(october.share.leads.value == 0.8)  // L1, L2, L3, L5 of 5
    #expect(october.share.wins.value == 0.75)  // DR2, D1, D3 of 4
    #expect(october.referralWinRate.value == 0.75)  // 3 won, D2 lost
    #expect(october.otherWinRate.value == 1)  // D4
    #expect(points[9].share.leads.value == 1)  // August: R1 only
  }
}
