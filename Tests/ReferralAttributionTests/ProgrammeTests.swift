import ReferralAttribution
import ReferralCore
import Testing

/// A referral programme whose October 2026 is worked out by hand below.
///
/// Chain: external customer C0 referred R1 (Aug), R1 referred R2 (Sep), R2 referred L1 and L5
/// (Oct), R1 referred L2, C0 referred L3 through the partner channel. L4 came from the web.
enum ProgrammeFixture {
  static func day(_ iso: String) -> Day { Day(iso: iso)! }
  static func usd(_ units: Int64) -> Money { Money(minorUnits: units * 100) }

  static var dataset: Dataset {
    var data = Dataset()
    data.sources = ["Referral", "Web", "Partner"]
    data.owners = ["Ana", "Ben"]
    data.referrers = ["C0", "R1", "R2", "R9"]
    data.leads = [
      Lead(id: "R1", created: day("2026-08-01"), source: 0, owner: 0, referrer: 0, company: "Root Co", thanked: day("2026-08-01")),
      Lead(id: "R2", created: day("2026-09-01"), source: 0, owner: 0, referrer: 1, company: "Second Co", thanked: day("2026-09-02")),
      Lead(id: "L1", created: day("2026-10-02"), source: 0, owner: 0, referrer: 2, company: "Alpha", thanked: day("2026-10-03")),
      Lead(id: "L2", created: day("2026-10-05"), source: 0, owner: 1, referrer: 1, company: "Beta", thanked: day("2026-10-09")),
      Lead(id: "L3", created: day("2026-10-06"), source: 2, owner: 1, referrer: 0, company: "Gamma"),
      Lead(id: "L4", created: day("2026-10-08"), source: 1, owner: 1, company: "Delta"),
      Lead(id: "L5", created: day("2026-10-30"), source: 0, owner: 0, referrer: 2, company: "Epsilon"),
    ]
    data.deals = [
      Deal(id: "DR1", leadID: "R1", outcome: .won, amount: usd(10_000), closed: day("2026-08-20")),
      Deal(id: "DR2", leadID: "R2", outcome: .won, amount: usd(20_000), closed: day("2026-10-10")),
      Deal(id: "D1", leadID: "L1", outcome: .won, amount: usd(5_000), closed: day("2026-10-20")),
      Deal(id: "D2", leadID: "L2", outcome: .lost, amount: usd(100), closed: day("2026-10-12")),
      Deal(id: "D3", leadID: "L3", outcome: .won, amount: usd(8_000), closed: day("2026-10-25")),
      Deal(id: "D4", leadID: "L4", outcome: .won, amount: usd(3_000), closed: day("2026-10-15")),
    ]
    data.payouts = [
      Payout(id: "P1", paid: day("2026-09-01"), referrer: 0, dealID: "DR1", kind: .fee, amount: usd(1_000)),
      Payout(id: "P2", paid: day("2026-10-20"), referrer: 1, dealID: "DR2", kind: .fee, amount: usd(500)),
      Payout(id: "P3", paid: day("2026-10-28"), referrer: 0, dealID: "D3", kind: .fee, amount: usd(600)),
      Payout(id: "P4", paid: day("2026-10-03"), referrer: 2, dealID: nil, kind: .gift, amount: usd(50)),
      Payout(id: "P5", paid: day("2026-10-29"), referrer: 3, dealID: "DX", kind: .fee, amount: usd(75)),
    ]
    data.hasPayouts = true
    return data
  }

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
    #expect(fees.outstanding == usd(1_500))
    #expect(fees.outstandingUnknown == nil)
    #expect(fees.unmatched.map(\.payoutID) == ["P5"])  // names deal DX, which does not exist
  }

  /// What is owed needs rules and what was paid needs payouts: without either, the figures
  /// that need it are unknown (`nil`), never 0, and so is every unpaid fee.
  @Test func withoutPayoutsOrRulesTheFeesThatNeedThemAreUnknown() {
    var data = ProgrammeFixture.dataset
    data.payouts = []
    data.hasPayouts = false
    let noPayouts = Attributor.attribute(data, options: ProgrammeFixture.options).programme.fees
    #expect(noPayouts.owed == usd(2_660))
    #expect(noPayouts.feesPaid == nil && noPayouts.giftsPaid == nil)
    #expect(noPayouts.unpaid == nil && noPayouts.outstanding == nil)
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
    #expect(result.current.channels.first { $0.channel == "Web" }?.spend == nil)  // no spend export
    #expect(programme.fees.referredRevenue == usd(33_000))  // 20,000 + 5,000 + 8,000
    #expect(programme.fees.programmeCost == usd(1_225))
    #expect(programme.fees.roiOnRevenue == (33_000.0 - 1_225.0) / 1_225.0)
    // With the 1,500 still owed (DR2 1,000 + D1 500) paid too, the programme costs 2,725.
    #expect(programme.fees.programmeCostWithOwedFees == usd(2_725))
    #expect(programme.fees.roiOnRevenueWithOwedFees == (33_000.0 - 2_725.0) / 2_725.0)
    #expect(programme.fees.roiOnMarginWithOwedFees == (33_000.0 * programme.fees.grossMargin - 2_725.0) / 2_725.0)
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
  @Test func aVeryLongChainIsCountedToItsEnd() {
    var data = Dataset()
    data.sources = ["Referral"]
    data.referrers = TextList(["C0"] + (1..<150).map { "N\($0)" })
    data.leads = (1...150).map { n in
      Lead(id: "N\(n)", created: ProgrammeFixture.day("2026-10-01").adding(days: n % 28), source: 0, referrer: TextID(n - 1))
    }
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
  }

  @Test func yearToDateAndRunRate() throws {
    let targets = programme.targets
    #expect(targets.yearToDate == Period(from: Day(iso: "2026-01-01")!, to: Day(iso: "2026-10-31")!))
    let leads = try #require(targets.referralLeads)
    #expect(leads.actual == 6)  // R1, R2, L1, L2, L3, L5
    #expect(leads.projected == 7)  // 6 × 365 / 304 = 7.2
    #expect(leads.target == 10)
    let revenue = try #require(targets.referralRevenue)
    #expect(revenue.actual == usd(43_000))  // DR1 + DR2 + D1 + D3
    #expect(revenue.projected == Money(minorUnits: 5_162_829))  // 43,000 × 365 / 304 = 51,628.29
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
