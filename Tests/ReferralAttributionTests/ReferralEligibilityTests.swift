import ReferralAttribution
import ReferralCore
import TestSupport
import Testing

/// Referrals of October 2026 judged by hand. Referrers: R1 (a lead of Referrer Co, a customer),
/// P9 (a partner, no lead), L7 (the lead itself).
///
/// - L1 "ACME Inc" (R1): C1 "Acme, Inc." came from the web on 2026-03-01 → known before (lead).
/// - L2 "Beta GmbH" (R1), 10-03: the first referral of Beta → eligible.
/// - L3 "beta" (P9), 10-10: 7 days after L2, within 365 → duplicate of L2.
/// - L5 "Gamma" (P9), 10-05: L4 "Gamma LLC" was referred 2025-09-01, 399 days before, outside
///   the window → eligible (a referral that did not buy does not make its company known).
/// - L6 "Referrer Co." (R1): the referrer's own company → self-referral.
/// - L7 "Solo" (L7): refers itself → self-referral.
/// - L8 "Delta Ltd" (P9), 10-08: C2 "Delta Limited" came after it, on 10-20 → eligible.
/// - L9 "EPSILON S.A." (P9), 10-09: C3 "Epsilon" won D3 on 2025-02-01 → known before (customer).
enum EligibilityFixture {
  static func usd(_ units: Int64) -> Money { Money(minorUnits: units * 100) }

  static let leads = """
    lead_id,created_at,source,referrer_id,company
    R1,2026-01-01,Web,,Referrer Co
    C1,2026-03-01,Web,,"Acme, Inc."
    C3,2025-01-01,Web,,Epsilon
    L4,2025-09-01,Referral,P9,Gamma LLC
    L1,2026-10-02,Referral,R1,ACME Inc
    L2,2026-10-03,Referral,R1,Beta GmbH
    L3,2026-10-10,Referral,P9,beta
    L5,2026-10-05,Referral,P9,Gamma
    L6,2026-10-06,Referral,R1,Referrer Co.
    L7,2026-10-07,Referral,L7,Solo
    L8,2026-10-08,Referral,P9,Delta Ltd
    L9,2026-10-09,Referral,P9,EPSILON S.A.
    C2,2026-10-20,Web,,Delta Limited

    """

  static let deals = """
    deal_id,lead_id,stage,amount,closed_at
    DR1,R1,won,500.00,2026-01-15
    D3,C3,won,700.00,2025-02-01
    D1,L1,won,1000.00,2026-10-20
    D2,L2,won,2000.00,2026-10-25

    """

  static let dataset = try! Dataset.importing([.leads: leads, .deals: deals])

  static let october = Period(month: Month(year: 2026, month: 10)!)

  static func result(duplicateDays: Int = 365, pay: Bool = true, rules: Bool = true) -> AttributionResult {
    var options = AttributionOptions(period: october)
    options.duplicateDays = duplicateDays
    options.payIneligible = pay
    if rules { options.feeRules = ["Referral": FeeRule(perLead: usd(10), perWonDeal: usd(100))] }
    return Attributor.attribute(dataset, options: options)
  }
}

@Suite struct ReferralEligibilityTests {
  typealias F = EligibilityFixture

