import ReferralCore
import TestSupport

/// A small company whose October 2026 figures are worked out by hand in the tests, imported
/// from its exports as a run imports them.
///
/// Sources (numbered as the import first meets them, leads first): 0 "Customer Referral" →
/// Referral, 1 "Google Ads" → Paid Search, 2 "" → Unknown, 3 "Podcast" (unmapped), 4 "partner"
/// → Partner Referral. Owners: 0 Ana, 1 Ben. Referrers: 0 L6.
enum Fixture {
  static func day(_ iso: String) -> Day { Day(iso: iso)! }
  static func usd(_ units: Int64) -> Money { Money(minorUnits: units * 100) }

  static let leads = """
    lead_id,created_at,source,owner,referrer_id,thanked_at
    L1,2026-10-01,Customer Referral,Ana,L6,
    L2,2026-10-05,Customer Referral,Ben,,
    L3,2026-10-10,Google Ads,Ana,,
    L4,2026-10-12,Google Ads,Ben,,
    L5,2026-10-20,,,,
    L6,2026-09-15,Customer Referral,Ana,,
    L7,2026-10-25,Podcast,,,
    L8,2026-09-20,partner,,,

    """

  static let deals = """
    deal_id,lead_id,stage,amount,created_at,closed_at,source
    D1,L1,won,1000.00,,2026-10-21,
    D2,L2,lost,50.00,,2026-10-25,
    D3,L3,won,500.00,,2026-10-30,Podcast
    D4,L6,won,2000.00,,2026-10-15,
    D5,L99,lost,10.00,,2026-10-05,Google Ads
    D6,,won,300.00,2026-09-01,2026-09-30,partner
    D7,L4,open,900.00,,,
    D8,L1,won,100.00,,2026-11-02,
    D9,L5,lost,20.00,,2026-10-31,

    """

  static let spend = """
    month,source,amount
    2026-10,Google Ads,600.00
    2026-10,Customer Referral,100.00
    2026-09,Google Ads,300.00

    """

  /// The company's exports, imported (a fixture that does not import is a broken test).
  static let imported = try! Dataset.importing([.leads: leads, .deals: deals, .spend: spend])

  static var dataset: Dataset { imported }

  static let october = Period(month: Month(year: 2026, month: 10)!)
}
