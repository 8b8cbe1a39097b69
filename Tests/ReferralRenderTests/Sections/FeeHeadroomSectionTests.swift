import ReferralAttribution
import ReferralCore
import Testing

@testable import ReferralRender

/// The fee headroom section of ``SectionTests``' company, which gave no spend export.
@Suite struct FeeHeadroomSectionTests {
  @Test func withoutSpendEveryCostIsNotAvailableWithItsReason() throws {
    let section = ReportBuilder.feeHeadroom(SectionTests.result)
    #expect(section.id == "fee-headroom")
    let channels = try SectionTests().table(section)
    // "Web" means Direct: 1 lead, no win, no spend export: its spend and cost per win are n/a, never $0.
    #expect(channels.rows.map { $0.map(\.text) } == [["Direct", "n/a", "0", "n/a"]])
    #expect(channels.rows[0][3].note == FeeHeadroom.noSpendExport)
    let figures = try SectionTests().table(section, at: 1)
    let breakEven = try #require(figures.rows.first { $0[0].text.hasPrefix("Break-even fee") })
    #expect(breakEven[1].isUnknown)
    #expect(breakEven[1].note == FeeHeadroom.noSpendExport)
    // D1 is the one referred win of the 12 months.
    let wins = try #require(figures.rows.first { $0[0].text == "Referred deals won" })
    #expect(wins[1].text == "1")
  }

  @Test func anUndatedReportCannotLookBackTwelveMonths() {
    var result = SectionTests.result
    result.undated = true
    let section = ReportBuilder.feeHeadroom(result)
    #expect(section.blocks == [.note(Format.cannotCompute(.undated))])
  }
}