  @Test func eachReferralIsJudgedByWhatCameBeforeIt() throws {
    let e = try #require(F.result().programme.credit.eligibility)
    // October's 8 referred leads: L1, L2, L3, L5, L6, L7, L8, L9.
    #expect(e.counts == [.eligible: 3, .knownBefore: 2, .selfReferral: 2, .duplicate: 1])
    #expect(e.ineligibleShare.count == 5 && e.ineligibleShare.base == 8)
    let rows = e.ineligible.map { [$0.leadID, $0.status.rawValue, $0.earlier.rawValue, $0.earlierLeadID, $0.earlierDay.description] }
    #expect(
      rows == [
        ["L1", "known_before", "lead", "C1", "2026-03-01"],
        ["L6", "self_referral", "referrer", "R1", "2026-01-01"],
        ["L7", "self_referral", "referrer", "L7", "2026-10-07"],
        ["L9", "known_before", "customer", "C3", "2025-02-01"],  // C3's first win
        ["L3", "duplicate", "referral", "L2", "2026-10-03"],
      ])
    #expect(e.ineligible[0].referrer == "Referrer Co (R1)" && e.ineligible[0].company == "ACME Inc")
    // Without e-mails every match is by company name, but L7's, whose referrer is itself.
    #expect(e.ineligible.map(\.match) == [.company, .company, .sameLead, .company, .company])
    // Per referrer, most ineligible first, then by name: P9 (L3, L9 of 4), R1 (L1, L6 of 3), L7 (1 of 1).
    #expect(e.referrers.map(\.referrer) == ["P9", "Referrer Co (R1)", "Solo (L7)"])
    #expect(e.referrers.map { [$0.ineligible, $0.referrals] } == [[2, 4], [2, 3], [1, 1]])
    // Owed on them: 5 referrals × $10 + D1 (L1's win) $100 = $150.
    #expect(e.feesOnIneligible == F.usd(150))
  }

  @Test func aShorterWindowMakesTheSecondReferralEligible() throws {
    // L3 came 7 days after L2: with a 5-day window it is a referral of its own.
    let e = try #require(F.result(duplicateDays: 5).programme.credit.eligibility)
    #expect(e.counts[.duplicate] == 0 && e.counts[.eligible] == 4)
    #expect(!e.ineligible.contains { $0.leadID == "L3" })
  }

  @Test func onOneDayTheFirstReferralOfACompanyIsTheLowestID() throws {
    // Three referrals of Omega on 10-04, in the file as Z9, B2, M5 (ids out of order, so the
    // id index is a hash table): B2 stands, M5 and Z9 are its duplicates. Kappa's one referral,
    // grouped between them by company, stays eligible.
    let leads = """
      lead_id,created_at,source,referrer_id,company
      Z9,2026-10-04,Referral,P1,Omega Ltd
      K1,2026-10-04,Referral,P1,Kappa
      B2,2026-10-04,Referral,P2,omega
      M5,2026-10-04,Referral,P3,OMEGA LLC

      """
    let data = try Dataset.importing([.leads: leads])
    let e = try #require(Attributor.attribute(data, options: AttributionOptions(period: F.october)).programme.credit.eligibility)
    #expect(e.counts == [.eligible: 2, .knownBefore: 0, .selfReferral: 0, .duplicate: 2])
    #expect(e.ineligible.map { [$0.leadID, $0.status.rawValue, $0.earlierLeadID] } == [["M5", "duplicate", "B2"], ["Z9", "duplicate", "B2"]])
  }

  @Test func payIneligibleFalseLeavesTheirFeesOutOfWhatIsOwed() throws {
    // Owed: 8 referral leads × $10 + D1 and D2 at $100 = $280; without the ineligible ones
    // (L1, L3, L6, L7, L9 and D1): 3 × $10 + D2's $100 = $130 = $280 − $150.
    #expect(F.result().programme.fees.owed == F.usd(280))
    let unpaying = F.result(pay: false)
    #expect(unpaying.programme.fees.owed == F.usd(130))
    // The fees still owed leave D1 out too (no payouts: unknown, not a list without it).
    #expect(unpaying.programme.fees.unpaid == nil)
    // The ineligible are still counted and listed: only their fees change.
    #expect(unpaying.programme.credit.eligibility?.ineligible.count == 5)
  }

  @Test func withoutRulesTheFeesOnThemAreUnknown() throws {
    let e = try #require(F.result(rules: false).programme.credit.eligibility)
    #expect(e.feesOnIneligible == nil)
  }

  @Test func anUndatedExportHasNoEligibility() {
    var options = AttributionOptions(period: F.october)
    options.undated = true
    #expect(Attributor.attribute(F.dataset, options: options).programme.credit.eligibility == nil)
  }

  @Test(arguments: [
    ("Acme, Inc.", "acme"), ("ACME inc", "acme"), ("Beta G.m.b.H.", "beta"), ("EPSILON S.A.", "epsilon"),
    ("Johnson & Johnson Ltd", "johnson johnson"), ("Acme Holdings Co., Ltd.", "acme holdings"), ("Inc", "inc"), (" , ", ""),
  ])
  func companyNamesAreComparedWithoutCasePunctuationOrLegalForm(name: String, key: String) {
    #expect(CompanyName.key(name) == key)
  }
}

