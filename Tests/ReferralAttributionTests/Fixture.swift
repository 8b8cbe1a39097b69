import ReferralCore

/// A small company whose October 2026 figures are worked out by hand in the tests.
///
/// Sources: 0 "Customer Referral" → Referral, 1 "Google Ads" → Paid Search, 2 "" → Unknown,
/// 3 "Podcast" (unmapped), 4 "partner" → Partner Referral.
enum Fixture {
  static func day(_ iso: String) -> Day { Day(iso: iso)! }
  static func usd(_ units: Int64) -> Money { Money(minorUnits: units * 100) }

  static var dataset: Dataset {
    var data = Dataset()
    data.sources = ["Customer Referral", "Google Ads", "", "Podcast", "partner"]
    data.owners = ["Ana", "Ben"]
    data.referrers = ["L6"]
    data.leads = [
      Lead(id: "L1", created: day("2026-10-01"), source: 0, owner: 0, referrer: 0),
      Lead(id: "L2", created: day("2026-10-05"), source: 0, owner: 1),
      Lead(id: "L3", created: day("2026-10-10"), source: 1, owner: 0),
      Lead(id: "L4", created: day("2026-10-12"), source: 1, owner: 1),
      Lead(id: "L5", created: day("2026-10-20"), source: 2),
      Lead(id: "L6", created: day("2026-09-15"), source: 0, owner: 0),
      Lead(id: "L7", created: day("2026-10-25"), source: 3),
      Lead(id: "L8", created: day("2026-09-20"), source: 4),
    ]
    data.deals = [
      Deal(id: "D1", leadID: "L1", outcome: .won, amount: usd(1000), closed: day("2026-10-21")),
      Deal(id: "D2", leadID: "L2", outcome: .lost, amount: usd(50), closed: day("2026-10-25")),
      Deal(id: "D3", leadID: "L3", outcome: .won, amount: usd(500), closed: day("2026-10-30"), source: 3),
      Deal(id: "D4", leadID: "L6", outcome: .won, amount: usd(2000), closed: day("2026-10-15")),
      Deal(id: "D5", leadID: "L99", outcome: .lost, amount: usd(10), closed: day("2026-10-05"), source: 1),
      Deal(id: "D6", outcome: .won, amount: usd(300), created: day("2026-09-01"), closed: day("2026-09-30"), source: 4),
      Deal(id: "D7", leadID: "L4", outcome: .open, amount: usd(900)),
      Deal(id: "D8", leadID: "L1", outcome: .won, amount: usd(100), closed: day("2026-11-02")),
      Deal(id: "D9", leadID: "L5", outcome: .lost, amount: usd(20), closed: day("2026-10-31")),
    ]
    data.spend = [
      SpendEntry(month: Month(year: 2026, month: 10)!, source: 1, amount: usd(600)),
      SpendEntry(month: Month(year: 2026, month: 10)!, source: 0, amount: usd(100)),
      SpendEntry(month: Month(year: 2026, month: 9)!, source: 1, amount: usd(300)),
    ]
    data.hasSpend = true
    return data
  }

  static let october = Period(month: Month(year: 2026, month: 10)!)
}
