import ReferralCore

/// Which referrals deserve a fee: a referral programme pays for introductions, and a "referred"
/// company the business already knew, a referrer referring itself, or the same company referred
/// twice is no introduction. No CRM flags them, so they are told here from the leads.
package struct ReferralEligibility: Sendable, Equatable {
  /// What a referred lead is, judged by what came before its referral (never after, so a
  /// later export cannot change an earlier referral's status).
  package enum Status: String, Sendable, CaseIterable {
    case eligible
    /// Its company (or its company e-mail domain) was a lead or a customer before the referral
    /// date.
    case knownBefore = "known_before"
    /// The referrer is the lead, or a lead of the same company (by name or e-mail domain).
    case selfReferral = "self_referral"
    /// The same company was referred within `[fees] duplicate_days` before: the first stands.
    case duplicate
  }

  /// What the earlier record that makes a referral ineligible was.
  package enum Earlier: String, Sendable {
    /// A lead of the company from another channel, created before the referral.
    case lead
    /// A lead of the company with a deal won before the referral.
    case customer
    /// The referral of the company that stands.
    case referral
    /// The referrer's own lead.
    case referrer
  }

  /// How the earlier record was found to be the referred lead's.
  package enum Match: String, Sendable {
    /// The referrer is the referred lead itself.
    case sameLead = "same_lead"
    /// The same company, by ``CompanyName/key(_:)``.
    case company
    /// The same e-mail domain, other than free mail (``MailDomain``).
    case emailDomain = "email_domain"
  }

  /// A referred lead of the period that is not eligible, and the record that makes it so.
  package struct Ineligible: Sendable, Equatable {
    package var leadID: String
    package var company: String
    /// The referrer as the other lists show them; `nil` when the lead names none.
    package var referrer: String?
    package var created: Day
    package var status: Status
    package var earlier: Earlier
    /// The earlier record's lead id (not its line: the same rows in another order give the
    /// same report).
    package var earlierLeadID: String
    /// When the earlier record happened: the lead's creation, or the customer's first win.
    package var earlierDay: Day
    /// How the earlier record was found to be of the same company.
    package var match: Match
    /// The domain both share (lower-cased) when ``match`` is ``Match/emailDomain``.
    package var emailDomain: String?
  }

  /// A referrer with at least one ineligible referral in the period.
  package struct Referrer: Sendable, Equatable {
    package var referrer: String
    package var referrals: Int
    package var ineligible: Int
    /// ineligible ÷ referrals.
    package var share: Rate
  }

  /// Referred leads (leads of a referral channel) created in the period, by status.
  package var counts: [Status: Int] = [:]
  package var referrals: Int { counts.values.reduce(0, +) }
  /// ineligible ÷ referred leads of the period.
  package var ineligibleShare: Rate
  /// Oldest first, then by lead id.
  package var ineligible: [Ineligible] = []
  /// Most ineligible referrals first, then by referrer.
  package var referrers: [Referrer] = []
  /// What the `[fees]` rules owe for the ineligible referrals: their per-lead fees and the fees
  /// of their deals won in the period; `nil` without rules.
  package var feesOnIneligible: Money?
  /// `[fees] duplicate_days` and `[fees] pay_ineligible`, as the report states them.
  package var duplicateDays: Int
  package var payIneligible: Bool
  /// Whether e-mail domains were compared: `false` when the leads export has no e-mail column
  /// (then "no match by domain" means "not looked at", and the report says so).
  package var comparesEmailDomains: Bool

  /// The judgement of the referral leads up to the period's end: those not eligible (what
  /// ``FeeLedger`` and ``FeeHeadroom`` leave out under `pay_ineligible = false`), and which of
  /// them the period's own are.
  struct Marks: Sendable {
    /// Per lead, whether it is judged ineligible (a flag per lead: in an export whose referrals
    /// mostly name companies met before, most referral leads are).
    private var ineligible: [Bool]
    /// Each lead judged ineligible, in the order judged (by company), with its own creation
    /// day: the passes that keep a period's read it here in order, not each lead's day all over
    /// the leads (a cache miss per judgement, three passes over 1.5 million at 10M leads).
    var judged: [(lead: Int, created: Day, status: Status, earlier: Earlier, record: Int, day: Day, match: Match)] = []
    /// The referred leads created in the period, in lead order: what
    /// ``ReferralEligibility/init(ledger:period:options:marks:)`` counts, without reading
    /// every lead again.
    var inPeriod: [Int] = []

    init(leadCount: Int) { ineligible = Array(repeating: false, count: leadCount) }

    func contains(_ lead: Int) -> Bool { ineligible[lead] }

    mutating func mark(_ lead: Int, created: Day, _ status: Status, _ earlier: Earlier, record: Int, day: Day, match: Match) {
      ineligible[lead] = true
      judged.append((lead, created, status, earlier, record, day, match))
    }
  }

  /// `referred` ordered by company key (`-1`, no company, first), each company's in the order
  /// `before` gives: grouped in one pass, then only each company's few sorted (sorting a fifth
  /// of a million leads whole took most of ``marks(ledger:period:duplicateDays:)``).
  private static func byCompany(
    _ referred: [Referred], companies: Int, by before: (Referred, Referred) -> Bool
  ) -> [Referred] {
    // Group `g` is company key `g - 1`; `starts[g]` is where its referrals begin.
    var starts = [Int](repeating: 0, count: companies + 2)
    for entry in referred { starts[Int(entry.key) + 2] += 1 }
    for group in 1..<starts.count { starts[group] += starts[group - 1] }
    var next = starts
    var grouped = referred
    for entry in referred {
      grouped[next[Int(entry.key) + 1]] = entry
      next[Int(entry.key) + 1] += 1
    }
    for group in 0...companies where starts[group + 1] - starts[group] > 1 {
      grouped[starts[group]..<starts[group + 1]].sort(by: before)
    }
    return grouped
  }

  /// A referred lead as ``marks(ledger:period:duplicateDays:)`` judges it: its company key, its
  /// creation day, and its referrer's own lead (`-1`: none), found while the leads are read in
  /// order. (Looked up once the referrals are in company order, the referrer and its lead were
  /// two cache misses a referral: two fifths of the judging at 10M leads.)
  private typealias Referred = (key: Int32, day: Day, lead: Int32, referrerLead: Int32)

  /// One key per distinct text that ``key`` gives one for (`-1`: none): contacts of one company
  /// share a company id, and of one domain a domain id, so each is keyed once, not per lead.
  private static func keys(_ names: [String], _ key: (String) -> String?) -> (of: [Int32], count: Int) {
    var keyOfName: [String: Int32] = [:]
    let keys: [Int32] = names.map { name in
      guard let key = key(name) else { return -1 }
      if let known = keyOfName[key] { return known }
      keyOfName[key] = Int32(keyOfName.count)
      return Int32(keyOfName.count - 1)
    }
    return (keys, keyOfName.count)
  }

  /// Judges every referred lead created by `period`'s end.
  static func marks(ledger: Ledger, period: Period, duplicateDays: Int) -> Marks {
    let leads = ledger.leads
    let companies = keys(ledger.companyNames) { name in
      let key = CompanyName.key(name)
      return key.isEmpty ? nil : key
    }
    let domains = keys(leads.emailDomainNames, MailDomain.key)
    func key(_ lead: Int) -> Int32 { companies.of[leads.companyID(lead)] }
    func domain(_ lead: Int) -> Int32 { leads.emailDomainID(lead).map { domains.of[$0] } ?? -1 }
    typealias Record = (day: Day, lead: Int)
    func before(_ a: Record, _ b: Record) -> Bool {
      a.day != b.day ? a.day < b.day : leads.index.precedes(a.lead, b.lead)
    }
    func keepEarlier(_ first: inout [Record?], _ k: Int, _ record: Record) {
      if first[k].map({ before(record, $0) }) ?? true { first[k] = record }
    }
    // Per company and per company domain, its first lead from another channel and its first
    // customer.
    var firstLead = [Record?](repeating: nil, count: companies.count)
    var firstWin = firstLead
    var firstDomainLead = [Record?](repeating: nil, count: domains.count)
    var firstDomainWin = firstDomainLead
    // Sized in a pass of its own: grown by doubling, the referrals (two million at 10M leads)
    // and their judgements were copied and touched about three times over.
    let referrals = leads.indices.reduce(0) { $0 + (ledger.isReferral(ledger.leadChannel($1)) ? 1 : 0) }
    var referred: [Referred] = []
    referred.reserveCapacity(referrals)
    var marks = Marks(leadCount: leads.count)
    marks.judged.reserveCapacity(referrals)
    for lead in leads.indices {
      let referral = ledger.isReferral(ledger.leadChannel(lead))
      let (k, d) = (Int(key(lead)), Int(domain(lead)))
      if referral, leads.created(lead) <= period.to {
        let own = leads.referrer(lead).flatMap(ledger.lead(ofReferrer:))
        referred.append((Int32(k), leads.created(lead), Int32(lead), own.map(Int32.init) ?? -1))
        if period.contains(leads.created(lead)) { marks.inPeriod.append(lead) }
      }
      guard k >= 0 || d >= 0 else { continue }
      let won = ledger.firstWin(ofLead: lead)
      if k >= 0 {
        if !referral { keepEarlier(&firstLead, k, (leads.created(lead), lead)) }
        if let won { keepEarlier(&firstWin, k, (won, lead)) }
      }
      if d >= 0 {
        if !referral { keepEarlier(&firstDomainLead, d, (leads.created(lead), lead)) }
        if let won { keepEarlier(&firstDomainWin, d, (won, lead)) }
      }
    }
    // Each company's referrals in order: the first stands, those within the window after it
    // are duplicates of it.
    referred = byCompany(referred, companies: companies.count) { a, b in before((a.day, Int(a.lead)), (b.day, Int(b.lead))) }
    var standing: Referred?
    for (k, day, referredLead, referrerLead) in referred {
      let lead = Int(referredLead)
      let d = domain(lead)
      if standing?.key != k { standing = nil }
      func mark(_ status: Status, _ earlier: Earlier, _ record: Record, _ match: Match) {
        marks.mark(lead, created: day, status, earlier, record: record.lead, day: record.day, match: match)
      }
      if referrerLead >= 0 {
        let own = Int(referrerLead)
        let match: Match? =
          own == lead ? .sameLead : k >= 0 && key(own) == k ? .company : d >= 0 && domain(own) == d ? .emailDomain : nil
        if let match {
          mark(.selfReferral, .referrer, (leads.created(own), own), match)
          continue
        }
      }
      if k >= 0 {
        if let first = standing, first.day.days(to: day) <= duplicateDays {
          mark(.duplicate, .referral, (first.day, Int(first.lead)), .company)
          continue
        }
        standing = (k, day, referredLead, referrerLead)
      }
      // The earliest customer found by company or by domain (the company's on a tie), else the
      // earliest lead from another channel found either way.
      func earliest(_ byCompany: [Record?], _ byDomain: [Record?]) -> (Record, Match)? {
        func earlier(_ record: Record?) -> Record? { record.flatMap { $0.lead != lead && $0.day < day ? $0 : nil } }
        switch (k >= 0 ? earlier(byCompany[Int(k)]) : nil, d >= 0 ? earlier(byDomain[Int(d)]) : nil) {
        case (let company?, let domain?): return before(domain, company) ? (domain, .emailDomain) : (company, .company)
        case (let company?, nil): return (company, .company)
        case (nil, let domain?): return (domain, .emailDomain)
        case (nil, nil): return nil
        }
      }
      if let (win, match) = earliest(firstWin, firstDomainWin) {
        mark(.knownBefore, .customer, win, match)
      } else if let (earlier, match) = earliest(firstLead, firstDomainLead) {
        mark(.knownBefore, .lead, earlier, match)
      }
    }
    return marks
  }

  /// The period's figures from `marks`, which ``marks(ledger:period:duplicateDays:)`` made for
  /// the same `period`.
  init(ledger: Ledger, period: Period, options: AttributionOptions, marks: Marks) {
    let leads = ledger.leads
    duplicateDays = options.duplicateDays
    payIneligible = options.payIneligible
    comparesEmailDomains = ledger.dataset.leadsHaveEmails
    var counts = Dictionary(uniqueKeysWithValues: Status.allCases.map { ($0, 0) })
    var perReferrer: [TextID: (referrals: Int, ineligible: Int)] = [:]
    var feesOwed = Money.zero
    for lead in marks.inPeriod {
      let out = marks.contains(lead)
      if !out { counts[.eligible, default: 0] += 1 }
      if let referrer = leads.referrer(lead) {
        perReferrer[referrer, default: (0, 0)].referrals += 1
        if out { perReferrer[referrer, default: (0, 0)].ineligible += 1 }
      }
      if out, let perLead = options.feeRules[ledger.channels[ledger.leadChannel(lead)].name]?.perLead { feesOwed += perLead }
    }
    for judged in marks.judged where period.contains(judged.created) {
      counts[judged.status, default: 0] += 1
      ineligible.append(
        Ineligible(
          leadID: leads.id(judged.lead), company: ledger.company(ofLead: judged.lead),
          referrer: leads.referrer(judged.lead).map { ledger.name(ofReferrer: $0) }, created: judged.created,
          status: judged.status, earlier: judged.earlier, earlierLeadID: leads.id(judged.record),
          earlierDay: judged.day, match: judged.match,
          emailDomain: judged.match == .emailDomain ? leads.emailDomain(judged.lead)?.lowercased() : nil))
    }
    ineligible.sort { ($0.created, $0.leadID) < ($1.created, $1.leadID) }
    let deals = ledger.deals
    for index in deals.indices where deals.outcome[index] == .won {
      guard let closed = deals.closed(index), period.contains(closed), let lead = ledger.dealLead(index), marks.contains(lead),
        let rule = options.feeRules[ledger.channels[ledger.dealChannel(index)].name], let due = rule.owed(forWon: deals.amount(index))
      else { continue }
      feesOwed += due
    }
    self.counts = counts
    let out = counts.filter { $0.key != .eligible }.values.reduce(0, +)
    ineligibleShare = Rate(out, of: counts.values.reduce(0, +), .leads, minSample: options.minSample)
    referrers = perReferrer.filter { $0.value.ineligible > 0 }.map { referrer, count in
      Referrer(
        referrer: ledger.name(ofReferrer: referrer), referrals: count.referrals, ineligible: count.ineligible,
        share: Rate(count.ineligible, of: count.referrals, .leads, minSample: options.minSample))
    }
    .sorted { ($1.ineligible, $0.referrer) < ($0.ineligible, $1.referrer) }
    feesOnIneligible = options.feeRules.isEmpty ? nil : feesOwed
  }
}