/// Referrals of October 2026 matched by e-mail domain, imported from a leads export with an
/// `email` column. Referrers: R1 (a lead of referrer.example), P9 (a partner, no lead).
///
/// - E1 "Northwind Traders", joe@Northwind.example: W1 "Northwind Holdings" (another name, same
///   domain, lower-cased) came from the web on 2026-03-01 → known before (lead), by e-mail domain.
/// - E2 "Freelance Studio", bob@gmail.com: G1 (ann@gmail.com) came from the web before, but
///   gmail.com is free mail → eligible.
/// - E3 "Other Name Ltd" (R1), sam@referrer.example: R1's own lead has the domain → self-referral
///   by e-mail domain.
/// - E4 "not-an-address" and E6 "x@" (no company): no address, so no domain → eligible, and two
///   e-mails are counted as no address, the first on line 9.
/// - E5 "Orbit Systems", kim@orbit.example: C1 "Orbit Group" (orbit.example) won D1 on
///   2025-06-01 → known before (customer), by e-mail domain.
/// - E7 "Northwind Holdings, Inc.": W1 is its company's and its domain's first lead; the company
///   wins the tie → known before (lead), by company.
enum EmailEligibilityFixture {
  static let leads = """
    lead_id,created_at,source,referrer_id,company,email
    R1,2026-01-05,Google Ads,,Referrer Co,pat@referrer.example
    W1,2026-03-01,Google Ads,,Northwind Holdings,buyer@northwind.example
    C1,2025-05-01,Google Ads,,Orbit Group,cfo@orbit.example
    G1,2026-02-01,Google Ads,,Someone,ann@gmail.com
    E1,2026-10-02,Customer Referral,P9,Northwind Traders,joe@Northwind.example
    E2,2026-10-03,Customer Referral,P9,Freelance Studio,bob@gmail.com
    E3,2026-10-04,Customer Referral,R1,Other Name Ltd,sam@referrer.example
    E4,2026-10-05,Customer Referral,P9,Malformed Inc,not-an-address
    E5,2026-10-06,Customer Referral,P9,Orbit Systems,kim@orbit.example
    E6,2026-10-07,Customer Referral,P9,,x@
    E7,2026-10-08,Customer Referral,P9,"Northwind Holdings, Inc.",ops@northwind.example

    """
  static let deals = """
    deal_id,lead_id,stage,amount,created_at,closed_at
    D1,C1,won,700.00,,2025-06-01

    """
  static let imported = try! Dataset.importing([.leads: leads, .deals: deals])

  static var eligibility: ReferralEligibility? {
    Attributor.attribute(imported, options: AttributionOptions(period: EligibilityFixture.october)).programme.credit.eligibility
  }
}

@Suite struct EmailDomainEligibilityTests {
  typealias F = EmailEligibilityFixture

  @Test func aCompanyEmailDomainMakesAReferralKnownOrASelfReferral() throws {
    let e = try #require(F.eligibility)
    #expect(e.comparesEmailDomains)
    // October's 7 referrals: E1, E5, E7 known before; E3 a self-referral; E2, E4, E6 eligible.
    #expect(e.counts == [.eligible: 3, .knownBefore: 3, .selfReferral: 1, .duplicate: 0])
    let rows = e.ineligible.map {
      [$0.leadID, $0.status.rawValue, $0.earlier.rawValue, $0.earlierLeadID, $0.earlierDay.description, $0.match.rawValue, $0.emailDomain ?? "-"]
    }
    #expect(
      rows == [
        ["E1", "known_before", "lead", "W1", "2026-03-01", "email_domain", "northwind.example"],
        ["E3", "self_referral", "referrer", "R1", "2026-01-05", "email_domain", "referrer.example"],
        ["E5", "known_before", "customer", "C1", "2025-06-01", "email_domain", "orbit.example"],  // C1's first win
        ["E7", "known_before", "lead", "W1", "2026-03-01", "company", "-"],
      ])
  }

  @Test func freeMailAndMalformedAddressesMatchNothing() throws {
    let e = try #require(F.eligibility)
    #expect(!e.ineligible.contains { ["E2", "E4", "E6"].contains($0.leadID) })
    #expect(MailDomain.key("GMail.com") == nil && MailDomain.key("Orbit.Example") == "orbit.example")
  }

  @Test func aMalformedEmailKeepsItsRowAndIsOneWarning() throws {
    let data = F.imported
    // Every row is accepted: 11 leads, none rejected.
    #expect(data.leadTable.count == 11 && data.rejects.count == 0)
    let warnings = data.warnings.filter { $0.message.contains("e-mail") }
    #expect(warnings.count == 1)
    #expect(warnings.first?.line == 9)
    #expect(warnings.first?.message.hasPrefix("2 e-mails are not an address") == true)
  }

  @Test func withoutAnEmailColumnDomainsAreNotCompared() throws {
    // The same leads without their e-mail column: E1, E3 and E5 are no longer caught.
    let leads = F.leads.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).dropLast().joined(separator: ",") }
    let data = try Dataset.importing([.leads: leads.joined(separator: "\n") + "\n", .deals: F.deals])
    let e = try #require(Attributor.attribute(data, options: AttributionOptions(period: EligibilityFixture.october)).programme.credit.eligibility)
    #expect(!e.comparesEmailDomains)
    #expect(e.ineligible.map(\.leadID) == ["E7"])
  }
}
