import ReferralCore

/// Which referrals deserve a fee: a referral programme pays for introductions, and a "referred"
/// company the business already knew, a referrer referring itself, or the same company referred
/// twice is no introduction. No CRM flags them, so they are told here from the leads.
package struct ReferralEligibility: Sendable, Equatable {
  /// What a referred lead is, judged by what came before its referral (never after, so a
  /// later export cannot change an earlier referral's status).
  package enum Status: String, Sendable, CaseIterable {
    case eligible
    /// Its company was a lead or a customer before the referral date.
    case knownBefore = "known_before"
    /// The referrer is the lead, or a lead of the same company.
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

  /// The referral leads up to the period's end that are not eligible: what ``FeeLedger`` and
  /// ``FeeHeadroom`` leave out under `pay_ineligible = false`.
  struct Marks: Sendable {
    var leads: Set<Int>
    var judged: [(lead: Int, status: Status, earlier: Earlier, record: Int, day: Day)]
  }

  /// Judges every referred lead created by `period`'s end.
  static func marks(ledger: Ledger, period: Period, duplicateDays: Int) -> Marks {
    let leads = ledger.leads
    // One key per distinct company (contacts of one company share a company id).
    var keyOfName: [String: Int32] = [:]
    let keyOfCompany: [Int32] = ledger.companyNames.map { name in
      let key = CompanyName.key(name)
      guard !key.isEmpty else { return -1 }
      if let known = keyOfName[key] { return known }
      keyOfName[key] = Int32(keyOfName.count)
      return Int32(keyOfName.count - 1)
    }
    func key(_ lead: Int) -> Int32 { keyOfCompany[leads.companyID(lead)] }
    func before(_ a: (day: Day, lead: Int), _ b: (day: Day, lead: Int)) -> Bool {
      a.day != b.day ? a.day < b.day : leads.id(a.lead) < leads.id(b.lead)
    }
    // Per company, its first lead from another channel and its first customer.
    var firstLead = [(day: Day, lead: Int)?](repeating: nil, count: keyOfName.count)
    var firstWin = firstLead
    var referred: [Int] = []
    for lead in leads.indices {
      let referral = ledger.isReferral(ledger.leadChannel(lead))
      if referral, leads.created(lead) <= period.to { referred.append(lead) }
      let k = Int(key(lead))
      guard k >= 0 else { continue }
      if !referral, firstLead[k].map({ before((leads.created(lead), lead), $0) }) ?? true { firstLead[k] = (leads.created(lead), lead) }
      if let won = ledger.firstWin(ofLead: lead), firstWin[k].map({ before((won, lead), $0) }) ?? true { firstWin[k] = (won, lead) }
    }
    // Each company's referrals in order: the first stands, those within the window after it
    // are duplicates of it.
    referred.sort { a, b in
      key(a) != key(b) ? key(a) < key(b) : before((leads.created(a), a), (leads.created(b), b))
    }
    var marks = Marks(leads: [], judged: [])
    var standing: (key: Int32, day: Day, lead: Int)?
    for lead in referred {
      let (k, day) = (key(lead), leads.created(lead))
      if standing?.key != k { standing = nil }
      func mark(_ status: Status, _ earlier: Earlier, _ record: Int, _ on: Day) {
        marks.leads.insert(lead)
        marks.judged.append((lead, status, earlier, record, on))
      }
      if let referrer = leads.referrer(lead), let own = ledger.lead(ofReferrer: referrer), own == lead || (k >= 0 && key(own) == k) {
        mark(.selfReferral, .referrer, own, leads.created(own))
        continue
      }
      guard k >= 0 else { continue }
      if let first = standing, first.day.days(to: day) <= duplicateDays {
        mark(.duplicate, .referral, first.lead, first.day)
        continue
      }
      standing = (k, day, lead)
      if let win = firstWin[Int(k)], win.lead != lead, win.day < day {
        mark(.knownBefore, .customer, win.lead, win.day)
      } else if let earlier = firstLead[Int(k)], earlier.day < day {
        mark(.knownBefore, .lead, earlier.lead, earlier.day)
      }
    }
    return marks
  }

  init(ledger: Ledger, period: Period, options: AttributionOptions, marks: Marks) {
    let leads = ledger.leads
    duplicateDays = options.duplicateDays
    payIneligible = options.payIneligible
    var counts = Dictionary(uniqueKeysWithValues: Status.allCases.map { ($0, 0) })
    var perReferrer: [TextID: (referrals: Int, ineligible: Int)] = [:]
    var feesOwed = Money.zero
    for lead in leads.indices where period.contains(leads.created(lead)) && ledger.isReferral(ledger.leadChannel(lead)) {
      let out = marks.leads.contains(lead)
      if !out { counts[.eligible, default: 0] += 1 }
      if let referrer = leads.referrer(lead) {
        perReferrer[referrer, default: (0, 0)].referrals += 1
        if out { perReferrer[referrer, default: (0, 0)].ineligible += 1 }
      }
      if out, let perLead = options.feeRules[ledger.channels[ledger.leadChannel(lead)].name]?.perLead { feesOwed += perLead }
    }
    for judged in marks.judged where period.contains(leads.created(judged.lead)) {
      counts[judged.status, default: 0] += 1
      ineligible.append(
        Ineligible(
          leadID: leads.id(judged.lead), company: ledger.company(ofLead: judged.lead),
          referrer: leads.referrer(judged.lead).map { ledger.name(ofReferrer: $0) }, created: leads.created(judged.lead),
          status: judged.status, earlier: judged.earlier, earlierLeadID: leads.id(judged.record),
          earlierDay: judged.day))
    }
    ineligible.sort { ($0.created, $0.leadID) < ($1.created, $1.leadID) }
    let deals = ledger.deals
    for index in deals.indices where deals.outcome[index] == .won {
      guard let closed = deals.closed(index), period.contains(closed), let lead = ledger.dealLead(index), marks.leads.contains(lead),
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
