import ReferralCore

/// Makes the period's paths from the ledger and the touches export.
///
/// - A lead's path is its touches in time order (ties in file order) within `lookback_days`
///   before its conversion: the close of its first won deal in the period, or, for a lead that
///   did not convert in the period, the period's end. Touches after that day are left out.
/// - A lead of a referral channel also gets its referral as a touch on its creation day,
///   before the touches of that day: referrals are offline and in no touch export.
/// - A lead with no touch in its window is one touch of its own channel (its source) on its
///   creation day: a converting lead always has a path, so every won deal is credited; a lead
///   that did not convert is a path only when created in the window (else it was not in play).
///   A lead with touches does not get its own source as an extra touch.
/// - A won deal of the period that names no lead of the exports is a path of one touch: its
///   channel (the deal's own source, else Unknown).
/// - A path converts with its lead's won deals of the period; its value is their revenue.
enum LeadPaths {
  /// The paths, and how many touches named no lead of the exports (left out).
  static func make(ledger: Ledger, touches: TouchTable, period: Period, options: AttributionOptions) -> (paths: TouchPaths, unmatched: Int) {
    // The touches' join to their leads, made here once: the models are its only readers.
    var leadIDs = ledger.leads.index
    leadIDs.prepareForLookups()  // a hash table for ids that came sorted: millions of lookups
    let touchLeads = touches.leadPositions(in: leadIDs)
    var paths = TouchPaths(channels: ledger.channels)
    // The leads that converted in the period: won deals, revenue, first close, first deal.
    struct Conversion {
      var wins = 0
      var revenue = Money.zero
      var firstClose = Day(ordinal: .max)
      var firstDeal = Day(ordinal: .max)
    }
    var conversions: [Int: Conversion] = [:]
    let deals = ledger.deals
    for index in deals.indices where deals.outcome[index] == .won {
      guard let closed = deals.closed(index), period.contains(closed) else { continue }
      let amount = deals.amount(index) ?? .zero
      guard let lead = ledger.dealLead(index) else {
        paths.addConversion(channels: [ledger.dealChannel(index)], ages: [0], wins: 1, revenue: amount, dealTouch: 0)
        continue
      }
      conversions[lead, default: Conversion()].wins += 1
      conversions[lead]!.revenue += amount
      conversions[lead]!.firstClose = min(conversions[lead]!.firstClose, closed)
    }
    for index in deals.indices {
      guard let lead = ledger.dealLead(index), conversions[lead] != nil, let created = deals.created(index) else { continue }
      conversions[lead]!.firstDeal = min(conversions[lead]!.firstDeal, created)
    }
    let (starts, order) = touches.byLead(touchLeads, leadCount: ledger.leads.count)
    var channels: [Int] = []
    var days: [Day] = []
    for lead in ledger.leads.indices {
      let conversion = conversions[lead]
      let end = conversion?.firstClose ?? period.to
      let start = end.adding(days: -options.lookbackDays)
      let created = ledger.leads.created(lead)
      channels.removeAll(keepingCapacity: true)
      days.removeAll(keepingCapacity: true)
      let own = ledger.leadChannel(lead)
      var introduced = !ledger.isReferral(own) || created < start || created > end
      for touch in order[Int(starts[lead])..<Int(starts[lead + 1])] {
        let touch = Int(touch)
        let day = touches.touched(touch)
        if !introduced, created <= day {
          channels.append(own)
          days.append(created)
          introduced = true
        }
        if start <= day && day <= end {
          channels.append(ledger.channel(ofSource: touches.channel(touch)))
          days.append(day)
        }
      }
      if !introduced {
        channels.append(own)
        days.append(created)
      }
      if channels.isEmpty {
        guard conversion != nil || (start <= created && created <= end) else { continue }
        channels.append(own)
        days.append(created)
      }
      guard let conversion else {
        paths.addNull(channels: channels)
        continue
      }
      let ages = days.map { Int32(clamping: max(0, $0.days(to: end))) }
      // The touch nearest the first deal's creation (the first of equally near ones).
      let dealDay = conversion.firstDeal.ordinal == .max ? end : conversion.firstDeal
      let dealTouch = days.indices.min { abs(days[$0].days(to: dealDay)) < abs(days[$1].days(to: dealDay)) } ?? 0
      paths.addConversion(channels: channels, ages: ages, wins: conversion.wins, revenue: conversion.revenue, dealTouch: dealTouch)
    }
    return (paths, touchLeads.count { $0 < 0 })
  }
}
