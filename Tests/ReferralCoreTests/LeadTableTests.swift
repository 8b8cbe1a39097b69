import CSVStream
import ReferralCore
import TestSupport
import Testing

@Suite struct LeadTableTests {
  let day = Day(iso: "2026-10-05")!

  @Test func leadsRoundTripThroughTheColumns() {
    let leads = [
      Lead(id: "L1", created: day, source: 2, owner: 1, referrer: nil, company: "Zoë & Co, \"Ltd\"", thanked: day.adding(days: 1), line: 2),
      Lead(id: "L2", created: day.adding(days: 3), source: 0, owner: nil, referrer: 4, company: "", thanked: nil, line: 3),
    ]
    let table = LeadTable(leads)
    #expect(table.count == 2)
    #expect(table[0] == leads[0])
    #expect(table[1] == leads[1])
    #expect(table.index.position(of: "L2") == 1)
  }

  @Test func aRepeatedIdIsNotAddedAndNamesTheFirst() {
    var table = LeadTable([Lead(id: "L1", created: day, source: 0, line: 2)])
    #expect(Array("L1".utf8).withByteView { table.claim($0) } == 0)
    #expect(table.count == 1)
    #expect(Array("L2".utf8).withByteView { table.claim($0) } == nil)
    Array("Acme".utf8).withByteView { table.fill(created: day, source: 1, owner: 0, referrer: nil, company: $0, thanked: nil, line: 3) }
    #expect(table.company(1) == "Acme")
    #expect(table.owner(1) == 0)
    #expect(table.line(0) == 2)
  }

  @Test func daysAreCorrectedInPlace() {
    var table = LeadTable([Lead(id: "L1", created: day, source: 0, thanked: day)])
    table.correctDays(created: { $0.adding(days: 1) }, thanked: { $0.adding(days: 2) })
    #expect(table.indices.map(table.created) == [day.adding(days: 1)])
    #expect(table.thanked(0) == day.adding(days: 2))
  }
}
