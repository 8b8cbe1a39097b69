import ReferralCore
import Testing

@testable import ReferralAttribution

/// First wins read back as recorded, the earliest of each lead's, only for the leads that won:
/// in two bytes a winner over a usual span and in four over one of more than 179 years (a typo
/// year), where two would clip.
@Suite struct FirstWinsTests {
  static let day = Day(iso: "2026-03-15")!.ordinal

  /// Leads 0, 2, 3, 64 and 129 of 130 won (across three 64-lead words); lead 0 twice.
  func wins(earliest: Int32, latest: Int32) -> FirstWins {
    let recorded: [(lead: Int, day: Int32)] = [
      (0, latest), (0, earliest), (2, latest), (3, earliest + (latest - earliest) / 2), (64, earliest + 1), (129, latest),
    ]
    var winners = FirstWins.Winners(leadCount: 130)
    for win in recorded { winners.add(win.lead, winningOn: win.day) }
    var wins = FirstWins(winners)
    for win in recorded { wins.record(win.day, for: win.lead) }
    return wins
  }

  @Test(arguments: [Int32(1), 65_534, 65_535, 800_000])
  func winsReadBackWhateverTheSpan(span: Int32) {
    let (earliest, latest) = (Self.day, Self.day + span)
    let wins = wins(earliest: earliest, latest: latest)
    #expect(wins[0] == earliest)
    #expect(wins[1] == Ledger.noWin)
    #expect(wins[2] == latest)
    #expect(wins[3] == earliest + span / 2)
    #expect(wins[64] == earliest + 1)
    #expect(wins[129] == latest)
    let others = (0..<130).filter { ![0, 2, 3, 64, 129].contains($0) }
    #expect(others.allSatisfy { wins[$0] == Ledger.noWin })
  }

  @Test func noWinsAtAll() {
    let wins = FirstWins(FirstWins.Winners(leadCount: 3))
    #expect((0..<3).allSatisfy { wins[$0] == Ledger.noWin })
  }
}
