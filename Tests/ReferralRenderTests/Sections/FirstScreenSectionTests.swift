import ReferralAttribution
import ReferralCore
import TestSupport
import Testing

@testable import ReferralRender

/// At a glance when the data begins within the period, worked out by hand for October 2026:
/// 2 leads (L1 referred, L2 from the web), 1 won deal (L1's, $100). The trailing year would be
/// October itself: not compared, n/a, and the note says why.
@Suite struct FirstScreenSectionTests {
  static func section(leads: String) throws -> Section {
    let deals = """
      deal_id,lead_id,stage,amount,closed_at
      D1,L1,won,100.00,2026-10-20

      """
    let dataset = try Dataset.importing([.leads: leads, .deals: deals])
    return ReportBuilder.firstScreen(Attributor.attribute(dataset, options: AttributionOptions(period: Period(month: Month(year: 2026, month: 10)!))))
  }

  static func glance(_ section: Section) throws -> (rows: [[String]], notes: [String]) {
    let table = try #require(section.blocks.lazy.compactMap { if case .table(let table) = $0 { table } else { nil } }.first)
    return (table.rows.map { $0.map(\.shown) }, section.blocks.compactMap { if case .note(let text) = $0 { text } else { nil } })
  }

  @Test func aTrailingYearThatIsThePeriodIsNA() throws {
    let (rows, notes) = try Self.glance(
      Self.section(
        leads: """
          lead_id,created_at,source,referrer_id
          L1,2026-10-01,Referral,P1
          L2,2026-10-05,Web,

          """))
    // Leads 1 of 2 (50.0%), won deals 1 of 1, revenue $100 of $100: each against a trailing year
    // of the same leads and deals would be "level with" itself.
    #expect(rows.map(\.last) == ["n/a", "n/a", "n/a"])
    #expect(rows[0][1].hasPrefix("50.0%"))
    #expect(notes.contains("The data begins on 2026-10-01, within the period: the trailing year would be the period itself, so it is n/a."))
  }

  /// One lead a year earlier and the trailing year reaches back to it: compared, 1 of 3 leads.
  @Test func aTrailingYearBeforeThePeriodIsCompared() throws {
    let (rows, notes) = try Self.glance(
      Self.section(
        leads: """
          lead_id,created_at,source,referrer_id
          L0,2025-11-01,Web,
          L1,2026-10-01,Referral,P1
          L2,2026-10-05,Web,

          """))
    #expect(rows[0].last == "up 16.7 pts from 33.3%")  // 1 of 2 (50.0%) against 1 of 3 (33.3%)
    #expect(notes.contains("The trailing year is 2025-11-01 to 2026-10-31, the period included."))
  }
}
