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

/// The leads' e-mail: only its domain is kept, as written; a value that is no address is
/// ignored for matching and counted in one warning, its row kept.
@Suite struct LeadEmailTests {
  @Test func theDomainIsWhatFollowsTheLastAt() throws {
    let text = """
      lead_id,created_at,source,email
      L1,2026-10-01,Web,ana@Acme.example
      L2,2026-10-01,Web,Ana Souza <ana@acme.example>
      L3,2026-10-01,Web,"a@old.example, b@new.example"
      L4,2026-10-01,Web,
      L5,2026-10-01,Web,odd@name@birch.example

      """
    let data = try Dataset.importing([.leads: text])
    // L2's closing '>' ends the domain; L3's is its last address's; L4 has none.
    #expect(data.leadTable.indices.map { data.leadTable.emailDomain($0) } == ["Acme.example", "acme.example", "new.example", nil, "birch.example"])
    #expect(data.leadsHaveEmails && data.warnings.isEmpty)
  }

  @Test func aValueThatIsNoAddressKeepsItsRowAndIsCountedOnce() throws {
    let text = "lead_id,created_at,source,email\nL1,2026-10-01,Web,ana.acme.example\nL2,2026-10-01,Web,ok@birch.example\nL3,2026-10-01,Web,ben@ \n"
    let data = try Dataset.importing([.leads: text])
    // All 3 rows accepted; L1 (no '@') and L3 (nothing after it) have no domain.
    #expect(data.leadTable.count == 3 && data.rejects.count == 0)
    #expect(data.leadTable.indices.map { data.leadTable.emailDomain($0) } == [nil, "birch.example", nil])
    #expect(
      data.warnings.map { "\($0.file.split(separator: "/").last!):\($0.line): \($0.message)" } == [
        "leads.csv:2: 2 e-mails are not an address (no '@', or nothing after it), the first on this line: the leads are kept, "
          + "but not matched by e-mail domain"
      ])
  }

  @Test func anExportWithoutAnEmailColumnSaysSo() throws {
    let data = try Dataset.importing([.leads: "lead_id,created_at,source\nL1,2026-10-01,Web\n"])
    #expect(!data.leadsHaveEmails && data.leadTable.emailDomain(0) == nil)
  }

  /// Marketo's bulk extracts write `null` in an empty field: it is an empty cell in every input
  /// and column (any case), while a value that only contains the word is kept.
  @Test func aNullCellIsEmpty() throws {
    let text = "lead_id,created_at,source,company,name\nL1,2026-10-01,null,NULL,Null\nL2,2026-10-01,Web,Nullabor Pty,nullx\nnull,2026-10-01,Web,,\n"
    let data = try Dataset.importing([.leads: text])
    let leads = data.leadTable
    // L1: no source (Unknown), no company, no name; L2 kept as written; the third row has no id.
    #expect(leads.indices.map { leads.company($0) } == ["", "Nullabor Pty"])
    #expect(leads.indices.map { leads.name($0) } == ["", "nullx"])
    #expect(data.sources[Int(leads.source(0))] == "")
    #expect(data.inputs.first?.rejected == 1)
  }
}
