import ReferralCore

/// When do asks pay? The asks of the trailing twelve months grouped by how long after the asked
/// customer's first win they came, each with how often a referral followed within the window:
/// the practice says to ask neither the minute the sale closes nor so late that the customer has
/// forgotten, and this shows where the customers of these exports answer.
package struct AskTiming: Sendable, Equatable {
  /// Days from the asked customer's first win to the ask.
  package enum Bucket: Int, Sendable, CaseIterable {
    case upTo30, upTo60, upTo90, upTo180, upTo365, over365

    /// The first and last day of the bucket; `nil` last: no end.
    package var days: (first: Int, last: Int?) {
      switch self {
      case .upTo30: (0, 30)
      case .upTo60: (31, 60)
      case .upTo90: (61, 90)
      case .upTo180: (91, 180)
      case .upTo365: (181, 365)
      case .over365: (366, nil)
      }
    }

    /// The bucket of an ask made `days` after the first win (0 or more).
    static func of(_ days: Int) -> Bucket { allCases.first { days <= ($0.days.last ?? .max) }! }
  }

  package struct Row: Sendable, Equatable {
    package var bucket: Bucket
    /// Asks of customers made that long after their first win.
    package var asks: Int
    /// Of those, the ones followed by a referral from the asked customer within the window.
    package var referred: Int
    package var rate: Rate

    package init(bucket: Bucket, asks: Int, referred: Int, rate: Rate) {
      self.bucket = bucket
      self.asks = asks
      self.referred = referred
      self.rate = rate
    }
  }

  /// Asks whose rate is low where ``afterDays`` falls and that rises later: the ask list waits
  /// less than the asks that pay. Attribution decides it; the report writes it as a sentence.
  package struct Finding: Sendable, Equatable {
    /// The bucket ``afterDays`` falls in, and the first later one whose rate is higher by
    /// ``AskTiming/risePoints`` or more (both judged on enough asks).
    package var early: Row
    package var later: Row
  }

  /// How many percentage points higher a later bucket's rate must be to count as the rate
  /// rising: less than that, on the few hundred asks a year of a small team, is noise.
  package static let risePoints = 5

  /// The asks counted: made in these twelve months, their window closed by the period's end.
  package var trailingYear: Period
  package var windowDays: Int
  /// `[report] ask_after_days`: when the ask list starts listing a customer.
  package var afterDays: Int
  /// One row per bucket, in order.
  package var rows: [Row]
  /// Asks of the year whose window runs past the period's end: too early to tell, left out.
  package var pending: Int
  /// Asks of the year of leads with no won deal by the ask (prospects, or not among the leads).
  package var notCustomers: Int
  /// The median days from a customer's first win to their first referral on or after it, over
  /// the customers (first win by the period's end) who referred someone by then; `nil` when none did.
  package var medianDaysToFirstReferral: Double?
  /// How many customers that median is taken over.
  package var referringCustomers: Int
  /// `nil` unless ``afterDays`` falls before the bucket where the rate rises.
  package var finding: Finding?

  /// `nil` without a referral requests export: when asks pay is then unknown, not zero.
  static func make(ledger: Ledger, period: Period, options: AttributionOptions) -> AskTiming? {
    let data = ledger.dataset
    guard data.hasAsks else { return nil }
    let asks = data.askTable
    let referrals = Referrals(ledger)
    let year = period.trailingYear
    let window = options.askWindowDays
    var counts = Array(repeating: (asks: 0, referred: 0), count: Bucket.allCases.count)
    var (pending, notCustomers) = (0, 0)
    for ask in asks.indices {
      let day = asks.asked(ask)
      guard year.contains(day) else { continue }
      let deadline = day.adding(days: window)
      guard deadline <= period.to else {
        pending += 1
        continue
      }
      guard let lead = ledger.lead(ofAsk: ask), let win = ledger.firstWin(ofLead: lead), win <= day else {
        notCustomers += 1
        continue
      }
      let bucket = Bucket.of(win.days(to: day)).rawValue
      counts[bucket].asks += 1
      if referrals.any(by: lead, from: day, to: deadline) { counts[bucket].referred += 1 }
    }
    let rows = Bucket.allCases.map { bucket in
      let (asks, referred) = counts[bucket.rawValue]
      return Row(bucket: bucket, asks: asks, referred: referred, rate: Rate(referred, of: asks, .asks, minSample: options.minSample))
    }
    var days: [Int] = []
    for lead in ledger.leads.indices {
      guard let win = ledger.firstWin(ofLead: lead), win <= period.to, let first = referrals.first(by: lead, from: win, to: period.to) else { continue }
      days.append(win.days(to: first))
    }
    return AskTiming(
      trailingYear: year, windowDays: window, afterDays: options.askAfterDays, rows: rows, pending: pending, notCustomers: notCustomers,
      medianDaysToFirstReferral: median(days), referringCustomers: days.count, finding: finding(rows, afterDays: options.askAfterDays))
  }

  /// The early bucket (where ``afterDays`` falls) and the first later one whose rate is
  /// ``risePoints`` or more above it, both judged on enough asks; `nil` when there is none.
  /// Compared in whole numbers (later − early ≥ points ÷ 100, times both bases), so that 15%
  /// against 10% is a rise and no rounding of a fraction decides it.
  package static func finding(_ rows: [Row], afterDays: Int) -> Finding? {
    let early = rows[Bucket.of(afterDays).rawValue]
    guard early.rate.value != nil, !early.rate.tooFew else { return nil }
    let later = rows.dropFirst(early.bucket.rawValue + 1).first { row in
      guard row.rate.value != nil, !row.rate.tooFew else { return false }
      let (a, b) = (Int64(early.asks), Int64(row.asks))
      return 100 * (Int64(row.referred) * a - Int64(early.referred) * b) >= Int64(risePoints) * a * b
    }
    return later.map { Finding(early: early, later: $0) }
  }
}
