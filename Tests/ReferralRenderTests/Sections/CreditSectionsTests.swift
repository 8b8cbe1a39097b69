import ReferralAttribution
import ReferralCore
import TestSupport
import Testing

@testable import ReferralRender

/// The staff credit and eligibility sections, and the staff share's task list, of a small
/// October: L1 (Sam, Service) won D1 for $1,000; L2 (Acme again, 3 days later) is a duplicate.
@Suite struct CreditSectionsTests {
  static var result: AttributionResult {
    var data = Dataset()
    data.sources = ["Referral"]
    data.referrers = ["P1"]
    data.leads = [
      Lead(id: "L1", created: Day(iso: "2026-10-02")!, source: 0, referrer: 0, company: "Acme Inc", credited: "Sam", creditedRole: "Service"),
      Lead(id: "L2", created: Day(iso: "2026-10-05")!, source: 0, referrer: 0, company: "ACME"),
    ]
    data.deals = [Deal(id: "D1", leadID: "L1", outcome: .won, amount: Money(minorUnits: 100_000), closed: Day(iso: "2026-10-20"))]
    var options = AttributionOptions(period: Period(month: Month(year: 2026, month: 10)!))
    options.staffShares = ["service": StaffShareRule(shareOfWon: 0.05)]
    return Attributor.attribute(data, options: options)
  }

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
    #expect(referrals.rows.map { $0.map(\.text) } == [["L2", "ACME", "P1", "2026-10-05", "duplicate", "referral", "L1", "2026-10-02"]])
  }
}
