import Foundation
import Testing

/// The month before the data's first is not a month of nothing: its figures are n/a with the
/// reason, and no change is shown against it (never "$0.00", "0" and "new").
@Suite struct PreviousPeriodTests {
  @Test func aPreviousPeriodBeforeTheDataIsUnknownNotZero() throws {
    let folder = try CLI.temporaryFolder()
    // Three October leads, one a referral; D1 won ($900) and D2 lost in October. Nothing is
    // dated before 1 October, so September, the period before, is before the data.
    try "lead_id,created_at,source\nL1,2026-10-01,Referral\nL2,2026-10-02,Web\nL3,2026-10-31,Web\n"
      .write(toFile: folder + "/leads.csv", atomically: true, encoding: .utf8)
    try "deal_id,lead_id,stage,amount,closed_at\nD1,L1,Won,900,2026-10-10\nD2,L2,Lost,100,2026-10-12\n"
      .write(toFile: folder + "/deals.csv", atomically: true, encoding: .utf8)
    let (markdown, json, _) = try CLI.report(["--leads", folder + "/leads.csv", "--deals", folder + "/deals.csv", "--month", "2026-10"])
    #expect(
      markdown.contains(
        "Period 2026-10-01 to 2026-10-31; the period before it (2026-09-01 to 2026-09-30) is before the data begins, so its figures are n/a"))
    // This period: 3 leads, 1 won, $900; September's column and every change are n/a.
    #expect(markdown.contains("| Leads | 3 | n/a | n/a |  |"))
    #expect(markdown.contains("| Won deals | 1 | n/a | n/a |  |"))
    #expect(markdown.contains("| Revenue | $900.00 | n/a | n/a |  |"))
    #expect(markdown.contains("| Referral share of leads | 33.3% (too few to judge: 3 leads) | n/a | n/a | 41.0% |"))
    let summary = try #require(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    let previous = try #require(summary["previous_period"] as? [String: Any])
    let totals = try #require(previous["totals"] as? [String: Any])
    #expect(totals["leads"] is NSNull && totals["won"] is NSNull && totals["revenue"] is NSNull)
    let share = try #require(previous["referral_share"] as? [String: Any])
    #expect(share["leads"] is NSNull)
    // The current period's own figures stay numbers.
    let current = try #require(summary["totals"] as? [String: Any])
    #expect(current["leads"] as? Int == 3 && current["won"] as? Int == 1)
  }

  /// A previous period the data reaches keeps its figures, zeros included.
  @Test func aPreviousPeriodWithinTheDataKeepsItsFigures() throws {
    let folder = try CLI.temporaryFolder()
    // L0 in August starts the data: September is within it and had no lead (0, not n/a).
    try "lead_id,created_at,source\nL0,2026-08-20,Web\nL1,2026-10-01,Referral\n"
      .write(toFile: folder + "/leads.csv", atomically: true, encoding: .utf8)
    try "deal_id,lead_id,stage,amount,closed_at\nD1,L1,Won,900,2026-10-10\n".write(toFile: folder + "/deals.csv", atomically: true, encoding: .utf8)
    let (markdown, _, _) = try CLI.report(["--leads", folder + "/leads.csv", "--deals", folder + "/deals.csv", "--month", "2026-10"])
    #expect(markdown.contains("compared with September 2026 (2026-09-01 to 2026-09-30)"))
    #expect(markdown.contains("| Leads | 1 | 0 | new |  |"))
  }
}
