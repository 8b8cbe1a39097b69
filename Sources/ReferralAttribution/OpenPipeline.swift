import ReferralCore

/// The deals still open, by channel: what the period's won and lost figures leave out.
///
/// A deal is in the pipeline at the end of a period when the export has it open and it had
/// started by then (created on or before the period's last day, by its lead's date or else
/// its own; an undated one counts). Value is the sum of the open deals' amounts (`nil` when
/// the export has no amounts; an open deal without one adds nothing).
package struct OpenPipeline: Sendable, Equatable {
  package struct Row: Sendable, Equatable {
    package var channel: String
    package var referral: Bool
    package var deals = 0
    package var value: Money?
    /// Median days the open deals have been open at ``OpenPipeline/asOf`` (since their lead's
    /// creation, else their own); `nil` when none is dated.
    package var medianAgeDays: Double?
  }

  /// The day the pipeline is counted at: the period's last.
  package var asOf: Day
  /// Channels with an open deal, most deals first (then value, then name).
  package var channels: [Row]
  package var totals: Row
  /// All referral channels together.
  package var referral: Row

  init(ledger: Ledger, period: Period) {
    asOf = period.to
    let hasAmounts = ledger.dataset.dealsHaveAmounts
    var rows = ledger.channels.map { Row(channel: $0.name, referral: $0.referral, value: hasAmounts ? .zero : nil) }
    totals = Row(channel: "Total", referral: false, value: hasAmounts ? .zero : nil)
    referral = Row(channel: "Referral channels", referral: true, value: hasAmounts ? .zero : nil)
    let (deals, leads) = (ledger.deals, ledger.leads)
    var ages = Array(repeating: [Int](), count: rows.count)
    var (allAges, referralAges) = ([Int](), [Int]())
    for index in deals.indices where deals.outcome[index] == .open {
      let started = ledger.dealLead(index).map { leads.created($0) } ?? deals.created(index)
      if let started, started > period.to { continue }
      let channel = ledger.dealChannel(index)
      if let started {
        let age = Int(period.to.ordinal - started.ordinal)
        ages[channel].append(age)
        allAges.append(age)
        if ledger.isReferral(channel) { referralAges.append(age) }
      }
      let amount = deals.amount(index) ?? .zero
      rows[channel].deals += 1
      totals.deals += 1
      if hasAmounts {
        rows[channel].value.add(amount)
        totals.value.add(amount)
      }
      if ledger.isReferral(channel) {
        referral.deals += 1
        if hasAmounts { referral.value.add(amount) }
      }
    }
    for channel in rows.indices { rows[channel].medianAgeDays = median(ages[channel]) }
    totals.medianAgeDays = median(allAges)
    referral.medianAgeDays = median(referralAges)
    channels = rows.filter { $0.deals > 0 }.sorted {
      if $0.deals != $1.deals { return $0.deals > $1.deals }
      if ($0.value ?? .zero) != ($1.value ?? .zero) { return ($0.value ?? .zero) > ($1.value ?? .zero) }
      return $0.channel < $1.channel
    }
  }
}
