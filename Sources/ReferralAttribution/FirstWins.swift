/// Per lead, the day (ordinal) its first won deal closed, at any time in the data, or
/// ``Ledger/noWin``: the one table every section asks whether, or since when, a lead is a
/// customer.
///
/// Most leads never win, so only the winners keep a day: a bit per lead says whether it won
/// and the count of winners before each 64 leads finds its day, two bytes (days after the
/// earliest win) when the wins span less than 179 years, as real data does; four bytes
/// otherwise (a typo year among the close dates), so no day is ever clipped. At 10M leads of
/// which 1.4M won that is 5 MB, where a day per lead was 20 MB.
struct FirstWins: Sendable {
  /// Who won and over which days: the first pass over the won deals, before any day is kept.
  struct Winners: Sendable {
    fileprivate var won: [UInt64]
    fileprivate var earliest = Int32.max
    fileprivate var latest = Int32.min

    init(leadCount: Int) { won = Array(repeating: 0, count: (leadCount + 63) / 64) }

    /// Notes that `lead` won a deal closed on day `ordinal`.
    @inline(__always)
    mutating func add(_ lead: Int, winningOn ordinal: Int32) {
      won[lead >> 6] |= 1 << UInt64(lead & 63)
      (earliest, latest) = (min(earliest, ordinal), max(latest, ordinal))
    }
  }

  private let won: [UInt64]
  /// Winners before each word of `won`.
  private let before: [Int32]
  /// By winner: days after `base`; used unless the wins span too many days.
  private var near: [UInt16] = []
  /// By winner: ordinals; used only then.
  private var wide: [Int32] = []
  private let base: Int32

  /// Room for the first wins of `winners`, each still to be ``record(_:for:)``ed.
  init(_ winners: Winners) {
    won = winners.won
    var counts: [Int32] = []
    counts.reserveCapacity(won.count)
    var total: Int32 = 0
    for word in won {
      counts.append(total)
      total += Int32(word.nonzeroBitCount)
    }
    before = counts
    base = winners.earliest
    if total == 0 || Int(winners.latest) - Int(winners.earliest) < Int(UInt16.max) {
      near = Array(repeating: .max, count: Int(total))
    } else {
      wide = Array(repeating: Ledger.noWin, count: Int(total))
    }
  }

  /// No leads, no wins.
  init() { self.init(Winners(leadCount: 0)) }

  /// The place of `lead` among the winners, or `nil` when it never won.
  @inline(__always)
  private func winner(_ lead: Int) -> Int? {
    let (word, bit) = (lead >> 6, UInt64(lead & 63))
    let bits = won[word]
    guard bits >> bit & 1 == 1 else { return nil }
    return Int(before[word]) + (bits & ((1 << bit) &- 1)).nonzeroBitCount
  }

  /// Records a win of `lead` on day `ordinal`, keeping the earliest; `lead` and the day must
  /// be among the ``Winners`` this was made for.
  @inline(__always)
  mutating func record(_ ordinal: Int32, for lead: Int) {
    guard let at = winner(lead) else { preconditionFailure("a win of lead \(lead), not among the winners") }
    if wide.isEmpty {
      near[at] = min(near[at], UInt16(ordinal - base))
    } else {
      wide[at] = min(wide[at], ordinal)
    }
  }

  /// The ordinal of the lead's first win, or ``Ledger/noWin``.
  @inline(__always)
  subscript(lead: Int) -> Int32 {
    guard let at = winner(lead) else { return Ledger.noWin }
    return wide.isEmpty ? base + Int32(near[at]) : wide[at]
  }
}
