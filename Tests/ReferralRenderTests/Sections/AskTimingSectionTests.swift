import ReferralAttribution
import ReferralCore
import TestSupport
import Testing

@testable import ReferralRender

/// The ask timing and the watched referrers as the report shows them, on two customers worked
/// out by hand for October 2026 (minimum sample 1, ask list from 10 days).
///
/// C1 won 2026-01-01 and was asked 4 days later: no referral. C2 won 2026-01-01, was asked
/// 2026-05-01 (120 days: 91–180) and referred R1 (won, $900) on 05-10.
@Suite struct AskTimingSectionTests {
  static let result: AttributionResult = {
    // No thanked_at column: thank-you timing is unknown.
    let leads = """
      lead_id,created_at,source,owner,referrer_id,company
      C1,2025-10-01,Web,,,
      C2,2025-10-01,Web,Ana,,Acme
      R1,2026-05-10,Referral,,C2,

      """
    let deals = """
      deal_id,lead_id,stage,amount,closed_at
      W1,C1,won,1.00,2026-01-01
      W2,C2,won,1.00,2026-01-01
      W3,R1,won,900.00,2026-06-01

      """
    let asks = """
      ask_id,asked_at,lead_id
      A1,2026-01-05,C1
      A2,2026-05-01,C2

      """
    var options = AttributionOptions(period: Period(month: Month(year: 2026, month: 10)!))
    options.minSample = 1
    options.askAfterDays = 10
    return Attributor.attribute(try! Dataset.importing([.leads: leads, .deals: deals, .asks: asks]), options: options)
  }()

  func paragraphs(_ section: Section) -> [String] { section.blocks.compactMap { if case .paragraph(let text) = $0 { text } else { nil } } }

  /// 0–30: 0 of 1 (0.0%); 91–180: 1 of 1 (100.0%): 100 points higher, and the ask list starts at
  /// 10 days, in 0–30.
  @Test func theTimingTableAndItsSentence() throws {
    let section = ReportBuilder.askTiming(Self.result)
    let tables = section.blocks.compactMap { if case .table(let table) = $0 { table } else { nil } }
    let table = try #require(tables.first)
    #expect(table.rows.map { $0.map(\.shown) }[0] == ["0–30", "1", "0", "0.0%"])
    #expect(table.rows.map { $0.map(\.shown) }[3] == ["91–180", "1", "1", "100.0%"])
    #expect(table.rows.map { $0[0].text }.last == "over 365")
    // No ask 31–60 days after a win: n/a, not 0%.
    #expect(table.rows[1][3].shown == "n/a")
    #expect(
      paragraphs(section).contains(
        "Asks 0–30 days after the first win were followed by a referral 0.0% of the time, 91–180 days after it 100.0%: "
          + "the ask list starts at 10 days ([report] ask_after_days), before the asks that pay."))
    // C2: 2026-01-01 → R1 2026-05-10 = 129 days; C1 referred nobody.
    #expect(
      paragraphs(section).contains {
        $0.hasPrefix("Median days from a customer's first win to their first referral: 129 (1 customer who referred by 2026-10-31).")
      })
  }

  /// C2, the one earning referrer, is watched: 1 referral in the 90 days before (05-10 is after
  /// 05-05), none since: halved; one referral, so no usual gap; no thanked_at column.
  @Test func theWatchTableSaysWhyAFigureIsMissing() throws {
    let section = ReportBuilder.referrerWatch(Self.result)
    let tables = section.blocks.compactMap { if case .table(let table) = $0 { table } else { nil } }
    let row = try #require(tables.first?.rows.first).map(\.shown)
    #expect(
      row == [
        "Acme (C2)", "Ana", "$900.00", "0", "1", "174", "n/a (referred on one day only)", "n/a (no thanked_at column)", "n/a (no payouts export)",
        "referrals halved",
      ])
    #expect(paragraphs(section).last == "1 of 1 watched referrer is cooling: call them (tasks/call-cooling-referrers.csv).")
  }

  @Test func coolingReferrersBecomeTasksForTheirOwner() {
    let text = String(decoding: TaskFiles.bytes(.callCoolingReferrers, Self.result), as: UTF8.self)
    #expect(
      text.split(separator: "\r\n").last
        == "\"Call Acme (C2), a top referrer going quiet\",Ana,2026-10-31,Lead,C2,\"Referrals: 0 in the last 90 days, 1 in the 90 before; last 2026-05-10, 174 days ago; referrals halved\""
    )
  }
}
