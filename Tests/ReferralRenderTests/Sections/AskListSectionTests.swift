import ReferralAttribution
import ReferralCore
import TestSupport
import Testing

@testable import ReferralRender

/// Who to ask next, with and without a feedback export. C1 won on 2026-06-01 (152 days before
/// the period's end, inside 60 days to a year: due an ask) and referred nobody.
@Suite struct AskListSectionTests {
  static let leads = "lead_id,created_at,source,company\nC1,2026-01-01,Web,Acme\n"
  static let deals = "deal_id,lead_id,stage,amount,closed_at\nW1,C1,won,100,2026-06-01\n"

  static func section(feedback: String?) throws -> Section {
    var texts: [InputRole: String] = [.leads: leads, .deals: deals]
    texts[.feedback] = feedback
    let data = try Dataset.importing(texts)
    return ReportBuilder.askList(Attributor.attribute(data, options: AttributionOptions(period: Period(month: Month(year: 2026, month: 10)!))))
  }

  static func table(_ section: Section) throws -> Table {
    try #require(section.blocks.compactMap { if case .table(let table) = $0 { table } else { nil } }.first)
  }

  /// Without a feedback export every next step would be "ask for a referral" and every feedback
  /// and comment cell empty: those three columns are left out, not shown blank.
  @Test func withoutFeedbackTheFeedbackColumnsAreLeftOut() throws {
    let table = try Self.table(Self.section(feedback: nil))
    #expect(table.columns.map(\.title) == ["Customer", "Company", "Owner", "First win", "Revenue", "Days since"])
    #expect(table.rows.map { $0.map(\.shown) } == [["C1", "Acme", "", "2026-06-01", "$100.00", "152"]])
  }

  /// With one, C1's passive answer without a comment: asked how it is going first, and the
  /// comment cell is empty (not "(empty)", which reads as something a customer wrote).
  @Test func withFeedbackTheNextStepAndAnEmptyComment() throws {
    let table = try Self.table(Self.section(feedback: "lead_id,answered_at,score\nC1,2026-09-01,8\n"))
    #expect(table.columns.suffix(3).map(\.title) == ["Feedback", "Next step", "Comment"])
    #expect(table.rows.first?.suffix(3).map(\.shown) == ["passive", "ask how it is going", ""])
    #expect(table.rows.first?.last?.isData == false)
  }
}
