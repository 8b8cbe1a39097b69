import ReferralCore
import TestSupport
import Testing

@testable import ReferralImport

/// The leads' person: a full-name column as written, or the first and last names joined.
@Suite struct LeadDecoderTests {
  func names(_ leads: String) throws -> [String] {
    let data = try Dataset.importing([.leads: leads])
    return data.leadTable.indices.map { data.leadTable.name($0) }
  }

  @Test func aFullNameIsReadAsWritten() throws {
    let text = "lead_id,created_at,source,name,company\nL1,2026-10-01,Web,Ana Souza,Juniper\nL2,2026-10-01,Web,,Birch\n"
    // L2's empty cell names nobody.
    #expect(try names(text) == ["Ana Souza", ""])
  }

  @Test func aSplitNameIsJoinedByASpaceAndEitherHalfAloneIsTheName() throws {
    let text = """
      lead_id,created_at,source,first_name,last_name
      L1,2026-10-01,Web,Ana,Souza
      L2,2026-10-01,Web,Ben,
      L3,2026-10-01,Web,,Keller
      L4,2026-10-01,Web,,
      L5,2026-10-01,Web," Cy "," Li "

      """
    // Cells are trimmed before they are joined: " Cy " and " Li " give "Cy Li", not "Cy   Li".
    #expect(try names(text) == ["Ana Souza", "Ben", "Keller", "", "Cy Li"])
  }

  @Test func aFullNameWinsOverItsHalves() throws {
    let text = "lead_id,created_at,source,name,first_name,last_name\nL1,2026-10-01,Web,Ana Souza-Lima,Ana,Souza\nL2,2026-10-01,Web,,Ben,Keller\n"
    // L2 has no full name, so its halves are read.
    #expect(try names(text) == ["Ana Souza-Lima", "Ben Keller"])
  }

  @Test func aLeadsExportWithoutANameColumnNamesNobody() throws {
    #expect(try names("lead_id,created_at,source,company\nL1,2026-10-01,Web,Juniper\n") == [""])
  }
}
