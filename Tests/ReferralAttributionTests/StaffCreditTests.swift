import ReferralAttribution
import ReferralCore
import TestSupport
import Testing

/// October 2026's referrals by who sourced them, worked out by hand.
///
/// Referral leads: L1 and L2 (Sam, Service; L1 won D1 $1,000), L3 (Ana, Sales; D3 $2,000),
/// L4 (Pat, Support; D4 $500), L5 (credits nobody; D5 $400), L7 (Kim, no role). L6 is Sam's
/// too but came from the web: not a referral. Rules: Service 5% of the won amount, Support $25
/// a won deal, Sales none.
enum StaffFixture {
  static func day(_ iso: String) -> Day { Day(iso: iso)! }
  static func usd(_ units: Int64) -> Money { Money(minorUnits: units * 100) }

  static var dataset: Dataset {
    var data = Dataset()
    data.sources = ["Referral", "Web"]
    data.leads = [
      Lead(id: "L1", created: day("2026-10-02"), source: 0, credited: "Sam", creditedRole: "Service"),
      Lead(id: "L2", created: day("2026-10-05"), source: 0, credited: "Sam", creditedRole: "Service"),
      Lead(id: "L3", created: day("2026-10-06"), source: 0, credited: "Ana", creditedRole: "Sales"),
      Lead(id: "L4", created: day("2026-10-07"), source: 0, credited: "Pat", creditedRole: "Support"),
      Lead(id: "L5", created: day("2026-10-08"), source: 0),
      Lead(id: "L6", created: day("2026-10-09"), source: 1, credited: "Sam", creditedRole: "Service"),
      Lead(id: "L7", created: day("2026-10-10"), source: 0, credited: "Kim"),
    ]
    data.deals = [
      Deal(id: "D1", leadID: "L1", outcome: .won, amount: usd(1_000), closed: day("2026-10-20")),
      Deal(id: "D3", leadID: "L3", outcome: .won, amount: usd(2_000), closed: day("2026-10-21")),
      Deal(id: "D4", leadID: "L4", outcome: .won, amount: usd(500), closed: day("2026-10-22")),
      Deal(id: "D5", leadID: "L5", outcome: .won, amount: usd(400), closed: day("2026-10-23")),
      Deal(id: "D6", leadID: "L6", outcome: .won, amount: usd(9_999), closed: day("2026-10-24")),
    ]
    return data
  }

  static func staff(_ data: Dataset = dataset, rules: Bool = true) -> StaffCredit {
    var options = AttributionOptions(period: Period(month: Month(year: 2026, month: 10)!))
    if rules { options.staffShares = ["service": StaffShareRule(shareOfWon: 0.05), "support": StaffShareRule(perWonDeal: usd(25))] }
    return Attributor.attribute(data, options: options).programme.credit.staff
  }
}

@Suite struct StaffCreditTests {
  typealias F = StaffFixture
  /// A row as name, role, leads, won, revenue, owed ("-": unknown).
  static func row(_ r: StaffCredit.Row) -> String {
    "\(r.name) | \(r.role) | \(r.leads) | \(r.won) | \(r.revenue?.description ?? "-") | \(r.owed?.description ?? "-")"
  }

  @Test func referralsAreCreditedPerRoleAndPersonWithTheStaffShare() {
    let s = F.staff()
    // Most revenue first; the referrals that credit nobody last.
    #expect(
      s.roles.map(Self.row) == [
        "Sales | Sales | 1 | 1 | 2000.00 | -",  // no rule for sales
        "Service | Service | 2 | 1 | 1000.00 | 50.00",  // 5% of $1,000
        "Support | Support | 1 | 1 | 500.00 | 25.00",  // $25 a won deal
        "(no role) | (no role) | 1 | 0 | 0.00 | -",
        "(not credited: the lead's owner) | (not credited: the lead's owner) | 1 | 1 | 400.00 | -",
      ])
    #expect(s.people.map(\.name) == ["Ana", "Sam", "Pat", "Kim"])
    #expect(Self.row(s.people[1]) == "Sam | Service | 2 | 1 | 1000.00 | 50.00")
    // Referral revenue $1,000 + $2,000 + $500 + $400 = $3,900; outside sales: Service and Support, $1,500.
    #expect(s.referralRevenue == F.usd(3_900))
    #expect(s.outsideSalesRevenue == F.usd(1_500))
    #expect(s.outsideSalesShare == 1_500.0 / 3_900.0)
    #expect(s.owed == F.usd(75))
  }

  @Test func withoutRulesNothingIsOwed() {
    let s = F.staff(rules: false)
    #expect(s.owed == nil)
    #expect(s.roles.allSatisfy { $0.owed == nil })
  }

  @Test func aShareOfAWinWithoutAmountIsUnknown() {
    var data = F.dataset
    data.deals[0].amount = nil  // D1, Sam's
    let s = F.staff(data)
    #expect(s.unknownShares == 1)
    #expect(s.owed == F.usd(25))  // Pat's only
  }

  @Test func withoutTheColumnNothingIsCredited() {
    var data = F.dataset
    data.leadsHaveCredits = false
    let s = F.staff(data)
    #expect(s.unknown == StaffCredit.noColumn)
    #expect(s.roles.isEmpty && s.people.isEmpty && s.outsideSalesShare == nil && s.owed == nil)
  }
}
