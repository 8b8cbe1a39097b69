/// Per lead, the day (ordinal) its first won deal closed, at any time in the data, or
/// ``Ledger/noWin``: the one table every section asks whether, or since when, a lead is a
/// customer.
///
/// Most leads never win, so only the winners keep a day, by their place among the winners
/// (``RankedPositions``): two bytes (days after the earliest win) when the wins span less than
/// 179 years, as real data does; four bytes otherwise (a typo year among the close dates), so
/// no day is ever clipped. At 10M leads of which 1.4M won that is 4 MB, where a day per lead
/// was 20 MB.
struct FirstWins: Sendable {
  /// Who won and over which days: the first pass over the won deals, before any day is kept.
  struct Winners: Sendable {
    fileprivate var won: PositionSet
    fileprivate var earliest = Int32.max
    fileprivate var latest = Int32.min

    init(leadCount: Int) { won = PositionSet(count: leadCount) }

    /// Notes that `lead` won a deal closed on day `ordinal`.
    @inline(__always)
    mutating func add(_ lead: Int, winningOn ordinal: Int32) {
      won.insert(lead)
      (earliest, latest) = (min(earliest, ordinal), max(latest, ordinal))
    }
  }

  private let winners: RankedPositions
  /// By winner: days after `base`; used unless the wins span too many days.
  private var near: [UInt16] = []
  /// By winner: ordinals; used only then.
  private var wide: [Int32] = []
  private let base: Int32

  /// Room for the first wins of `winners`, each still to be ``record(_:for:)``ed.
  init(_ winners: Winners) {
    self.winners = RankedPositions(winners.won)
    base = winners.earliest
    if Int(winners.latest) - Int(winners.earliest) < Int(UInt16.max) {
      near = Array(repeating: .max, count: self.winners.count)
    } else {
      wide = Array(repeating: Ledger.noWin, count: self.winners.count)
    }
  }

  /// No leads, no wins.
  init() { self.init(Winners(leadCount: 0)) }

  /// Records a win of `lead` on day `ordinal`, keeping the earliest; `lead` and the day must
  /// be among the ``Winners`` this was made for.
  @inline(__always)
  mutating func record(_ ordinal: Int32, for lead: Int) {
    guard let at = winners.rank(of: lead) else { preconditionFailure("a win of lead \(lead), not among the winners") }
    if wide.isEmpty {
      near[at] = min(near[at], UInt16(ordinal - base))
    } else {
      wide[at] = min(wide[at], ordinal)
    }
  }

  /// The ordinal of the lead's first win, or ``Ledger/noWin``.
  @inline(__always)
  subscript(lead: Int) -> Int32 {
    guard let at = winners.rank(of: lead) else { return Ledger.noWin }
    return wide.isEmpty ? base + Int32(near[at]) : wide[at]
  }
}
