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
    // One column per figure, a share beside its count; a rate's column is followed by its notes.
    #expect(channels.first?.hasPrefix("Channel,Referral,Leads,Leads: share (fraction),Leads: note,Won,Won: share (fraction),Won: note,Lost,") == true)
    // Five leads; D1, D3 and D4 won ($1,000 + $500 + $2,000), D2 lost: win rate 3 ÷ 4 = 0.75;
    // leads with a won deal L1 and L3 of five = 0.4; average $3,500 ÷ 3 = $1,166.67. Both
    // rates rest on fewer than 10 cases; the totals' shares of themselves are never judged.
    #expect(channels.contains("Total,no,5,1,,3,1,,1,0.75,too few to judge: 4 closed deals,0.4,too few to judge: 5 leads,3500.00,1,,1166.67,20"))
    // Unknown closed nothing: its win rate is an empty cell, with no note.
    #expect(channels.contains { $0.hasPrefix("Unknown,no,1,0.2,too few to judge: 5 leads,0,0,too few to judge: 3 won deals,0,,,") })
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

  /// Every list on small exports, worked by hand. October 2026, a 2-day thank-you window, a
  /// 10% fee on won referrals, and no fee paid: L6 (Fjord) referred L1, L2 and L3.
  /// - L1 was thanked in time and L2 late (on the 20th, due on the 7th): neither is a task;
  ///   L3, created on the 6th and never thanked, is, due on the 8th, with its lead's owner Cy.
  /// - D1 (L1, $1,000, won on the 21st) has its own owner Dee; D2 (L3, $500, won on the 22nd)
  ///   has none, so its lead's owner Cy takes the fee ($50) and the loop. P1, a gift to L6 in
  ///   September, came before both wins, so both loops are open.
  /// - L7 (Gale, owner Eve) first won on 1 July, 122 days before 31 October: due an ask.
  @Test func tasksHaveTheirOwnerAndOnlyWorkStillToDo() throws {
    let folder = try CLI.temporaryFolder()
    let files = [
      "leads.csv": """
      lead_id,created_at,source,owner,referrer_id,company,thanked_at
      L1,2026-10-01,Referral,Ana,L6,Acme,2026-10-02
      L2,2026-10-05,Referral,Ben,L6,Bolt,2026-10-20
      L3,2026-10-06,Referral,Cy,L6,Crane,
      L6,2026-09-15,Referral,Ana,,Fjord,2026-09-15
      L7,2026-06-01,Google Ads,Eve,,Gale,
      """,
      "deals.csv": """
      deal_id,lead_id,stage,amount,created_at,closed_at,owner
      D1,L1,Closed Won,1000,2026-10-03,2026-10-21,Dee
      D2,L3,Closed Won,500,2026-10-07,2026-10-22,
      D3,L7,Closed Won,300,2026-06-02,2026-07-01,
      """,
      "payouts.csv": """
      payout_id,paid_at,referrer_id,deal_id,kind,amount
      P1,2026-09-20,L6,,gift,10
      """,
      "config.toml": """
      [report]
      currency = "USD"
      [fees."Referral"]
      share_of_won = 0.10
      """,
    ]
    for (name, text) in files { try (text + "\n").write(toFile: "\(folder)/\(name)", atomically: true, encoding: .utf8) }
    let result = try CLI.run(
      ["run", "--quiet", "--config", "config.toml", "--leads", "leads.csv", "--deals", "deals.csv", "--payouts", "payouts.csv", "--out", "r"],
      in: folder)
    #expect(result.status == 0, "\(result.stderr)")
    func tasks(_ list: String) throws -> [String] {
      let text = try String(contentsOfFile: "\(folder)/r/tasks/\(list).csv", encoding: .utf8)
      return Array(text.components(separatedBy: "\r\n").dropFirst().dropLast())
    }
    try #expect(tasks("thank-referrers") == ["Thank Fjord (L6) for referring Crane,Cy,2026-10-08,Lead,L3,Referred lead created 2026-10-06; not thanked yet"])
    try #expect(
      tasks("pay-fees") == [
        "Pay the referral fee for deal D1 to Fjord (L6),Dee,2026-10-31,Deal,D1,\"Won 2026-10-21; owed $100.00, paid $0.00, outstanding $100.00\"",
        "Pay the referral fee for deal D2 to Fjord (L6),Cy,2026-10-31,Deal,D2,\"Won 2026-10-22; owed $50.00, paid $0.00, outstanding $50.00\"",
      ])
    try #expect(
      tasks("close-the-loop") == [
        "\"Tell Fjord (L6) their referral was won, and thank them\",Dee,2026-10-31,Deal,D1,\"Lead Acme (L1), won 2026-10-21, $1,000.00\"",
        "\"Tell Fjord (L6) their referral was won, and thank them\",Cy,2026-10-31,Deal,D2,\"Lead Crane (L3), won 2026-10-22, $500.00\"",
      ])
    try #expect(tasks("ask-customers") == ["Ask Gale for a referral,Eve,2026-10-31,Lead,L7,\"First win 2026-07-01, 122 days ago; won revenue $300.00\""])
  }

  /// A leads export that names its people (here split, as HubSpot's and Salesforce's are): the
  /// tasks and the ask list name the person beside the company, and the id where there is no
  /// task column for it; a lead without a name is named as before.
  @Test func tasksNameThePersonWhenTheLeadsExportHasOne() throws {
    let folder = try CLI.temporaryFolder()
    let files = [
      "leads.csv": """
      lead_id,created_at,source,owner,referrer_id,company,first_name,last_name,thanked_at
      L1,2026-10-01,Referral,Ana,L6,Acme,Ann,Lee,2026-10-02
      L3,2026-10-06,Referral,Cy,L6,,Cy,,
      L6,2026-09-15,Referral,Ana,,Fjord,Fay,Dunn,2026-09-15
      L7,2026-06-01,Google Ads,Eve,,Gale,,,
      L8,2026-06-01,Google Ads,Eve,,Juniper Architects,Ana,Souza,
      """,
      "deals.csv": """
      deal_id,lead_id,stage,amount,created_at,closed_at,owner
      D1,L1,Closed Won,1000,2026-10-03,2026-10-21,Dee
      D3,L7,Closed Won,300,2026-06-02,2026-07-01,
      D4,L8,Closed Won,200,2026-06-02,2026-07-02,
      """,
      // A payouts export, so the referral programme's lists are known.
      "payouts.csv": """
      payout_id,paid_at,referrer_id,deal_id,kind,amount
      P1,2026-09-20,L6,,gift,10
      """,
    ]
    for (name, text) in files { try (text + "\n").write(toFile: "\(folder)/\(name)", atomically: true, encoding: .utf8) }
    let result = try CLI.run(["run", "--quiet", "--leads", "leads.csv", "--deals", "deals.csv", "--payouts", "payouts.csv", "--out", "r"], in: folder)
    #expect(result.status == 0, "\(result.stderr)")
    func tasks(_ list: String) throws -> [String] {
      let text = try String(contentsOfFile: "\(folder)/r/tasks/\(list).csv", encoding: .utf8)
      return Array(text.components(separatedBy: "\r\n").dropFirst().dropLast())
    }
    // L3 has a first name and no company: named by it.
    try #expect(
      tasks("thank-referrers") == [
        "\"Thank Fay Dunn, Fjord (L6) for referring Cy\",Cy,2026-10-08,Lead,L3,Referred lead created 2026-10-06; not thanked yet"
      ])
    // The referrer L6 is a lead with a person and a company; L1's close-the-loop names both; L7
    // has no name (its company alone), L8 both. Most revenue first: L7's $300, then L8's $200.
    try #expect(
      tasks("close-the-loop") == [
        "\"Tell Fay Dunn, Fjord (L6) their referral was won, and thank them\",Dee,2026-10-31,Deal,D1,\"Lead Ann Lee, Acme (L1), won 2026-10-21, $1,000.00\""
      ])
    try #expect(
      tasks("ask-customers") == [
        "Ask Gale for a referral,Eve,2026-10-31,Lead,L7,\"First win 2026-07-01, 122 days ago; won revenue $300.00\"",
        "\"Ask Ana Souza, Juniper Architects for a referral\",Eve,2026-10-31,Lead,L8,\"First win 2026-07-02, 121 days ago; won revenue $200.00\"",
      ])
    let json = try String(contentsOfFile: "\(folder)/r/summary.json", encoding: .utf8)
    // summary.json's ask_list: the name, null for the lead the export names nobody for.
    #expect(json.contains("\"lead_id\": \"L8\",\n      \"company\": \"Juniper Architects\",\n      \"name\": \"Ana Souza\",\n"))
    #expect(json.contains("\"lead_id\": \"L7\",\n      \"company\": \"Gale\",\n      \"name\": null,\n"))
    let report = try String(contentsOfFile: "\(folder)/r/report.md", encoding: .utf8)
    #expect(report.contains("| Ana Souza (L8) | Juniper Architects |"))
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
