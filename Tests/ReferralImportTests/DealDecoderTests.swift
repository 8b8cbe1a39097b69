import ReferralCore
import TestSupport
import Testing

@testable import ReferralImport

/// Deals whose outcome Salesforce's `IsWon` and `IsClosed` say (generic names `is_won`, `is_closed`).
@Suite struct DealDecoderTests {
  @Test func wonAndClosedSettleEveryStageAndRejectWhatIsNeither() throws {
    let folder = try TemporaryFolder()
    let deals = """
      deal_id,stage,is_won,is_closed,closed_at,amount,source
      D1,Signed,true,true,2026-10-20,100,Web
      D2,Dead,0,1,2026-10-21,100,Web
      D3,Funnel,FALSE,false,,100,Web
      D4,Signed,maybe,true,2026-10-22,100,Web
      D5,Signed,true,,2026-10-23,100,Web

      """
    let data = try Importer.load(InputFiles(deals: try folder.file("deals.csv", deals)), options: ImportOptions())
    // Stages no map names are read by the flags: won, lost, open.
    #expect(data.deals.map(\.id) == ["D1", "D2", "D3"])
    #expect(data.deals.map(\.outcome) == [.won, .lost, .open])
    #expect(
      data.rejects.map { "\($0.line): \($0.reason)" } == [
        "5: unparseable is_won 'maybe' (expected true or false, 1 or 0)", "6: missing is_closed",
      ])
  }

  /// One of the two alone cannot tell lost from open: the stage is read.
  @Test func oneFlagAloneLeavesTheStageInCharge() throws {
    let folder = try TemporaryFolder()
    let deals = "deal_id,stage,is_won,closed_at,amount,source\nD1,Closed Lost,false,2026-10-20,100,Web\nD2,Signed,true,2026-10-21,100,Web\n"
    let data = try Importer.load(InputFiles(deals: try folder.file("deals.csv", deals)), options: ImportOptions())
    #expect(data.deals.map(\.outcome) == [.lost])
    #expect(data.rejects.map(\.reason) == ["unknown stage 'Signed' (add it to won, lost or open under [stages], e.g. [stages] open = [\"Signed\"])"])
  }
}
