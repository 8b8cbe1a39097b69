import ReferralAttribution
import ReferralCore
import ReferralImport
import TestSupport
import Testing

/// The first screen of the fixture's October 2026, worked out by hand (see ``Fixture``).
@Suite struct FirstScreenTests {
  let screen = Attributor.attribute(Fixture.dataset, options: AttributionOptions(period: Fixture.october)).firstScreen

  /// October: 6 leads, 2 referred (L1, L2); 3 won deals (D1, D3, D4), 2 referred (D1, D4);
  /// $3,500 won, $3,000 of it referred (1,000 + 2,000).
  @Test func theSharesCarryTheCountsBehindThem() {
    #expect(screen.shares.map(\.measure) == [.leads, .wonDeals, .revenue])
    #expect(screen.shares.map(\.value) == [2.0 / 6.0, 2.0 / 3.0, 3000.0 / 3500.0])
    #expect(screen.shares[0].behind == .counts(2, of: 6))
    #expect(screen.shares[1].behind == .counts(2, of: 3))
    #expect(screen.shares[2].behind == .money(Fixture.usd(3000), of: Fixture.usd(3500)))
    // 33.3% is below the default 41% target; 66.7% and 85.7% meet it.
    #expect(screen.shares.map(\.meetsTarget) == [false, true, true])
  }

  /// September: 2 leads, both referred (L6, L8), 1 won deal (D6, partner referral, $300): 100%
  /// each. The trailing year starts with the data (D6 created 2026-09-01): 8 leads, 4 referred
  /// (50%); 4 won, 3 referred (75%); $3,800 won, $3,300 referred.
  @Test func directionsAgainstThePreviousPeriodAndTheTrailingYear() {
    #expect(screen.previousPeriod == Period(month: Month(year: 2026, month: 9)!))
    #expect(screen.trailingYear == Period(from: Fixture.day("2026-09-01"), to: Fixture.day("2026-10-31")))
    #expect(screen.shares.map(\.previous) == [1, 1, 1])
    #expect(screen.shares.map(\.trailingYear) == [0.5, 0.75, 3300.0 / 3800.0])
    #expect(screen.shares.map(\.sincePrevious) == [.down, .down, .down])
    // 85.7% against 86.8%: down 1.1 points.
    #expect(screen.shares.map(\.againstTrailingYear) == [.down, .down, .down])
  }

  /// The fixture's data begins on 2026-09-01: September's trailing year is September itself,
  /// so its shares are not given (100% "level with" 100% would say nothing), while October's
  /// (above) reach back into September and are compared.
  @Test func aTrailingYearThatIsThePeriodIsNotCompared() {
    let september = Attributor.attribute(Fixture.dataset, options: AttributionOptions(period: Period(month: Month(year: 2026, month: 9)!)))
      .firstScreen
    #expect(september.trailingYear == Period(month: Month(year: 2026, month: 9)!) && september.trailingYearIsThePeriod)
    #expect(september.shares.allSatisfy { $0.value != nil && $0.trailingYear == nil && $0.againstTrailingYear == nil })
    #expect(!screen.trailingYearIsThePeriod)
  }

  /// A change that rounds to 0.0 points is level: the word never contradicts the figure.
  @Test(arguments: [(0.41, 0.4104, FirstScreen.Direction.level), (0.41, 0.4106, .down), (0.4106, 0.41, .up)])
  func aChangeBelowTheShownPrecisionIsLevel(now: Double, before: Double, direction: FirstScreen.Direction) {
    let current = Rate(Int((now * 100_000).rounded()), of: 100_000, .leads)
    let previous = Rate(Int((before * 100_000).rounded()), of: 100_000, .leads)
    #expect(FirstScreen.Direction(current.value, against: previous.value) == direction)
  }

  /// The most valuable first: thank-yous before the asks of lost prospects, those before
  /// coaching, coaching before the data fixes. The fixture owes no fee and has no customer due
  /// an ask; it owes the thank-you for L1 (referred by L6, never thanked), lost D2 (L2) and D9
  /// (L5) in October, has Ana and Ben below 5 referral leads a month, and leaves "Podcast"
  /// unmapped: four actions, of which the first screen names three.
  @Test func theTopActionsAreTheFirstOfTheListInOrderOfValue() {
    let result = Attributor.attribute(Fixture.dataset, options: AttributionOptions(period: Fixture.october))
    #expect(result.actions.map(\.kind) == ["thank_referrers", "ask_lost_prospects", "coach_reps", "map_sources"])
    #expect(screen.topActions.map(\.kind) == ["thank_referrers", "ask_lost_prospects", "coach_reps"])
  }

  /// Without dates nothing is compared: no previous period, no trailing year.
  @Test func undatedExportsCompareNothing() {
    var options = AttributionOptions(period: Fixture.october)
    options.undated = true
    let screen = Attributor.attribute(Fixture.dataset, options: options).firstScreen
    #expect(screen.previousPeriod == nil && screen.trailingYear == nil)
    #expect(screen.shares.allSatisfy { $0.previous == nil && $0.sincePrevious == nil && $0.againstTrailingYear == nil })
  }

  /// Without amounts the revenue share is n/a with that reason, and nothing stands behind it
  /// (no "n/a of n/a"), while the shares of leads and won deals are unchanged.
  @Test func withoutAmountsTheRevenueShareSaysWhy() throws {
    // The fixture's deals, in an export that has no amount column (declared so).
    var options = ImportOptions()
    options.columns.declareAbsent(.amount, role: .deals)
    let data = try Dataset.importing(
      [
        .leads: Fixture.leads, .spend: Fixture.spend,
        .deals: """
        deal_id,lead_id,stage,created_at,closed_at,source
        D1,L1,won,,2026-10-21,
        D2,L2,lost,,2026-10-25,
        D3,L3,won,,2026-10-30,Podcast
        D4,L6,won,,2026-10-15,
        D5,L99,lost,,2026-10-05,Google Ads
        D6,,won,2026-09-01,2026-09-30,partner
        D7,L4,open,,,
        D8,L1,won,,2026-11-02,
        D9,L5,lost,,2026-10-31,

        """,
      ], options: options)
    let screen = Attributor.attribute(data, options: AttributionOptions(period: Fixture.october)).firstScreen
    #expect(screen.shares[2].value == nil && screen.shares[2].unknown == .noAmounts && screen.shares[2].behind == nil)
    #expect(screen.shares[0].value == 2.0 / 6.0 && screen.shares[1].value == 2.0 / 3.0)
  }
}