/// A company's name as a key: two spellings of one company ("Acme, Inc." and "ACME inc") are
/// one key, so a referral of a company the business knew under another spelling is caught.
package enum CompanyName {
  /// Legal forms dropped from the end of a name (lowercased, without their dots).
  static let legalSuffixes: Set<String> = [
    "inc", "incorporated", "llc", "llp", "lp", "ltd", "limited", "corp", "corporation", "co", "company", "plc", "gmbh", "ag", "kg",
    "ug", "sa", "sas", "sarl", "srl", "spa", "bv", "nv", "oy", "ab", "as", "aps", "pty", "pte", "kk",
  ]

  /// Lowercased, punctuation dropped, words single-spaced, legal forms dropped from the end;
  /// empty for a name that is nothing else (it identifies no company).
  package static func key(_ name: String) -> String {
    var words = name.lowercased().split { !($0.isLetter || $0.isNumber) }.map(String.init)
    // "G.m.b.H." splits into letters: joined back, they are the form they spell.
    while let last = words.last, words.count > 1 {
      if legalSuffixes.contains(last) {
        words.removeLast()
        continue
      }
      // Single letters at the end ("s a", "g m b h") spell a legal form when joined.
      let letters = words.reversed().prefix { $0.count == 1 }
      guard letters.count > 1, letters.count < words.count, legalSuffixes.contains(String(letters.reversed().joined())) else { break }
      words.removeLast(letters.count)
    }
    return words.joined(separator: " ")
  }
}

