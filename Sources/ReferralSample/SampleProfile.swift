/// The fictional company's world: its channels and how each spells its source, converts and
/// sells, its reps, and the companies it sells to.
struct ChannelProfile {
  var spellings: [(String, Double)]
  var share: Double
  var referral: Bool
  /// Chance that a lead of this channel becomes a deal, and that a closed deal is won.
  var dealChance: Double
  var winChance: Double
  /// Typical won amount (USD) and sales cycle (days).
  var amount: ClosedRange<Int>
  var cycle: ClosedRange<Int>
  /// Monthly marketing spend (USD) for the spend export; 0 for none.
  var monthlySpend: ClosedRange<Int>
  var spendName: String
}

enum SampleProfile {
  static let channels: [ChannelProfile] = [
    ChannelProfile(
      spellings: [("Customer Referral", 5), ("referral", 3), ("Referral ", 2), ("customer_referral", 1), ("Word of mouth", 1), ("Reference", 1)],
      share: 0.19, referral: true, dealChance: 0.5, winChance: 0.6, amount: 6_000...24_000, cycle: 14...45,
      monthlySpend: 300...600, spendName: "Customer Referral"),
    ChannelProfile(
      spellings: [("Partner Referral", 4), ("partner", 1), ("Reseller", 1)],
      share: 0.07, referral: true, dealChance: 0.45, winChance: 0.5, amount: 8_000...30_000, cycle: 20...60,
      monthlySpend: 0...0, spendName: "Partner Referral"),
    ChannelProfile(
      spellings: [("Employee Referral", 3), ("employee referral", 1)],
      share: 0.04, referral: true, dealChance: 0.4, winChance: 0.5, amount: 5_000...15_000, cycle: 15...50,
      monthlySpend: 0...0, spendName: "Employee Referral"),
    ChannelProfile(
      spellings: [("Google Ads", 4), ("Paid Search", 3), ("PPC", 1), ("paid search", 1)],
      share: 0.22, referral: false, dealChance: 0.3, winChance: 0.35, amount: 3_000...12_000, cycle: 30...90,
      monthlySpend: 6_000...9_000, spendName: "Paid Search"),
    ChannelProfile(
      spellings: [("Organic Search", 3), ("SEO", 2), ("organic", 1)],
      share: 0.14, referral: false, dealChance: 0.28, winChance: 0.35, amount: 3_000...10_000, cycle: 30...80,
      monthlySpend: 1_500...2_000, spendName: "Organic Search"),
    ChannelProfile(
      spellings: [("LinkedIn", 2), ("Social Media", 2), ("social", 1)],
      share: 0.09, referral: false, dealChance: 0.25, winChance: 0.3, amount: 2_000...9_000, cycle: 30...90,
      monthlySpend: 2_000...3_500, spendName: "Social"),
    ChannelProfile(
      spellings: [("Trade Show", 2), ("Webinar", 2), ("Events", 1)],
      share: 0.1, referral: false, dealChance: 0.32, winChance: 0.35, amount: 4_000...16_000, cycle: 25...75,
      monthlySpend: 3_000...7_000, spendName: "Events"),
    ChannelProfile(
      spellings: [("Cold Call", 2), ("Outbound", 2)],
      share: 0.08, referral: false, dealChance: 0.22, winChance: 0.3, amount: 3_000...11_000, cycle: 40...100,
      monthlySpend: 2_500...3_000, spendName: "Outbound"),
    ChannelProfile(
      spellings: [("Podcast", 3), ("G2 Crowd", 2), ("", 4)],
      share: 0.07, referral: false, dealChance: 0.25, winChance: 0.35, amount: 2_000...9_000, cycle: 30...80,
      monthlySpend: 0...0, spendName: "Podcast"),
  ]

  /// The marketing touches of touches.csv: the channel value as the export writes it, the
  /// campaign, the kind of touch, and how often it comes.
  static let touches: [(raw: String, campaign: String, kind: String, weight: Double)] = [
    ("newsletter", "Monthly newsletter", "email_click", 4), ("Email", "Nurture sequence", "email_open", 3),
    ("Webinar", "Product webinar", "webinar_attended", 2), ("Google Ads", "Brand search", "ad_click", 3),
    ("LinkedIn Ads", "Retargeting", "ad_click", 2), ("Organic Search", "", "page_view", 3), ("Direct", "", "page_view", 2),
    ("Trade Show", "Expo booth", "event_attended", 1), ("Podcast", "Sponsorship", "page_view", 1),
  ]

  static let reps = ["Ana Souza", "Ben Carter", "Chloé Martin", "Dev Patel", "Erin O'Neil", "Farah Haddad"]

  static let companyStems = [
    "Northwind", "Bluebird", "Harbor", "Summit", "Cedar", "Lumen", "Kestrel", "Orchid", "Atlas", "Juniper",
    "Meridian", "Granite", "Willow", "Beacon", "Falcon", "Maple", "Quarry", "Riverstone", "Sable", "Tundra",
    "Zephyr", "Copper", "Ironwood", "Larkspur", "Nimbus", "Pioneer", "Redwood", "Solstice", "Vantage", "Wren",
  ]
  static let companyKinds = [
    "Logistics", "Dental Group", "Analytics", "Bakery", "Legal", "Robotics", "Clinics", "Foods", "Software",
    "Architects", "Freight", "Studios", "Insurance", "Labs", "Outfitters",
  ]
  static let companySuffixes = [", Inc.", " LLC", " GmbH", " Ltd", "", "", " & Co.", " S.A."]
}
