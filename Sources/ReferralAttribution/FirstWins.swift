/// Per lead, the day (ordinal) its first won deal closed, at any time in the data, or
/// ``Ledger/noWin``: the one array every section asks whether, or since when, a lead is a
/// customer. Two bytes a lead (days after the earliest win) when the wins span less than 179
/// years, as real data does (20 MB less at 10M leads); four bytes otherwise (a typo year among
/// the close dates), so no day is ever clipped.
struct FirstWins: Sendable {
  /// Days after `base`, or ``noneNear``; used unless the wins span too many days.
  private var near: [UInt16] = []
  /// Ordinals; used only then.
  private var wide: [Int32] = []
  private let base: Int32
  private static let noneNear = UInt16.max

  /// Room for `leadCount` leads whose wins will all close on days `earliest...latest`.
  init(leadCount: Int, earliest: Int32, latest: Int32) {
    base = earliest
    if Int(latest) - Int(earliest) < Int(Self.noneNear) {
      near = Array(repeating: Self.noneNear, count: leadCount)
    } else {
      wide = Array(repeating: Ledger.noWin, count: leadCount)
    }
  }

  /// Records a win of `lead` on day `ordinal` (within the span given), keeping the earliest.
  @inline(__always)
  mutating func record(_ ordinal: Int32, for lead: Int) {
    if wide.isEmpty {
      near[lead] = min(near[lead], UInt16(ordinal - base))
    } else {
      wide[lead] = min(wide[lead], ordinal)
    }
  }

  /// The ordinal of the lead's first win, or ``Ledger/noWin``.
  @inline(__always)
  subscript(lead: Int) -> Int32 {
    if wide.isEmpty {
      let offset = near[lead]
      return offset == Self.noneNear ? Ledger.noWin : base + Int32(offset)
    }
    return wide[lead]
  }
}
