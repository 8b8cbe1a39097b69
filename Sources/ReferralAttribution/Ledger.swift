import ReferralCore
import Scheduler

/// The joined data: every lead and deal with its channel, ready to be counted for any period.
///
/// Built once per run; ``PeriodCounter`` then counts it for the period, the previous period and
/// each month of the trend without joining again.
struct Ledger {
  let dataset: Dataset
  /// Channels in the order they were first needed: catalogued, unmapped, Unknown.
  private(set) var channels: [Catalogue.Channel] = []
  /// Whether each channel is a referral channel: asked per row, so kept apart from the names.
  private var isReferralChannel: [Bool] = []
  /// Channel of every raw source value (index into `channels`).
  private(set) var sourceChannel: [Int] = []
  /// Channel of every deal, and the lead each deal resolves to (see ``Links``). (A lead's channel is its source's:
  /// ``leadChannel(_:)``.)
  private var dealChannels: [Int32] = []
  private var dealLeads: [Int32] = []
  /// Per lead, the day (ordinal) its first won deal closed, at any time in the data, or
  /// ``noWin``: the one table every section asks whether, or since when, a lead is a customer.
  private var firstWins: [Int32] = []
  /// The leads, column by column (stored, not computed: read per row, a computed copy would
  /// cost a retain and release of every column each time).
  let leads: LeadTable

  /// Raw source values that no alias matched, with the channel they became.
  private(set) var unmapped: [(value: String, channel: Int)] = []
  /// Deals whose `lead_id` matched no lead.
  private(set) var unmatchedDeals: [Int] = []
  /// Won deals whose channel cannot be known: no lead of the exports and no source of their own.
  private(set) var channellessWins: [Int] = []
  /// The deals, column by column (stored, like `leads`).
  let deals: DealTable

  /// The referral channel each payout is spent on (see the end of `init`).
  private(set) var payoutChannel: [Int32] = []
  /// The deal each payout names (-1: none, or one not in the deals).
  private var payoutDeals: [Int32] = []
  /// For each referrer, the lead that has the referrer's id (-1: none): referrers are looked
  /// up once, not once per referral.
  private var referrerLeads: [Int32] = []
  /// The lead each ask names (-2: none has its id).
  private var askLeads: [Int32] = []
  private var answerLeads: [Int32] = []
  /// Where the leads and deals begin and really end (rows dated far past the rest left out).
  let span: DataSpan?
  /// Whether any deal and lead were linked (see ``Links/linkLeadsAndDeals(of:)``).
  private(set) var linksKnown = true
  /// The leads' distinct companies, made text once: names of referrers and thank-yous share
  /// them instead of each making its own.
  let companyNames: [String]

  init(dataset: Dataset, options: AttributionOptions) {
    self.dataset = dataset
    leads = dataset.leadTable
    deals = dataset.dealTable
    span = dataset.span
    companyNames = dataset.leadTable.companyNames
    resolveSources(options.catalogue)
    let unknown = channelIndex(named: Catalogue.unknown, referral: false)
    // Row order must never change a figure: the fallback is the customer Referral channel (else
    // the alphabetically first referral channel), and a referrer's channel is that of their
    // earliest referral (then lowest lead id).
    let referralChannels = channels.indices.filter { channels[$0].referral }
    let fallback =
      referralChannels.first { channels[$0].name == "Referral" }
      ?? referralChannels.min { channels[$0].name < channels[$1].name } ?? channelIndex(named: "Referral", referral: true)
    let links = Links(dataset)
    dealLeads = links.dealLeads
    linksKnown = links.linkLeadsAndDeals(of: dataset)
    referrerLeads = links.referrerLeads
    payoutDeals = links.payoutDeals
    askLeads = links.askLeads
    answerLeads = links.answerLeads
    // The deals' channels and the referrers' only read the channels settled above: side by side.
    let ledger = self
    let (joined, referrerChannel) = Scheduler.run(
      { ledger.joinDeals(model: options.model, unknown: unknown) }, { ledger.referrerChannels() })
    (dealChannels, unmatchedDeals, firstWins, channellessWins) = joined
    // A payout is spent on its deal's channel when that is a referral channel, else on the
    // channel of the referrer's referrals, else on the first referral channel.
    let payouts = dataset.payoutTable
    payoutChannel.reserveCapacity(payouts.count)
    for index in payouts.indices {
      if let deal = payoutDeal(index), isReferral(dealChannel(deal)) {
        payoutChannel.append(Int32(dealChannel(deal)))
      } else {
        payoutChannel.append(Int32(payouts.referrer(index).flatMap { referrerChannel[Int($0)]?.channel } ?? fallback))
      }
    }
  }

