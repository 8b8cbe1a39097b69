import ReferralCore
import Testing

@testable import ReferralAttribution

@Suite struct PeriodCounterTests {
  @Test func aPeriodOutsideTheCountedDaysIsCountedOnItsOwnWithTheSameFigures() {
    let options = AttributionOptions(period: Fixture.october)
    let ledger = Ledger(dataset: Fixture.dataset, options: options)
    let around = PeriodCounter(ledger: ledger, options: options, around: Fixture.october)
    let farAway = PeriodCounter(ledger: ledger, options: options, around: Period(month: Month(year: 2029, month: 6)!))
    #expect(farAway.figures(for: Fixture.october) == around.figures(for: Fixture.october))
    #expect(farAway.figures(for: Fixture.october.previous) == around.figures(for: Fixture.october.previous))
    #expect(around.figures(for: Fixture.october).channels.map(\.leads).reduce(0, +) == 6)  // L1–L5, L7
  }
}
