import ReferralCore
import Scheduler

/// The ledger counted once per day and channel over a span of days, so the figures of any
/// period inside it (the month, the one before, the fiscal year to date, each month of the
/// trend) are sums over a few hundred cells instead of a pass over every lead and deal.
struct DayGrid {
  let from: Int32
  let to: Int32
  private let channelCount: Int
  private var leads: [Int32]
  private var converted: [Int32]
  private var won: [Int32]
  private var lost: [Int32]
  private var revenue: [Int64]
  /// Whether any deal of the cell had an amount (revenue is unknown, not zero, otherwise).
  private var revenueSeen: [Bool]
  /// Won deals without an amount, in an export with amounts: wins whose revenue is unknown.
  private var wonWithoutAmount: [Int32]
  /// Sales cycles of won deals, ordered by close day: those of day `d` (from `from`) are
  /// `cycleStarts[d]..<cycleStarts[d + 1]`, with their channel.
  private var cycleDays: [Int32] = []
  private var cycleChannels: [Int32] = []
  private var cycleStarts: [Int32]

  /// The grid of `ledger` over `from...to` (empty when `to` is before `from`).
  init(ledger: Ledger, from: Day, to: Day) {
    self.from = from.ordinal
    self.to = max(to.ordinal, from.ordinal - 1)
    let dayCount = Int(self.to - self.from) + 1
    channelCount = ledger.channels.count
    let cells = dayCount * channelCount
    let (first, last) = (self.from, self.to)
    // Leads and deals are counted into different arrays: side by side.
    let (leadCounts, deals) = Scheduler.run(
      { Self.countLeads(ledger, first: first, last: last, cells: cells) },
      { Self.countDeals(ledger, first: first, last: last, cells: cells) })
    (leads, converted) = leadCounts
    (won, lost, revenue, revenueSeen, wonWithoutAmount) = (deals.won, deals.lost, deals.revenue, deals.revenueSeen, deals.wonWithoutAmount)
    // Cycles were gathered with their day, and are now bucketed by day (a counting sort).
    var cyclesPerDay = deals.cyclesPerDay
    let gathered = deals.cycles
    for day in 0..<dayCount { cyclesPerDay[day + 1] += cyclesPerDay[day] }
    cycleStarts = cyclesPerDay
    cycleDays = Array(repeating: 0, count: gathered.count)
    cycleChannels = Array(repeating: 0, count: gathered.count)
    var next = cyclesPerDay
    for cycle in gathered {
      let slot = Int(next[Int(cycle.day)])
      cycleDays[slot] = cycle.days
      cycleChannels[slot] = cycle.channel
      next[Int(cycle.day)] += 1
    }
  }

  /// Leads and converted leads per cell.
  private static func countLeads(_ ledger: Ledger, first: Int32, last: Int32, cells: Int) -> (leads: [Int32], converted: [Int32]) {
    let channelCount = ledger.channels.count
    var (leads, converted) = (Array(repeating: Int32(0), count: cells), Array(repeating: Int32(0), count: cells))
    let table = ledger.leads
    for index in table.indices {
      let day = table.created(index).ordinal
      guard day >= first, day <= last else { continue }
      let cell = Int(day - first) * channelCount + ledger.leadChannel(index)
      leads[cell] += 1
      if ledger.converted(index) { converted[cell] += 1 }
    }
    return (leads, converted)
  }

  /// Wins, losses, revenue and wins without an amount per cell, and the sales cycles of won deals with their day
  /// (`cyclesPerDay[d + 1]`: how many closed on day `d`).
  private static func countDeals(_ ledger: Ledger, first: Int32, last: Int32, cells: Int) -> DealCounts {
    let channelCount = ledger.channels.count
    var counts = DealCounts(cells: cells, days: Int(last - first) + 1)
    let deals = ledger.deals
    // Without an amount column no deal has one: revenue is unknown as a whole, not per deal.
    let hasAmounts = ledger.dataset.dealsHaveAmounts
    // At most one cycle per deal: reserved once (only the part used is ever touched) instead
    // of regrown, copied and touched again.
    counts.cycles.reserveCapacity(deals.count)
    for index in deals.indices {
      guard let closed = ledger.closeDay(ofDeal: index)?.ordinal, closed >= first, closed <= last else { continue }
      let channel = ledger.dealChannel(index)
      let cell = Int(closed - first) * channelCount + channel
      guard deals.outcome[index] == .won else {
        counts.lost[cell] += 1
        continue
      }
      counts.won[cell] += 1
      if let amount = deals.amount(index) {
        counts.revenue[cell] += amount.minorUnits
        counts.revenueSeen[cell] = true
      } else if hasAmounts {
        counts.wonWithoutAmount[cell] += 1
      }
      if let days = ledger.cycleDays(ofDeal: index) {
        counts.cycles.append((closed - first, Int32(channel), Int32(days)))
        counts.cyclesPerDay[Int(closed - first) + 1] += 1
      }
    }
    return counts
  }

  func covers(_ period: Period) -> Bool { period.from.ordinal >= from && period.to.ordinal <= to }

  /// Adds the leads, wins, losses, revenue, wins without an amount and sales cycles of `period` (inside the grid).
  func add(_ period: Period, to rows: inout [ChannelFigures], cycles: inout [CycleCounts]) {
    precondition(covers(period), "period outside the grid")
    let (firstDay, lastDay) = (Int(period.from.ordinal - from), Int(period.to.ordinal - from))
    guard firstDay <= lastDay else { return }
    for day in firstDay...lastDay {
      for channel in 0..<channelCount {
        let cell = day * channelCount + channel
        rows[channel].leads += Int(leads[cell])
        rows[channel].convertedLeads += Int(converted[cell])
        rows[channel].won += Int(won[cell])
        rows[channel].lost += Int(lost[cell])
        rows[channel].wonWithoutAmount += Int(wonWithoutAmount[cell])
        if revenueSeen[cell] { rows[channel].revenue.add(Money(minorUnits: revenue[cell])) }
      }
    }
    for entry in Int(cycleStarts[firstDay])..<Int(cycleStarts[lastDay + 1]) {
      cycles[Int(cycleChannels[entry])].add(Int(cycleDays[entry]))
    }
  }
}

/// The deals' side of a ``DayGrid``, counted apart from the leads'.
private struct DealCounts {
  var won: [Int32]
  var lost: [Int32]
  var revenue: [Int64]
  var revenueSeen: [Bool]
  var wonWithoutAmount: [Int32]
  var cycles: [(day: Int32, channel: Int32, days: Int32)] = []
  var cyclesPerDay: [Int32]

  init(cells: Int, days: Int) {
    (won, lost) = (Array(repeating: 0, count: cells), Array(repeating: 0, count: cells))
    (revenue, revenueSeen) = (Array(repeating: 0, count: cells), Array(repeating: false, count: cells))
    wonWithoutAmount = Array(repeating: 0, count: cells)
    cyclesPerDay = Array(repeating: 0, count: days + 1)
  }
}
