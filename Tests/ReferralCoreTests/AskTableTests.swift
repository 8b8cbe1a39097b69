import CSVStream
import ReferralCore
import TestSupport
import Testing

/// The asks are kept column by column and read back as they were added: ids (or file and
/// line), days, the lead ids and the leads they resolve to, owners, outcomes lower-cased.
@Suite struct AskTableTests {
  let day = Day(iso: "2026-10-05")!

  var asks: [Ask] {
    [
      Ask(id: "A1", asked: day, leadID: "L2", owner: 3, outcome: "Referred", line: 2),
      Ask(id: "A2", asked: day.adding(days: 1), leadID: "L9", owner: nil, outcome: nil, line: 3),
      Ask(id: "Aé", asked: day, leadID: "Zoë-7", owner: 0, outcome: "referred", line: 5),
    ]
  }

  @Test func asksRoundTripThroughTheColumns() {
    let table = AskTable(asks)
    var expected = asks
    expected[0].outcome = "referred"  // lower-cased, one number for both spellings
    #expect(table.indices.map { table[$0] } == expected)
  }

  /// Without an ask id column an ask is named by its file and line; no id bytes are kept.
  @Test func asksWithoutIDsAreNamedByFileAndLine() {
    var table = AskTable(namedByLineOf: "asks.csv")
    "ignored".withByteView { id in "L1".withByteView { lead in table.append(id: id, asked: day, leadID: lead, owner: nil, outcome: nil, line: 7) } }
    #expect(table.id(0) == "asks.csv:7" && table.leadID(0) == "L1")
  }

  /// Leads are found by their ids in the leads' index; an id no lead has finds none. Owners are
  /// renumbered and days corrected in place.
  @Test func leadsResolveOwnersRenumberDaysCorrect() {
    var leads = IDIndex()
    for id in ["L1", "L2", "Zoë-7"] { _ = leads.insert(id) }
    var table = AskTable(asks)
    #expect(table.indices.map { table.leadPosition($0, in: leads) } == [1, nil, 2])
    #expect(table.indices.map(table.leadID) == ["L2", "L9", "Zoë-7"])
    table.renumber(owners: [5, 6, 7, 8])
    table.correctDays { $0.adding(days: 2) }
    #expect(table.indices.map(table.owner) == [8, nil, 5])
    #expect(table.indices.map(table.asked) == [day.adding(days: 2), day.adding(days: 3), day.adding(days: 2)])
  }
}
