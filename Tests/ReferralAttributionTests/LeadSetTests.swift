import Testing

@testable import ReferralAttribution

/// A lead set holds exactly the leads put in, at the edges of its words too.
@Suite struct LeadSetTests {
  @Test func holdsExactlyTheLeadsInserted() {
    var set = LeadSet(count: 130)
    let inserted: Set = [0, 1, 63, 64, 65, 127, 128, 129]
    for lead in inserted { set.insert(lead) }
    set.insert(64)  // again: still in, nothing else changes
    for lead in 0..<130 { #expect(set.contains(lead) == inserted.contains(lead), "lead \(lead)") }
  }

  @Test func anEmptySetHoldsNothing() {
    let set = LeadSet(count: 70)
    #expect((0..<70).allSatisfy { !set.contains($0) })
  }
}
