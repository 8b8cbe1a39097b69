import Foundation
import Testing

/// `tables/` (every table of the report as CSV) and `tasks/` (the action lists as CRM tasks).
@Suite struct TablesAndTasksTests {
  func run(leads: String = "\(CLI.fixtures)/leads.csv") throws -> String {
    let out = try CLI.temporaryFolder() + "/r"
    let result = try CLI.run(["run", "--quiet", "--leads", leads, "--deals", "\(CLI.fixtures)/deals.csv", "--out", out])
    #expect(result.status == 0, "\(result.stderr)")
    return out
  }

  @Test func everyTableIsACSVWithItsTotals() throws {
    let out = try run()
    let channels = try String(contentsOfFile: out + "/tables/channels.csv", encoding: .utf8).components(separatedBy: "\r\n")
    // A rate's column is followed by its notes, so that the figures themselves still sum.
    #expect(channels.first?.hasPrefix("Channel,Referral,Leads (share),Leads (share): note,Won (share),Won (share): note,Lost,") == true)
    // Five leads; D1, D3 and D4 won ($1,000 + $500 + $2,000), D2 lost: win rate 3 ÷ 4 = 75.0%;
    // leads with a won deal L1 and L3 of five = 40.0%; average $3,500 ÷ 3 = $1,166.67. Both
    // rates rest on fewer than 10 cases; the totals' shares of themselves are never judged.
    #expect(
      channels.contains(
        "Total,no,5 (100.0%),,3 (100.0%),,1,75.0%,too few to judge: 4 closed deals,40.0%,too few to judge: 5 leads,\"$3,500.00 (100.0%)\",,\"$1,166.67\",20"
      ))
    // Unknown closed nothing: its win rate is an empty cell, with no note.
    #expect(channels.contains { $0.hasPrefix("Unknown,no,1 (20.0%),too few to judge: 5 leads,0 (0.0%),too few to judge: 3 won deals,0,,,") })
    // One file per table, named by its section; the report's own files are unchanged.
    let tables = try FileManager.default.contentsOfDirectory(atPath: out + "/tables").sorted()
    #expect(tables.contains("headlines.csv") && tables.contains("data-quality.csv"))
  }

  /// A thank-you task is due when its window ended: L2, referred on 5 October with a 2-day
  /// window, was due on the 7th and is not thanked; L1 was thanked the next day, so no task.
  @Test func theActionListsAreCRMTasks() throws {
    let out = try run()
    let thanks = try String(contentsOfFile: out + "/tasks/thank-referrers.csv", encoding: .utf8)
    #expect(
      thanks
        == "Subject,Owner,Due Date,Related Record Type,Related Record ID,Description\r\n"
        + "Thank Fjord (L6) for referring Bolt LLC,Ben,2026-10-07,Lead,L2,Referred lead created 2026-10-05; not thanked yet\r\n")
    let lost = try String(contentsOfFile: out + "/tasks/ask-lost-prospects.csv", encoding: .utf8)
    #expect(lost.hasSuffix("Ask Bolt LLC who would be a better fit,Ben,2026-10-31,Lead,L2,Deal D2 lost 2026-10-25\r\n"))
    // No payouts export: no fee or loop tasks, rather than empty lists that look done.
    #expect(!FileManager.default.fileExists(atPath: out + "/tasks/pay-fees.csv"))
    #expect(!FileManager.default.fileExists(atPath: out + "/tasks/close-the-loop.csv"))
  }

  /// CRM text that a spreadsheet would run is written as text, as in rejects.csv.
  @Test func cellsAreNeutralised() throws {
    let folder = try CLI.temporaryFolder()
    let leads = try String(contentsOfFile: "\(CLI.fixtures)/leads.csv", encoding: .utf8).replacingOccurrences(
      of: "L2,2026-10-05,referral,Ben", with: "L2,2026-10-05,referral,=SUM(A1)")
    try leads.write(toFile: folder + "/leads.csv", atomically: true, encoding: .utf8)
    let out = try run(leads: folder + "/leads.csv")
    let thanks = try String(contentsOfFile: out + "/tasks/thank-referrers.csv", encoding: .utf8)
    #expect(thanks.contains(",'=SUM(A1),2026-10-07,"))
  }
}
