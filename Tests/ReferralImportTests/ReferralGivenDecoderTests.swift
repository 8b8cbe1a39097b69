import ReferralCore
import Testing

@testable import ReferralImport

/// The referrals the team gave (`--referrals-given`): `given_at` and `partner_id` required.
@Suite struct ReferralGivenDecoderTests {
  @Test func everyRowIsAReferralGivenOrARejectWithItsReason() throws {
    let folder = try TemporaryFolder()
    let given = """
      given_at,partner_id,company,given_by
      2026-10-01,P1,Acme,Sam
      2026-10-02,P2,,
      ,P3,Bolt,Sam
      2026-10-04,,Cedar,Ana

      """
    var files = InputFiles(leads: try folder.file("leads.csv", "lead_id,created_at,source\nL1,2026-10-01,Web\n"))
    files[.referralsGiven] = try folder.file("given.csv", given)
    let data = try Importer.load(files, options: ImportOptions())
    #expect(
      data.referralsGiven == [
        ReferralGiven(given: Day(iso: "2026-10-01")!, partner: "P1", company: "Acme", givenBy: "Sam", line: 2),
        ReferralGiven(given: Day(iso: "2026-10-02")!, partner: "P2", line: 3),
      ])
    #expect(data.rejects.map { "\($0.line): \($0.reason)" } == ["4: missing given_at", "5: missing partner_id"])
    let account = try #require(data.inputs.first { $0.role == .referralsGiven })
    #expect(account.rows == 4 && account.accepted == 2 && account.rejected == 2)
  }

  @Test func withoutTheFileNothingIsKnown() throws {
    let folder = try TemporaryFolder()
    let data = try Importer.load(InputFiles(leads: try folder.file("leads.csv", "lead_id,created_at,source\nL1,2026-10-01,Web\n")), options: ImportOptions())
    #expect(data.referralsGiven == nil)
  }
}