  /// Each deal's channel under `model`, the deals whose lead is not among the leads, each lead's
  /// first win (see ``firstWins``), and the won deals that have no channel to be known.
  private func joinDeals(model: AttributionModel, unknown: Int) -> (
    channels: [Int32], unmatched: [Int], firstWins: [Int32], channelless: [Int]
  ) {
    var channels: [Int32] = []
    channels.reserveCapacity(deals.count)
    var unmatched: [Int] = []
    var channelless: [Int] = []
    var firstWins = Array(repeating: Self.noWin, count: leads.count)
    for index in deals.indices {
      let lead = dealLead(index)
      if dealLeads[index] == Links.unmatched { unmatched.append(index) }
      if let lead, deals.outcome[index] == .won, let closed = deals.closed(index) { firstWins[lead] = min(firstWins[lead], closed.ordinal) }
      let own = deals.source(index).map { channel(ofSource: $0) }
      let viaLead = lead.map { leadChannel($0) }
      if own == nil, viaLead == nil, deals.outcome[index] == .won { channelless.append(index) }
      switch model {
      case .lead: channels.append(Int32(viaLead ?? own ?? unknown))
      case .deal: channels.append(Int32(own ?? viaLead ?? unknown))
      }
    }
    return (channels, unmatched, firstWins, channelless)
  }

  /// Per referrer, the lead and channel of their earliest referral (then lowest lead id).
  private func referrerChannels() -> [(lead: Int, channel: Int)?] {
    var referrerChannel: [(lead: Int, channel: Int)?] = Array(repeating: nil, count: dataset.referrers.count)
    leads.forEachReferral { index, referrer in
      guard isReferral(leadChannel(index)) else { return }
      if let known = referrerChannel[Int(referrer)] {
        let (day, knownDay) = (leads.created(index), leads.created(known.lead))
        guard day < knownDay || (day == knownDay && leads.index.precedes(index, known.lead)) else { return }
      }
      referrerChannel[Int(referrer)] = (index, leadChannel(index))
    }
    return referrerChannel
  }

  /// The lead an ask names, if it is among the leads.
  func lead(ofAsk ask: Int) -> Int? { askLeads[ask] >= 0 ? Int(askLeads[ask]) : nil }

  /// The lead an answer of the feedback export names (`nil`: none of the leads has its id).
  func lead(ofAnswer answer: Int) -> Int? { answerLeads[answer] >= 0 ? Int(answerLeads[answer]) : nil }

  /// The referrer id of a lead, as written.
  func referrer(ofLead index: Int) -> String? {
    dataset.leadTable.referrer(index).map { dataset.referrers[Int($0)] }
  }

  /// The lead that has the id of the referrer of lead `index`: one step up a referral chain.
  func referringLead(ofLead index: Int) -> Int? {
    leads.referrer(index).flatMap { lead(ofReferrer: $0) }
  }

  /// The lead that has the id of `referrer`, if any.
  @inline(__always)
  func lead(ofReferrer referrer: TextID) -> Int? {
    let lead = referrerLeads[Int(referrer)]
    return lead < 0 ? nil : Int(lead)
  }

  /// Who works deal `index` in the CRM: its own owner, else its lead's; `nil` when neither
  /// export says. A task about the deal goes to them, as a deal's rep is counted in the
  /// scorecards.
  func owner(ofDeal index: Int) -> String? {
    (deals.owner(index) ?? dealLead(index).flatMap { leads.owner($0) }).map { dataset.owners[Int($0)] }
  }

  /// How a referrer is shown: their id, with their name and company when the id is one of the
  /// leads.
  func name(ofReferrer referrer: TextID) -> String {
    RecordName.withID(dataset.referrers[Int(referrer)], person: person(ofReferrer: referrer), company: company(ofReferrer: referrer))
  }

  /// The person of the referrer's own lead; `nil` when the referrer is not one of the leads or
  /// the export names nobody.
  func person(ofReferrer referrer: TextID) -> String? { lead(ofReferrer: referrer).flatMap { person(ofLead: $0) } }

  /// The company of the referrer's own lead; empty when the referrer is not one of the leads.
  func company(ofReferrer referrer: TextID) -> String {
    lead(ofReferrer: referrer).map { company(ofLead: $0) } ?? ""
  }

  /// How a lead is shown as a referrer: its id, with its person and company.
  func name(ofLead lead: Int) -> String {
    RecordName.withID(leads.id(lead), person: person(ofLead: lead), company: company(ofLead: lead))
  }

  func company(ofLead lead: Int) -> String { companyNames[leads.companyID(lead)] }

  /// The lead's person; `nil` when the export names nobody (no name column, or an empty cell).
  func person(ofLead lead: Int) -> String? {
    let name = leads.name(lead)
    return name.isEmpty ? nil : name
  }

