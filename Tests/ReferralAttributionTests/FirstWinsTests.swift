import ReferralCore
import Testing

@testable import ReferralAttribution

/// First wins read back as recorded, the earliest of each lead's, in two bytes a lead over a
/// usual span and in four over one of more than 179 years (a typo year), where two would clip.
@Suite struct FirstWinsTests {
  static let day = Day(iso: "2026-03-15")!.ordinal

  func wins(earliest: Int32, latest: Int32) -> FirstWins {
    var wins = FirstWins(leadCount: 4, earliest: earliest, latest: latest)
    wins.record(latest, for: 0)
    wins.record(earliest, for: 0)  // the earlier of two wins
    wins.record(latest, for: 2)
    wins.record(earliest + (latest - earliest) / 2, for: 3)
    return wins
  }

  @Test(arguments: [Int32(0), 65_534, 65_535, 800_000])
  func winsReadBackWhateverTheSpan(span: Int32) {
    let (earliest, latest) = (Self.day, Self.day + span)
    let wins = wins(earliest: earliest, latest: latest)
    #expect(wins[0] == earliest)
    #expect(wins[1] == Ledger.noWin)
    #expect(wins[2] == latest)
    #expect(wins[3] == earliest + span / 2)
  }

  @Test func noWinsAtAll() {
    let wins = FirstWins(leadCount: 3, earliest: Int32.min, latest: Int32.min)
    #expect((0..<3).allSatisfy { wins[$0] == Ledger.noWin })
  }
}
