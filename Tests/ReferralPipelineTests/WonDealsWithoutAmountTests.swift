import Foundation
import Testing

/// A won deal without an amount, end to end: the export is read, the win is counted, its revenue
/// is unknown (never 0), and every output says so.
@Suite struct WonDealsWithoutAmountTests {
  /// October: referral leads L1 L2, Google Ads (Paid Search) leads L3 L4. D1 (L1, $1,000) won
  /// after 10 days, D2 (L2, no amount) after 20, D3 (L3, $500) after 10; D4 (L4) lost. An amount
  /// that is there but unreadable (D5's) still rejects the row.
  static let leads = "lead_id,created_at,source\nL1,2026-10-01,Referral\nL2,2026-10-02,Referral\nL3,2026-10-03,Google Ads\nL4,2026-10-04,Google Ads\n"
  static let deals = """
    deal_id,lead_id,stage,amount,closed_at
    D1,L1,Closed Won,1000,2026-10-11
    D2,L2,Closed Won,,2026-10-22
    D3,L3,Closed Won,500,2026-10-13
    D4,L4,Closed Lost,200,2026-10-24
    D5,L4,Closed Won,about 300,2026-10-25

    """

  @Test func itIsAWinWithUnknownRevenue() throws {
    let folder = try CLI.temporaryFolder()
    try Self.leads.write(toFile: folder + "/leads.csv", atomically: true, encoding: .utf8)
    try Self.deals.write(toFile: folder + "/deals.csv", atomically: true, encoding: .utf8)
    // Run in the folder: no config, so nothing but the exports decides. 1 reject of 5 deals is
    // over the 1% limit: exit 2.
    let result = try CLI.run(["run", "--leads", "leads.csv", "--deals", "deals.csv", "--month", "2026-10", "--out", "r"], in: folder)
    #expect(result.status == 2, "\(result.stderr)")
    let markdown = try String(contentsOfFile: folder + "/r.failed/report.md", encoding: .utf8)
    let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder + "/r.failed/summary.json"))) as? [String: Any]
    // Won 3 (D1 D2 D3), lost 1: win rate 3 ÷ 4 = 75.0%; leads with a won deal 3 ÷ 4 = 75.0%;
    // revenue 1,000 + 500 = $1,500.00 of 2 won deals, average 1,500 ÷ 2 = $750.00; cycles 10,
    // 20, 10: median 10.
    #expect(
      markdown.contains(
        "| **Total** | **no** | **4 (100.0%)** | **3 (100.0%)** | **1** | **75.0% (too few to judge: 4 closed deals)** | **75.0% (too few to judge: 4 leads)** | **$1,500.00 (100.0%)** | **$750.00** | **10** |"
      ))
    #expect(markdown.contains("in total, revenue of 2 of 3 won deals."))
    #expect(markdown.contains("Revenue is the revenue of 2 of 3 won deals"))
    // Data quality lists D2 with its file and line; D5 is a reject.
    #expect(
      markdown.contains("- **1** won deal has no amount: it counts as a win (won deals, win rates, lead conversion, sales cycle), its revenue is unknown"))
    #expect(markdown.contains("(D2 at deals.csv:3)."))
    #expect(markdown.contains("- deals.csv: unparseable amount: **1**"))
    let totals = try #require(summary?["totals"] as? [String: Any])
    #expect(totals["won"] as? Int == 3 && totals["win_rate"] as? Double == 0.75)
    #expect(totals["revenue"] as? Double == 1_500 && totals["average_deal"] as? Double == 750 && totals["won_without_amount"] as? Int == 1)
    let quality = try #require(summary?["data_quality"] as? [String: Any])
    #expect(quality["won_without_amount"] as? Int == 1)
    let examples = try #require(quality["won_without_amount_examples"] as? [[String: Any]])
    #expect(examples.count == 1 && examples.first?["line"] as? Int == 3 && examples.first?["deal_id"] as? String == "D2")
    // `check` lists it too, where an editor can open it.
    let check = try CLI.run(["check", "--leads", "leads.csv", "--deals", "deals.csv", "--month", "2026-10"], in: folder)
    #expect(
      check.stdout.contains("  won deals without an amount (counted as wins, revenue unknown): 1\n  deals.csv:3: won deal 'D2' has no amount\n"),
      "\(check.stdout)")
  }
}
