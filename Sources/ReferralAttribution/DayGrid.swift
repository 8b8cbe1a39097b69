import ReferralCore

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
    leads = Array(repeating: 0, count: cells)
    converted = Array(repeating: 0, count: cells)
    won = Array(repeating: 0, count: cells)
    lost = Array(repeating: 0, count: cells)
    revenue = Array(repeating: 0, count: cells)
    revenueSeen = Array(repeating: false, count: cells)
    let (first, last) = (self.from, self.to)

    let table = ledger.leads
    for index in table.indices {
      let day = table.created(index).ordinal
      guard day >= first, day <= last else { continue }
      let cell = Int(day - first) * channelCount + ledger.leadChannel(index)
      leads[cell] += 1
      if ledger.leadConverted[index] { converted[cell] += 1 }
    }
    // Cycles are gathered with their day, then bucketed by day (a counting sort).
    var cyclesPerDay = Array(repeating: Int32(0), count: dayCount + 1)
    var gathered: [(day: Int32, channel: Int32, days: Int32)] = []
    let deals = ledger.deals
    for index in deals.indices {
      guard let closed = ledger.closeDay(ofDeal: index)?.ordinal, closed >= first, closed <= last else { continue }
      let channel = ledger.dealChannel(index)
      let cell = Int(closed - first) * channelCount + channel
      guard deals.outcome[index] == .won else {
        lost[cell] += 1
        continue
      }
      won[cell] += 1
      if let amount = deals.amount(index) {
        revenue[cell] += amount.minorUnits
        revenueSeen[cell] = true
      }
      if let days = ledger.cycleDays(ofDeal: index) {
        gathered.append((closed - first, Int32(channel), Int32(days)))
        cyclesPerDay[Int(closed - first) + 1] += 1
      }
    }
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

  func covers(_ period: Period) -> Bool { period.from.ordinal >= from && period.to.ordinal <= to }

  /// Adds the leads, wins, losses, revenue and sales cycles of `period` (inside the grid).
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
        if revenueSeen[cell] { rows[channel].revenue.add(Money(minorUnits: revenue[cell])) }
      }
    }
    for entry in Int(cycleStarts[firstDay])..<Int(cycleStarts[lastDay + 1]) {
      cycles[Int(cycleChannels[entry])].add(Int(cycleDays[entry]))
    }
  }
}