  /// Maps every raw source value onto a channel; an unmapped value becomes a channel named
  /// after its alphabetically first spelling, so row order never changes a name.
  private mutating func resolveSources(_ catalogue: Catalogue) {
    var unmappedByKey: [String: [Int]] = [:]
    sourceChannel = Array(repeating: -1, count: dataset.sources.count)
    for (index, raw) in dataset.sources.enumerated() {
      let key = Catalogue.key(raw)
      if key.isEmpty {
        sourceChannel[index] = channelIndex(named: Catalogue.unknown, referral: false)
      } else if let channel = catalogue.channel(for: raw) {
        sourceChannel[index] = channelIndex(named: channel.name, referral: channel.referral)
      } else if Catalogue.unknownValues.contains(key) {
        sourceChannel[index] = channelIndex(named: Catalogue.unknown, referral: false)
      } else {
        unmappedByKey[key, default: []].append(index)
      }
    }
    for key in unmappedByKey.keys.sorted() {
      let spellings = unmappedByKey[key]!
      let name = spellings.map { dataset.sources[$0] }.min()!
      let channel = channelIndex(named: name, referral: false)
      for index in spellings {
        sourceChannel[index] = channel
        unmapped.append((dataset.sources[index], channel))
      }
    }
  }

  private mutating func channelIndex(named name: String, referral: Bool) -> Int {
    if let index = channels.firstIndex(where: { $0.name == name }) { return index }
    channels.append(Catalogue.Channel(name: name, referral: referral))
    isReferralChannel.append(referral)
    return channels.count - 1
  }

  @inline(__always)
  func isReferral(_ channel: Int) -> Bool { isReferralChannel[channel] }

  /// ``firstWins``' value for a lead with no won deal.
  static let noWin = Int32.max

  /// Whether the lead has a won deal (closed at any time in the data).
  func converted(_ lead: Int) -> Bool { firstWins[lead] != Self.noWin }

  /// Whether the lead is a customer by `day`: its first won deal closed on or before it.
  func isCustomer(_ lead: Int, by day: Day) -> Bool { firstWins[lead] <= day.ordinal }

  /// The day the lead's first won deal closed, if it has one.
  func firstWin(ofLead lead: Int) -> Day? { converted(lead) ? Day(ordinal: firstWins[lead]) : nil }

  /// A lead's channel is its source's: looked up through the small source table rather than
  /// kept as one more column of a million entries.
  @inline(__always)
  func leadChannel(_ lead: Int) -> Int { channel(ofSource: leads.source(lead)) }
  /// The channel of a raw source value.
  @inline(__always)
  func channel(ofSource source: TextID) -> Int { sourceChannel[Int(source)] }
  @inline(__always)
  func dealChannel(_ deal: Int) -> Int { Int(dealChannels[deal]) }
  /// The deal payout `index` names, if it is one of the deals.
  func payoutDeal(_ index: Int) -> Int? { payoutDeals[index] < 0 ? nil : Int(payoutDeals[index]) }

  /// The lead deal `deal` resolves to, if any.
  @inline(__always)
  func dealLead(_ deal: Int) -> Int? { dealLeads[deal] < 0 ? nil : Int(dealLeads[deal]) }

  /// The day a deal was won or lost; `nil` while it is open (or when its close is undated).
  func closeDay(ofDeal index: Int) -> Day? { deals.outcome[index] == .open ? nil : deals.closed(index) }

  /// Whole days from a won deal's start (its lead's creation, else its own) to its close.
  func cycleDays(ofDeal index: Int) -> Int? {
    // A lead's own outcome has no close date: it is counted on the lead's day, with no cycle.
    guard !dataset.outcomesFromLeads, let closed = closeDay(ofDeal: index),
      let start = dealLead(index).map({ leads.created($0) }) ?? deals.created(index)
    else { return nil }
    return start.days(to: closed)
  }
}

/// How a lead or referrer is named for whoever acts on it, decided here once for every task file,
/// list and section: the person and the company when the exports have them (`Ana Souza, Juniper
/// Architects`), either alone, else nothing but the record id.
package enum RecordName {
  /// The person and company, comma-separated; empty when the exports have neither.
  package static func label(person: String?, company: String) -> String {
    switch (person, company.isEmpty) {
    case (let person?, false): "\(person), \(company)"
    case (let person?, true): person
    case (nil, _): company
    }
  }

  /// The ``label(person:company:)`` with the record id in brackets (`Ana Souza, Juniper
  /// Architects (L000290)`), or the id alone.
  package static func withID(_ id: String, person: String?, company: String) -> String {
    let label = label(person: person, company: company)
    return label.isEmpty ? id : "\(label) (\(id))"
  }
}
