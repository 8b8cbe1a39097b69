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
  static func usd(_ units: Int64) -> Money { Money(minorUnits: units * 100) }

  static let leads = """
    lead_id,created_at,source,credited_to,credited_role
    L1,2026-10-02,Referral,Sam,Service
    L2,2026-10-05,Referral,Sam,Service
    L3,2026-10-06,Referral,Ana,Sales
    L4,2026-10-07,Referral,Pat,Support
    L5,2026-10-08,Referral,,
    L6,2026-10-09,Web,Sam,Service
    L7,2026-10-10,Referral,Kim,

    """

  static let deals = """
    deal_id,lead_id,stage,amount,closed_at
    D1,L1,won,1000.00,2026-10-20
    D3,L3,won,2000.00,2026-10-21
    D4,L4,won,500.00,2026-10-22
    D5,L5,won,400.00,2026-10-23
    D6,L6,won,9999.00,2026-10-24

    """

  static let dataset = try! Dataset.importing([.leads: leads, .deals: deals])

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

  @Test func aShareOfAWinWithoutAmountIsUnknown() throws {
    let deals = F.deals.blanking("amount", ofRow: "D1")  // D1, Sam's
    let s = F.staff(try Dataset.importing([.leads: F.leads, .deals: deals]))
    #expect(s.unknownShares == 1)
    #expect(s.owed == F.usd(25))  // Pat's only
  }

  @Test func withoutTheColumnNothingIsCredited() throws {
    let leads = F.leads.removingColumns("credited_to", "credited_role")
    let s = F.staff(try Dataset.importing([.leads: leads, .deals: F.deals]))
    #expect(s.unknown == StaffCredit.noColumn)
    #expect(s.roles.isEmpty && s.people.isEmpty && s.outsideSalesShare == nil && s.owed == nil)
  }
}
