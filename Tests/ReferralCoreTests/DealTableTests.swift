import ReferralCore
import TestSupport
import Testing

@Suite struct DealTableTests {
  let day = Day(iso: "2026-10-05")!

  @Test func dealsRoundTripThroughTheColumns() {
    let deals = [
      Deal(id: "D1", leadID: "L1", outcome: .won, amount: Money(minorUnits: 12_345), created: day, closed: day.adding(days: 9), owner: 2, source: 1, line: 2),
      Deal(id: "D2", leadID: nil, outcome: .open, amount: nil, created: nil, closed: nil, owner: nil, source: nil, line: 3),
      Deal(id: "D3", leadID: "Zoë-7", outcome: .lost, amount: .zero, created: nil, closed: day, line: 4),
    ]
    let table = DealTable(deals)
    #expect(table.indices.map { table[$0] } == deals)
    #expect(DealTable(deals + [deals[0]]).count == 3)
  }

  @Test func ownersAndSourcesAreRenumberedAndDaysCorrected() {
    var table = DealTable([Deal(id: "D1", outcome: .won, created: day, closed: day, owner: 0, source: 1), Deal(id: "D2", outcome: .open)])
    table.renumber(sources: [5, 6], owners: [7])
    table.correctDays(created: { $0.adding(days: 1) }, closed: { $0.adding(days: 2) })
    #expect(table[0].source == 6 && table[0].owner == 7)
    #expect(table[0].created == day.adding(days: 1) && table[0].closed == day.adding(days: 2))
    #expect(table[1].source == nil && table[1].created == nil)
  }
}