/// An e-mail domain as a key: lower-cased, and none for free and personal mail, whose users
/// share a domain without sharing a company (two Gmail users are no one company).
package enum MailDomain {
  /// The free and personal mail domains (one list; docs/CREDIT.md names it): the large webmail
  /// providers and their country domains, and the mail of large consumer internet providers.
  package static let free: Set<String> = [
    "gmail.com", "googlemail.com", "outlook.com", "outlook.de", "outlook.fr", "hotmail.com", "hotmail.co.uk", "hotmail.de",
    "hotmail.fr", "hotmail.it", "hotmail.es", "live.com", "live.co.uk", "live.de", "live.fr", "msn.com", "yahoo.com",
    "yahoo.co.uk", "yahoo.de", "yahoo.fr", "yahoo.es", "yahoo.it", "yahoo.co.jp", "ymail.com", "rocketmail.com", "icloud.com",
    "me.com", "mac.com", "aol.com", "aim.com", "proton.me", "protonmail.com", "pm.me", "tutanota.com", "tuta.io", "zoho.com",
    "zohomail.com", "gmx.com", "gmx.de", "gmx.net", "gmx.at", "gmx.ch", "web.de", "t-online.de", "freenet.de", "mail.com",
    "email.com", "fastmail.com", "hey.com", "yandex.com", "yandex.ru", "mail.ru", "qq.com", "163.com", "126.com", "naver.com",
    "orange.fr", "wanadoo.fr", "free.fr", "laposte.net", "sfr.fr", "libero.it", "virgilio.it", "btinternet.com", "sky.com",
    "comcast.net", "verizon.net", "att.net", "sbcglobal.net", "bellsouth.net", "cox.net", "shaw.ca", "rogers.com",
    "bigpond.com", "seznam.cz", "wp.pl", "o2.pl", "interia.pl", "bol.com.br", "uol.com.br",
  ]

  /// `domain` lower-cased, or `nil` for free mail (it identifies no company).
  package static func key(_ domain: String) -> String? {
    let key = domain.lowercased()
    return free.contains(key) ? nil : key
  }
}
