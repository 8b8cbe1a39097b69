import ReferralCore
import TestSupport
import Testing

@testable import ReferralAttribution

/// A rate carries its counts and says when it is unknown or too few to judge.
@Suite struct RateTests {
  @Test func aRateIsItsCountOverItsBase() {
    let rate = Rate(2, of: 3, .wonDeals)
    #expect(rate.value == 2.0 / 3.0 && rate.unknown == nil)
    // 3 won deals are fewer than the 10 a rate is judged on by default; 10 are enough.
    #expect(rate.tooFew)
    #expect(!Rate(7, of: 10, .closedDeals).tooFew)
    #expect(Rate(1, of: 3, .leads, minSample: 3).tooFew == false)
  }

  @Test func nothingToDivideByIsUnknownNotZeroAndNotTooFew() {
    let rate = Rate(0, of: 0, .closedDeals)
    #expect(rate.value == nil && rate.unknown == .nothingCounted && !rate.tooFew)
  }

  @Test func missingDataMakesARateUnknownWhateverItsCounts() {
    let rate = Rate(4, of: 20, .leads, missing: .noLeadsExport)
    #expect(rate.value == nil && rate.unknown == .noLeadsExport && !rate.tooFew)
  }

  @Test(arguments: [(Rate.Cases.closedDeals, 1, "closed deal"), (.closedDeals, 2, "closed deals"), (.wonDeals, 0, "won deals"), (.leads, 1, "lead")])
  func casesAreCountedNouns(cases: Rate.Cases, count: Int, noun: String) {
    #expect(cases.noun(count) == noun)
  }

  /// A deals-only export of October: D1 ($1,000) and D2 ($500) won by Ana with no source and
  /// no lead, so in no channel; D3 lost by Ana from a customer referral, D4 lost by Ben from
  /// the web.
  static let dealsOnly = try! Dataset.importing([
    .deals: """
    deal_id,stage,amount,closed_at,owner,source
    D1,won,1000.00,2026-10-05,Ana,
    D2,won,500.00,2026-10-06,Ana,
    D3,lost,50.00,2026-10-07,Ana,Customer Referral
    D4,lost,20.00,2026-10-08,Ben,Web

    """
  ])

  static var october: Period { Period(month: Month(year: 2026, month: 10)!) }

  /// Both wins are in no channel: the referral channels' share of wins and revenue is unknown
  /// in the channel table's referral row as in the headline, where it used to read 0 (0.0%).
  @Test func withNoWinInAKnownChannelTheReferralShareOfWinsIsUnknownEverywhere() {
    let result = Attributor.attribute(Self.dealsOnly, options: AttributionOptions(period: Self.october))
    let now = result.current
    #expect(now.unknownChannelWins == 2 && now.totals.won == 2)
    #expect(now.referralShare.wins.value == nil && now.referralShare.wins.unknown == .noKnownChannel)
    #expect(now.referral.winShare == now.referralShare.wins)
    #expect(now.referral.revenueShare == nil && now.referralShare.revenue == nil)
    // The referral row still counts its own deals: D3 lost, nothing won.
    #expect((now.referral.knownWon, now.referral.knownLost) == (0, 1))
  }

  /// Without a leads export every lead figure is unknown, with that reason: the counts are not 0.
  @Test func withoutALeadsExportLeadFiguresAreUnknown() {
    let result = Attributor.attribute(Self.dealsOnly, options: AttributionOptions(period: Self.october))
    let totals = result.current.totals
    #expect(totals.knownLeads == nil)
    #expect(totals.leadShare.unknown == .noLeadsExport && totals.leadConversion.unknown == .noLeadsExport)
    #expect(result.current.referralShare.leads.unknown == .noLeadsExport)
    // Win rate: D1 D2 won of four closed = 50%, on 4 closed deals: too few to judge at the
    // default of 10, enough at `[report] min_sample = 4`.
    #expect(totals.winRate == Rate(2, of: 4, .closedDeals) && totals.winRate.tooFew)
    var options = AttributionOptions(period: Self.october)
    options.minSample = 4
    let judged = Attributor.attribute(Self.dealsOnly, options: options).current.totals.winRate
    #expect(judged.value == 0.5 && !judged.tooFew)
  }

  /// A section's need is decided once: without a leads export the lead sections cannot be
  /// computed, those that only follow time can; without dates that is the reason first.
  @Test func whySectionsCannotBeComputed() {
    var result = Attributor.attribute(Self.dealsOnly, options: AttributionOptions(period: Self.october))
    #expect(result.unknown(needing: .leads) == .noLeadsExport && result.unknown(needing: [.leads, .dates]) == .noLeadsExport)
    #expect(result.unknown(needing: .dates) == nil)
    result.undated = true
    #expect(result.unknown(needing: [.leads, .dates]) == .undated && result.unknown(needing: .leads) == .noLeadsExport)
  }

  /// The cohorts say why they cannot be followed: no leads export here (with leads but no
  /// link between them and the deals, it would be `.noLinks`).
  @Test func cohortsSayWhyTheyCannotBeFollowed() {
    let cohorts = Attributor.attribute(Self.dealsOnly, options: AttributionOptions(period: Self.october)).programme.cohorts
    #expect(cohorts.missing == .noLeadsExport && !cohorts.known)
  }

  /// The deals-only rep scorecard: Ana's leads are unknown (not 0); her referred deals closed
  /// 0 of 1 (D3), her others 2 of 2; her wins are in no channel, so her referral share of wins
  /// is unknown, not 0%. Ben closed D4 only: 0 of 1 other, no wins to share.
  @Test func aDealsOnlyRepScorecardKnowsNoLeads() throws {
    let reps = Attributor.attribute(Self.dealsOnly, options: AttributionOptions(period: Self.october)).programme.scorecards.reps
    let ana = try #require(reps.first { $0.owner == "Ana" })
    #expect(ana.knownLeads == nil && ana.knownReferralLeads == nil)
    #expect(ana.referredWinRate == Rate(0, of: 1, .closedDeals) && ana.otherWinRate == Rate(2, of: 2, .closedDeals))
    #expect(ana.referralShareOfWins.value == nil && ana.referralShareOfWins.unknown == .noKnownChannel)
    let ben = try #require(reps.first { $0.owner == "Ben" })
    #expect(ben.otherWinRate.value == 0 && ben.referralShareOfWins.unknown == .nothingCounted)
  }
}
