import ReferralAttribution
import ReferralCore
import TestSupport
import Testing

/// Cohorts, the forecast, rep scorecards and advocates of ``ProgrammeFixture``'s October 2026,
/// worked out by hand. The data ends on 30 October (L5's creation).
///
/// First wins: R1 (Aug 1) won DR1 on Aug 20 = 19 days; R2 (Sep 1) DR2 on Oct 10 = 39; L1 (Oct 2)
/// D1 on Oct 20 = 18; L3 (Oct 6, partner) D3 on Oct 25 = 19; L4 (Oct 8, web) D4 on Oct 15 = 7.
@Suite struct InsightsTests {
  let usd = ProgrammeFixture.usd
  var programme: Programme {
    var options = ProgrammeFixture.options
    options.targets.repRevenuePerYear = ["Ana": usd(100_000), "Ben": usd(50_000)]
    return Attributor.attribute(ProgrammeFixture.dataset, options: options).programme
  }

  @Test func cohortsCompareLeadsOfTheSameAge() throws {
    let cohorts = programme.cohorts
    #expect(cohorts.known && cohorts.asOf == Day(iso: "2026-10-30"))
    #expect(cohorts.cohorts.map(\.month.description) == (0..<12).map { Month(year: 2026, month: 10)!.adding(months: $0 - 11).description })
    // August: R1 alone; Aug 31 + 30 and + 60 days are by Oct 30, + 90 is not: won within 30 and 60.
    let august = try #require(cohorts.cohorts.first { $0.month.description == "2026-08" })
    #expect(august.referral.leads == 1 && august.referral.wonWithin == [1, 1, nil, nil])
    #expect(august.referral.revenuePerLead == usd(10_000) && august.referral.medianDaysToFirstWin == 19)
    // September: R2 won after 39 days, past 30 (the only age reached: Sep 30 + 30 = Oct 30).
    let september = try #require(cohorts.cohorts.first { $0.month.description == "2026-09" })
    #expect(september.referral.wonWithin == [0, nil, nil, nil] && september.referral.wonWithinRate[0]?.value == 0)
    // October: no age reached; referral L1 L2 L3 L5 brought 5,000 + 8,000 = 13,000 ÷ 4 = 3,250,
    // median of 18 and 19 days = 18.5; other L4: 3,000 in 7 days.
    let october = try #require(cohorts.cohorts.last)
    #expect(october.referral.leads == 4 && october.referral.wonWithin == [nil, nil, nil, nil])
    #expect(october.referral.revenuePerLead == usd(3_250) && october.referral.medianDaysToFirstWin == 18.5)
    #expect(october.other.leads == 1 && october.other.revenuePerLead == usd(3_000) && october.other.medianDaysToFirstWin == 7)
    // Median over all of 7, 18, 19, 19, 39 = 19 days; the data ends before October does.
    #expect(cohorts.medianDaysToFirstWin == 19 && cohorts.periodLeadsAreYoung)
  }

  @Test func theForecastProjectsTheTrailingPace() throws {
    let forecast = programme.forecast
    // Fiscal year 2026: 304 days to Oct 31, 61 left. Referral deals of the trailing year: DR1, DR2,
    // D1, D3 won, D2 lost: 4 ÷ 5 = 80%. No deal is open: the open referral value is 0.
    #expect(forecast.daysLeft == 61 && forecast.referralWinRate == 0.8)
    #expect(forecast.openReferralValue == .zero && forecast.expectedReferralRevenue == .zero)
    // Referral leads R1 R2 L1 L2 L3 L5 = 6, year to date and in the data's 92 days (it begins on
    // 1 August): 6 + 6 × 61 ÷ 92 = 9.98 → 10, on the 10 target.
    let leads = try #require(forecast.referralLeads)
    #expect((leads.actual, leads.trailingYear, leads.projected, leads.shortfall) == (6, 6, 10, 0))
    // Revenue 10,000 + 20,000 + 5,000 + 8,000 = 43,000; + 43,000 × 61 ÷ 92 = 28,510.87, so
    // 71,510.87, 28,489.13 short of the 100,000 target.
    let revenue = try #require(forecast.referralRevenue)
    #expect(revenue.projected == Money(minorUnits: 7_151_087) && revenue.shortfall == Money(minorUnits: 2_848_913))
  }

  @Test func repScorecardsPutTheLowestReferralShareFirst() throws {
    let reps = programme.scorecards.reps
    #expect(reps.map(\.owner) == ["Ben", "Ana"])
    // Ben: leads L2 L3 L4 (L2, L3 referral); closed D3 won and D2 lost (referred), D4 won
    // (other): 1 ÷ 2 = 50% against 100%; wins 1 of 2 referred; revenue 8,000 of 11,000 = 72.7%.
    let ben = reps[0]
    #expect((ben.knownLeads, ben.knownReferralLeads, ben.referredWinRate.value, ben.otherWinRate.value, ben.referralShareOfWins.value) == (3, 2, 0.5, 1, 0.5))
    // Two closed referred deals are fewer than the 10 a rate is judged on.
    #expect(ben.referredWinRate == Rate(1, of: 2, .closedDeals) && ben.referredWinRate.tooFew)
    #expect(ben.referralShareOfRevenue == 8_000.0 / 11_000.0)
    // Year to date Ben won 11,000 of a 50,000 plan = 22%; Ana DR1 + DR2 + D1 = 35,000 of 100,000.
    #expect(ben.yearToDateRevenue == usd(11_000) && ben.attainment == 0.22)
    let ana = reps[1]
    #expect((ana.knownLeads, ana.referredWon, ana.referralShareOfWins.value, ana.otherWinRate.value) == (2, 2, 1, nil))
    #expect(ana.attainment == 0.35)
  }

  @Test func advocatesReferInTheirTurn() {
    let advocates = programme.advocates
    // Referred customers R1, R2, L1, L3 (L4 came from the web); R1 and R2 referred leads too.
    #expect((advocates.referredCustomers, advocates.referringCustomers, advocates.referralsFromReferralsRate.value) == (4, 2, 0.5))
    // 4 referred customers are fewer than the 10 a rate is judged on.
    #expect(advocates.referralsFromReferralsRate.tooFew)
    // Six referral leads from C0, R1 and R2: 2.0 per active referrer.
    #expect((advocates.referrals, advocates.activeReferrers, advocates.referralsPerActiveReferrer) == (6, 3, 2))
    // Revenue by referrer: R1 20,000 (DR2), C0 18,000 (DR1 + D3), R2 5,000 (D1) of 43,000: the
    // first two make half.
    #expect((advocates.earningReferrers, advocates.halfOfRevenueReferrers) == (3, 2))
  }
}
