import ReferralCore

/// Asking for referrals, from the referral requests export: the share of customers asked in the
/// trailing twelve months, the asks of each rep per month, and how often an ask brought a
/// referral within the window after it.
package struct Asking: Sendable, Equatable {
  package struct Rep: Sendable, Equatable {
    package var owner: String
    /// Asks in each month of the period.
    package var perMonth: [Int]
    package var asks: Int
    /// Of those, asks followed by a referral from the asked lead within the window.
    package var referred: Int

    package var referralRate: Double? { ratio(referred, asks) }
  }

  /// Leads with a won deal closed by the period's end.
  package var customers: Int
  /// Of those, the ones asked at least once in the twelve months up to the period's end.
  package var customersAsked: Int
  /// Target share of customers asked a year (`[targets] customers_asked_per_year`).
  package var target: Double
  /// Days after an ask within which a referral from the asked lead counts as its result.
  package var windowDays: Int
  package var months: [Month]
  /// Asks made in the period, and those followed by a referral within the window.
  package var asks: Int
  package var asksThatReferred: Int
  /// By rep: most asks first, then by name.
  package var reps: [Rep]

  package var customersAskedShare: Double? { ratio(customersAsked, customers) }
  package var referralRate: Double? { ratio(asksThatReferred, asks) }

  /// `nil` without a referral requests export: asking is then unknown, not zero.
  static func make(ledger: Ledger, period: Period, options: AttributionOptions) -> Asking? {
    let data = ledger.dataset
    guard data.hasAsks else { return nil }
    let leads = ledger.leads
    // The days each lead referred someone on (the referred leads' creation), to match asks.
    let asks = data.askTable
    let referrals = asks.isEmpty ? Referrals() : Referrals(ledger)
    let year = period.trailingYear
    var asked = Array(repeating: false, count: leads.count)
    let months = period.months
    var byOwner: [String: Rep] = [:]
    var (count, referred) = (0, 0)
    for ask in asks.indices {
      let (lead, day) = (ledger.lead(ofAsk: ask), asks.asked(ask))
      if let lead, year.contains(day) { asked[lead] = true }
      guard period.contains(day) else { continue }
      let owner = asks.owner(ask).map { data.owners[Int($0)] } ?? "(no owner)"
      let deadline = day.adding(days: options.askWindowDays)
      let brought = lead.map { referrals.any(by: $0, from: day, to: deadline) } ?? false
      var rep = byOwner[owner] ?? Rep(owner: owner, perMonth: Array(repeating: 0, count: months.count), asks: 0, referred: 0)
      rep.perMonth[months.firstIndex(of: day.month)!] += 1
      rep.asks += 1
      count += 1
      if brought {
        rep.referred += 1
        referred += 1
      }
      byOwner[owner] = rep
    }
    // Counted, not listed: a million customers at 10M leads.
    var (customers, customersAsked) = (0, 0)
    for lead in leads.indices where ledger.isCustomer(lead, by: period.to) {
      customers += 1
      if asked[lead] { customersAsked += 1 }
    }
    return Asking(
      customers: customers, customersAsked: customersAsked, target: options.targets.customersAskedPerYear,
      windowDays: options.askWindowDays, months: months, asks: count, asksThatReferred: referred,
      reps: byOwner.values.sorted { ($1.asks, $0.owner) < ($0.asks, $1.owner) })
  }
}

/// Every referral as the referring lead and the day the referred lead was created, sorted by
/// lead, then day, each packed in one word: whether a lead referred anyone between two days is
/// then found by halving. A dictionary of each lead's days took about 40 MB at 10M leads,
/// during the sections' peak; this takes 8 bytes a referral. The ask timing reads it too.
struct Referrals {
  private var keys: [UInt64] = []

  init() {}

  init(_ ledger: Ledger) {
    let leads = ledger.leads
    leads.forEachReferral { index, referrer in
      if let referring = ledger.lead(ofReferrer: referrer) { keys.append(Self.key(referring, leads.created(index))) }
    }
    keys.sort()
  }

  /// The lead in the high half; the day's ordinal with its sign bit flipped in the low half, so
  /// that the words sort as (lead, day) do.
  private static func key(_ lead: Int, _ day: Day) -> UInt64 {
    UInt64(lead) << 32 | UInt64(UInt32(bitPattern: day.ordinal) ^ 0x8000_0000)
  }

  /// Whether `lead` referred someone created from `first` to `last`, both included.
  func any(by lead: Int, from first: Day, to last: Day) -> Bool { self.first(by: lead, from: first, to: last) != nil }

  /// The day of the first referral of `lead` created from `first` to `last`, both included.
  func first(by lead: Int, from first: Day, to last: Day) -> Day? {
    let start = Self.key(lead, first)
    var (low, high) = (0, keys.count)
    while low < high {
      let middle = (low + high) / 2
      if keys[middle] < start { low = middle + 1 } else { high = middle }
    }
    guard low < keys.count, keys[low] <= Self.key(lead, last) else { return nil }
    return Day(ordinal: Int32(bitPattern: UInt32(truncatingIfNeeded: keys[low]) ^ 0x8000_0000))
  }
}
