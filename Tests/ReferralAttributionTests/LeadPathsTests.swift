import ReferralCore
import TestSupport
import Testing

@testable import ReferralAttribution

/// Leads' paths for October 2026 with a 30-day lookback, worked out by hand.
///
/// Sources: "Customer Referral" → Referral, "Google Ads" → Paid Search, "newsletter" → Email,
/// "webinar" → Events.
/// - A, a referral lead of 1 Oct: touched by Email on 1 Oct (after its introduction, the same
///   day), Paid Search on 10 Oct, Events on 25 Oct (after its win: left out); won 20 Oct,
///   $1,000, its deal created 9 Oct (nearest the Paid Search touch).
/// - B, a Paid Search lead of 1 Aug: Email on 5 Aug (beyond the 30 days before its first win),
///   Email then Events on 1 Oct (a tie: file order); won twice, 15 Oct $500 and 30 Oct $200.
///   Its path has no Paid Search touch: a lead with touches gets no touch of its own source.
/// - C, an Email lead of 5 Oct with no touches and no win: one touch of its source, no
///   conversion. D, created in June with neither: out of the window, no path.
/// - E, a referral lead of 3 Oct with no touches, won 4 Oct, $300: a referral-only path.
/// - A won deal of 12 Oct, $50, naming no lead, its own source a webinar: one Events touch.
/// - A touch naming lead Z, which is none of the leads.
@Suite struct LeadPathsTests {
  static let leads = """
    lead_id,created_at,source
    A,2026-10-01,Customer Referral
    B,2026-08-01,Google Ads
    C,2026-10-05,newsletter
    D,2026-06-01,Google Ads
    E,2026-10-03,Customer Referral

    """

  static let deals = """
    deal_id,lead_id,stage,amount,created_at,closed_at,source
    DA,A,won,1000.00,2026-10-09,2026-10-20,
    DB1,B,won,500.00,,2026-10-15,
    DB2,B,won,200.00,,2026-10-30,
    DE,E,won,300.00,,2026-10-04,
    DX,,won,50.00,,2026-10-12,webinar

    """

  static let touches = """
    lead_id,touched_at,channel
    B,2026-10-01,newsletter
    A,2026-10-25,webinar
    A,2026-10-10,Google Ads
    Z,2026-10-10,Google Ads
    B,2026-08-05,newsletter
    B,2026-10-01,webinar
    A,2026-10-01,newsletter

    """

  /// The paths of October 2026 with a 30-day lookback, and the touches that name no lead.
  static func paths() throws -> (paths: TouchPaths, unmatched: Int) {
    let dataset = try Dataset.importing([.leads: leads, .deals: deals, .touches: touches])
    var options = AttributionOptions()
    options.lookbackDays = 30
    let ledger = Ledger(dataset: dataset, options: options)
    let period = Period(month: Month(year: 2026, month: 10)!)
    return LeadPaths.make(ledger: ledger, touches: try #require(dataset.touchTable), period: period, options: options)
  }

  static func credits(_ model: MultiTouchModel) throws -> [String: [Int64]] {
    guard case .success(let credits) = try paths().paths.credits(model, halfLifeDays: 7, revenueKnown: true) else { return [:] }
    return Dictionary(uniqueKeysWithValues: credits.filter { $0.microWins != 0 }.map { ($0.channel, [$0.microWins, $0.revenue!.minorUnits]) })
  }

  @Test func pathsFollowTheRules() throws {
    let (paths, unmatched) = try Self.paths()
    // A, B, E and the deal without a lead converted (5 won deals, $2,050); C did not; D has
    // no path. A and E start with their referral, and A has other channels after it.
    #expect((paths.pathCount, paths.convertingCount, paths.totalWins, paths.totalRevenue) == (5, 4, 5, 205_000))
    #expect((paths.referralFirst, paths.referralFirstWithOthers) == (2, 1))
    #expect(unmatched == 1)  // the touch of Z
  }

  @Test func firstAndLastTouchReadTheOrderedPaths() throws {
    // First: A and E start with Referral (2, $1,300), B with Email (its tie, in file order:
    // 2 wins, $700), the deal without a lead with Events.
    #expect(try Self.credits(.firstTouch) == ["Referral": [2_000_000, 130_000], "Email": [2_000_000, 70_000], "Events": [1_000_000, 5_000]])
    // Last: A's Paid Search (the 25 Oct touch is after its win), B's Events, E's Referral.
    #expect(try Self.credits(.lastTouch) == ["Paid Search": [1_000_000, 100_000], "Events": [3_000_000, 75_000], "Referral": [1_000_000, 30_000]])
  }

  @Test func wShapedFindsTheTouchNearestTheDeal() throws {
    // A: Referral, Email, Paid Search; its deal (9 Oct) is nearest Paid Search, the last
    // touch: 30% Referral ($300), 10% Email ($100), 60% Paid Search ($600).
    // B: Email, Events, deal undated (its first win, 15 Oct, stands in): both touches 14 days
    // away, the first taken: Email holds two roles (60), Events one (30), ÷ 0.9 → ⅔ and ⅓ of
    // 2 wins and $700. E: Referral. The deal without a lead: Events.
    // Referral 1.3, $600; Email 1.433333…, $566.666… (+1 cent); Paid Search 0.6, $600;
    // Events 1.666666… (+1 millionth), $283.33.
    #expect(
      try Self.credits(.wShaped) == [
        "Referral": [1_300_000, 60_000], "Email": [1_433_333, 56_667], "Paid Search": [600_000, 60_000],
        "Events": [1_666_667, 28_333],
      ])
  }
}
