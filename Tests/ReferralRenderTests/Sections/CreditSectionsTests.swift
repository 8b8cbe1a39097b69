import ReferralAttribution
import ReferralCore
import TestSupport
import Testing

@testable import ReferralRender

/// The staff credit and eligibility sections, and the staff share's task list, of a small
/// October: L1 (Sam, Service) won D1 for $1,000; L2 (Acme again, 3 days later) is a duplicate.
@Suite struct CreditSectionsTests {
  static let result: AttributionResult = {
    let leads = """
      lead_id,created_at,source,referrer_id,company,credited_to,credited_role
      L1,2026-10-02,Referral,P1,Acme Inc,Sam,Service
      L2,2026-10-05,Referral,P1,ACME,,

      """
    let deals = """
      deal_id,lead_id,stage,amount,closed_at
      D1,L1,won,1000.00,2026-10-20

      """
    var options = AttributionOptions(period: Period(month: Month(year: 2026, month: 10)!))
    options.staffShares = ["service": StaffShareRule(shareOfWon: 0.05)]
    return Attributor.attribute(try! Dataset.importing([.leads: leads, .deals: deals]), options: options)
  }()

  @Test func staffCreditShowsRolesAndPeopleWithTheShareOwed() throws {
    let section = ReportBuilder.staffCredit(Self.result)
    let roles = try SectionTests().table(section)
    // Service: L1 and its $1,000 win, 5% owed = $50; L2 credits nobody.
    #expect(
      roles.rows.map { $0.map(\.text) } == [
        ["Service", "1", "1", "$1,000.00", "$50.00"], [StaffCredit.notCredited, "1", "0", "$0.00", "n/a"],
      ])
    let people = try SectionTests().table(section, at: 1)
    #expect(people.rows.map { $0.map(\.text) } == [["Sam", "Service", "1", "1", "$1,000.00", "$50.00"]])
  }

  @Test func theStaffShareIsOneTaskPerPersonOwed() {
    let result = Self.result
    #expect(TaskFiles.lists(result).contains(.payStaffShare))
    let text = String(decoding: TaskFiles.bytes(.payStaffShare, result), as: UTF8.self)
    #expect(
      text
        == "Subject,Owner,Due Date,Related Record Type,Related Record ID,Description\r\n"
        + "Pay the referral staff share to Sam,,2026-10-31,User,Sam,\"Service; won referred deals: 1; revenue $1,000.00; owed $50.00\"\r\n")
  }

  @Test func eligibilityListsTheDuplicateWithTheReferralThatStands() throws {
    let section = ReportBuilder.eligibility(Self.result)
    let counts = try SectionTests().table(section)
    #expect(counts.rows.map { $0.map(\.text) } == [["eligible", "1"], ["known_before", "0"], ["self_referral", "0"], ["duplicate", "1"]])
    let referrals = try SectionTests().table(section, at: 2)
    #expect(referrals.rows.map { $0.map(\.text) } == [["L2", "ACME", "P1", "2026-10-05", "duplicate", "referral", "L1", "2026-10-02", "company name"]])
  }

  /// W1 (Northwind Holdings, northwind.example) came from the web on 2026-03-01; E1 (Northwind
  /// Traders, Northwind.example) was referred on 10-02: known before by its e-mail domain.
  static func emailResult(exportHasEmails: Bool = true) throws -> AttributionResult {
    let withEmails = """
      lead_id,created_at,source,referrer_id,company,email
      W1,2026-03-01,Web,,Northwind Holdings,ann@northwind.example
      E1,2026-10-02,Referral,P1,Northwind Traders,bo@Northwind.example

      """
    let withoutEmails = """
      lead_id,created_at,source,referrer_id,company
      W1,2026-03-01,Web,,Northwind Holdings
      E1,2026-10-02,Referral,P1,Northwind Traders

      """
    let leads = exportHasEmails ? withEmails : withoutEmails
    return Attributor.attribute(try Dataset.importing([.leads: leads]), options: AttributionOptions(period: Period(month: Month(year: 2026, month: 10)!)))
  }

  @Test func aMatchByEmailDomainIsSaidInEveryOutput() throws {
    let result = try Self.emailResult()
    let outputs = try EveryRendererTests.Outputs(result)
    let row = ["E1", "Northwind Traders", "P1", "2026-10-02", "known_before", "lead", "W1", "2026-03-01", "e-mail domain northwind.example"]
    #expect(try SectionTests().table(ReportBuilder.eligibility(result), at: 2).rows.map { $0.map(\.text) } == [row])
    #expect(outputs.markdown.contains("| " + row.joined(separator: " | ") + " |"))
    #expect(outputs.html.contains(">e-mail domain northwind.example</td>"))
    let csv = try outputs.csv("eligibility-3")
    #expect(csv.header.last == "Matched by" && csv.rows == [row])
    let eligibility = try #require(outputs.json["referral_eligibility"] as? [String: Any])
    #expect(eligibility["compares_email_domains"] as? Bool == true)
    let ineligible = try #require((eligibility["ineligible"] as? [[String: Any]])?.first)
    #expect(ineligible["match"] as? String == "email_domain" && ineligible["email_domain"] as? String == "northwind.example")
    #expect(ineligible["earlier_lead_id"] as? String == "W1" && ineligible["earlier"] as? String == "lead")
  }

  @Test func anExportWithoutEmailsSaysDomainsWereNotCompared() throws {
    let section = ReportBuilder.eligibility(try Self.emailResult(exportHasEmails: false))
    let text = section.blocks.compactMap { if case .paragraph(let text) = $0 { text } else { nil } }.joined()
    #expect(text.contains("The leads export has no e-mail column, so e-mail domains were not compared."))
    let with = ReportBuilder.eligibility(try Self.emailResult())
    let withText = with.blocks.compactMap { if case .paragraph(let text) = $0 { text } else { nil } }.joined()
    #expect(!withText.contains("no e-mail column"))
  }
}
