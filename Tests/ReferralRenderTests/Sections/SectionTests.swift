import ReferralAttribution
import ReferralCore
import TestSupport
import Testing

@testable import ReferralRender

/// Each section on a small company whose October is worked out by hand: two reps, Ana with
/// 2 referral leads and Ben with 0 against a target of 1; one rejected row of each kind.
@Suite struct SectionTests {
  static let october = Period(month: Month(year: 2026, month: 10)!)

  /// The leads export: L1 to L3, then two rows of the wrong number of fields, L1 again (a
  /// duplicate of line 2) and a row of empty cells (skipped).
  static let result: AttributionResult = {
    let leads = """
      lead_id,created_at,source,owner,referrer_id,thanked_at
      L1,2026-10-05,Referral,Ana,C1,
      L2,2026-10-05,Referral,Ana,C1,
      L3,2026-10-05,Web,Ben,,
      x,y
      x,y,z,w,v,u,t
      L1,2026-10-01,Web,,,
      ,,,,,

      """
    let deals = """
      deal_id,lead_id,stage,amount,closed_at
      D1,L1,won,2500.00,2026-10-25

      """
    var options = AttributionOptions(period: october)
    options.targets.referralLeadsPerRepPerMonth = 1
    return Attributor.attribute(try! Dataset.importing([.leads: leads, .deals: deals]), options: options)
  }()

  /// The items of the section's first list.
  func listItems(_ section: Section) -> [Text] {
    for block in section.blocks { if case .list(let items) = block { return items } }
    return []
  }

  func table(_ section: Section, at index: Int = 0) throws -> Table {
    let tables = section.blocks.compactMap { if case .table(let table) = $0 { table } else { nil } }
    return try #require(tables.count > index ? tables[index] : nil)
  }

  /// Ben (0 referral leads < 1) is below target and comes first (fewest first); Ana (2) is not.
  @Test func repsStandFewestFirstWithWhetherTheyAreBelowTarget() throws {
    let reps = try table(ReportBuilder.reps(Self.result))
    #expect(reps.columns.map(\.title) == ["Rep", "Oct 2026", "Target per month", "Below target"])
    #expect(reps.rows.map { $0.map(\.text) } == [["Ben", "0", "1", "yes"], ["Ana", "2", "1", "no"]])
    #expect(reps.rows.map { $0[0].isData } == [true, true])  // owner names are CRM text
  }

  /// Rows = 3 accepted + 3 rejected + 1 skipped = 7; the two ragged rows are one reason. (The
  /// import names each file by its path in a temporary folder: compared by the file's name.)
  @Test func dataQualityAccountsForEveryRowAndGroupsReasons() throws {
    let section = ReportBuilder.dataQuality(Self.result.quality, currency: MoneyStyle(currency: "USD"))
    let inputs = try table(section)
    #expect(
      inputs.rows.map { $0.map(\.text.fileName) } == [["leads", "leads.csv", "7", "3", "3", "1"], ["deals", "deals.csv", "1", "1", "0", "0"]])
    let reasons = listItems(section)
    #expect(
      reasons.map { $0.parts.map(\.namingTheFile) } == [
        [.data("leads.csv"), .plain(": wrong number of fields: "), .strong("2")],
        [.data("leads.csv"), .plain(": duplicate lead_id: "), .strong("1")],
      ])
  }

  /// Actions: L1 and L2 (both referred by C1, never thanked) are two thank-yous owed, Ben is
  /// below the target, 3 rows were rejected; no fee line without fee rules.
  @Test func actionsListWhatNeedsDoing() {
    let section = ReportBuilder.actions(Self.result)
    let items = listItems(section)
    let text = items.map {
      $0.parts.map { part in
        switch part {
        case .plain(let s), .data(let s), .strong(let s): s
        case .link(let s, _), .section(let s, _): s
        }
      }.joined()
    }
    #expect(
      text == [
        "2 referred leads whose referrer was not thanked within 2 days (see Thank-you discipline)",
        "1 rep below 1 referral leads a month: Ben (see Referrals per rep)", "3 input rows rejected, listed whole in rejects.csv (see Data quality)",
      ])
  }
}

extension SectionTests {
  /// C1 is outside the leads; L1 and L2 are their referral leads, D1 ($2,500) their win.
  @Test func whoRefersIsOneRowPerKind() throws {
    let rows = try table(ReportBuilder.referrerTypes(Self.result)).rows.map { $0.map(\.text) }
    #expect(
      rows == [
        ["a customer", "0", "0", "0", "$0.00"], ["a lost prospect", "0", "0", "0", "$0.00"], ["an open prospect", "0", "0", "0", "$0.00"],
        ["outside the leads", "1", "2", "1", "$2,500.00"],
      ])
  }

  /// Without a payouts export the section says the loop cannot be checked, and lists nothing.
  @Test func closingTheLoopNeedsPayouts() {
    let section = ReportBuilder.closingTheLoop(Self.result)
    #expect(section.blocks == [.note("No payouts export was given, so whether referrers heard of their won referrals cannot be checked.")])
  }
}

extension SectionTests {
  /// No customer has a won deal 60 days old and no deal was lost: both lists say so, and the
  /// paragraph says that without an asks export nobody counts as asked.
  @Test func whoToAskNextSaysWhyItIsEmpty() {
    let blocks = ReportBuilder.askList(Self.result).blocks
    #expect(blocks.contains(.note("No customer is due an ask.")))
    #expect(blocks.contains(.note("No deal with a lead was lost in the period.")))
    #expect(blocks.contains { if case .paragraph(let text) = $0 { text.contains("no asks export was given") } else { false } })
  }

  /// The comparison is n/a without groups of 30: a note instead of a chart.
  @Test func thankingIsNotJudgedOnSmallGroups() {
    let blocks = ReportBuilder.thankYouEffect(Self.result).blocks
    #expect(blocks.contains(.note("Too few referrers to judge by: each group needs at least 30.")))
    #expect(!blocks.contains { if case .chart = $0 { true } else { false } })
  }

  /// The targets chart draws the referral share as a fraction of its target: 2 referral
  /// leads of 3 this fiscal year = 66.7%, ÷ the 41% target = 162.6%. Its label says so, beside
  /// a table row "Referral share of leads" that shows the share itself.
  @Test func theTargetsChartSaysTheShareIsAgainstItsTarget() throws {
    let section = ReportBuilder.targets(Self.result)
    let chart = try #require(section.blocks.lazy.compactMap { if case .chart(let chart) = $0 { chart } else { nil } }.first)
    let index = try #require(chart.categories.firstIndex(of: "Referral share ÷ target"))
    let value = try #require(chart.series[0].values[index])
    #expect(abs(value - 2.0 / 3.0 / 0.41) < 1e-12)
    #expect(!chart.categories.contains("Referral share of leads"))
    let row = try #require(try table(section).rows.first { $0[0].text == "Referral share of leads" })
    #expect(row[1].text == "66.7%")
  }
}

extension String {
  /// The path's last component (the text itself when it has no `/`).
  fileprivate var fileName: String { split(separator: "/").last.map(String.init) ?? self }
}

extension Text.Part {
  /// The part with a path in its CRM text cut to the file's name.
  fileprivate var namingTheFile: Text.Part {
    guard case .data(let path) = self else { return self }
    return .data(path.fileName)
  }
}
