import Testing

@testable import ReferralAttribution

/// A position set holds exactly the positions put in, at the edges of its words too.
@Suite struct PositionSetTests {
  @Test func holdsExactlyThePositionsInserted() {
    var set = PositionSet(count: 130)
    let inserted: Set = [0, 1, 63, 64, 65, 127, 128, 129]
    for lead in inserted {
      let added = set.insert(lead)
      #expect(added, "lead \(lead)")
    }
    let again = set.insert(64)  // already in: nothing changes
    #expect(!again)
    for lead in 0..<130 { #expect(set.contains(lead) == inserted.contains(lead), "lead \(lead)") }
  }

  @Test func anEmptySetHoldsNothing() {
    let set = PositionSet(count: 70)
    #expect((0..<70).allSatisfy { !set.contains($0) })
  }

  /// A member's rank is the count of members below it, across words; others have none.
  @Test func ranksCountTheMembersBelow() {
    var set = PositionSet(count: 200)
    let members = [0, 5, 63, 64, 130, 191, 192, 199]
    for member in members { set.insert(member) }
    let ranked = RankedPositions(set)
    #expect(ranked.count == members.count)
    for position in 0..<200 {
      #expect(ranked.rank(of: position) == members.firstIndex(of: position), "position \(position)")
    }
  }
}
