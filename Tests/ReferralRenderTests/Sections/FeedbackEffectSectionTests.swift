import ReferralAttribution
import ReferralCore
import TestSupport
import Testing

@testable import ReferralRender

/// Feedback as the report shows it, October 2026 worked out by hand: C1 (won 2025-01-01)
/// answered 3 on 2025-03-01 and referred R1 on 2025-04-01 (won $500 on 2025-05-01); C2 (won
/// 2026-06-01, 152 days before the period's end: due an ask) answered 2 on 2026-07-01.
@Suite struct FeedbackEffectSectionTests {
  static func result(feedback: Bool = true) throws -> AttributionResult {
    let leads = """
      lead_id,created_at,source,owner,referrer_id,company
      C1,2024-12-01,Web,,,
      C2,2026-01-01,Web,Ana,,Acme
      R1,2025-04-01,Referral,,C1,

      """
    let deals = """
      deal_id,lead_id,stage,amount,closed_at
      W1,C1,won,1.00,2025-01-01
      W2,C2,won,100.00,2026-06-01
      W3,R1,won,500.00,2025-05-01

      """
    var exports: [InputRole: String] = [.leads: leads, .deals: deals]
    if feedback {
      exports[.feedback] = """
        lead_id,answered_at,score,comment
        C1,2025-03-01,3,Late
        C2,2026-07-01,2,"Slow support, twice"

        """
    }
    var options = AttributionOptions(period: Period(month: Month(year: 2026, month: 10)!))
    options.minSample = 2
    return Attributor.attribute(try Dataset.importing(exports), options: options)
  }

  func rows(_ section: Section) throws -> [[String]] {
    let tables = section.blocks.compactMap { if case .table(let table) = $0 { table } else { nil } }
    return try #require(tables.first).rows.map { $0.map(\.shown) }
  }

  /// C1, a detractor, referred R1 within the year ($500); R1 (won 2025-05-01) never answered
  /// and referred nobody. C2 answered after 2025-10-31 and won after it: not counted.
  @Test func theGroupsWithTheirRatesAndRevenue() throws {
    #expect(
      try rows(ReportBuilder.feedbackEffect(Self.result())) == [
        ["promoter", "0", "0", "n/a", "$0.00"], ["passive", "0", "0", "n/a", "$0.00"],
        ["detractor", "1", "1", "100.0% (too few to judge: 1 customer)", "$500.00"],
        ["no answer", "1", "0", "0.0% (too few to judge: 1 customer)", "$0.00"],
      ])
  }

  @Test func withoutAFeedbackExportTheSectionSaysSo() throws {
    #expect(
      ReportBuilder.feedbackEffect(try Self.result(feedback: false)).blocks == [
        .note("No feedback export was given (--feedback), so happiness cannot be compared with referrals.")
      ])
  }

  /// C2 is due an ask, but detracts: listed to fix first, with the comment, for Ana.
  @Test func aDetractorIsListedToFixFirstWithTheComment() throws {
    let result = try Self.result()
    #expect(try rows(ReportBuilder.askList(result)).first?.suffix(3) == ["detractor", "fix first", "Slow support, twice"])
    let text = String(decoding: TaskFiles.bytes(.fixFirst, result), as: UTF8.self)
    #expect(
      text.split(separator: "\r\n").last
        == "Ask Acme: fix what they raised before asking for a referral,Ana,2026-10-31,Lead,C2,\"First win 2026-06-01, 152 days ago; won revenue $100.00; latest feedback: detractor: Slow support, twice\""
    )
    #expect(String(decoding: TaskFiles.bytes(.askCustomers, result), as: UTF8.self).split(separator: "\r\n").count == 1)
    #expect(TaskFiles.lists(result).contains(.fixFirst))
    #expect(!TaskFiles.lists(try Self.result(feedback: false)).contains(.fixFirst))
  }
}
