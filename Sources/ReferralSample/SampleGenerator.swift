import CSVStream
import Foundation
import ReferralCore

/// Generates realistic CRM exports of a fictional company in the generic layout: all four
/// inputs, with the mess real exports have (source spellings, quoted names with commas and line
/// breaks, several currencies, a few bad rows), referrers and chains of referrals.
///
/// Deterministic: the same counts, seed and last month give the same bytes.
package struct SampleGenerator: Sendable {
  package var leadCount: Int
  package var seed: UInt64
  /// The last month of data; the exports cover the 14 months up to it.
  package var lastMonth: Month
  package var months = 14
  /// Share of rows made deliberately bad (at least one per file unless 0), to exercise rejects.
  package var badRowRate = 0.002
  /// Marketing and sales touches per lead, on average (touches.csv): the benchmark asks for 10.
  package var touchesPerLead = 6

  /// Exchange rates the generated fees assume; the sample config must say the same.
  package static let rates = ["EUR": 1.08, "GBP": 1.27]

  package init(leadCount: Int, seed: UInt64 = 1, lastMonth: Month = Month(year: 2026, month: 10)!) {
    self.leadCount = leadCount
    self.seed = seed
    self.lastMonth = lastMonth
  }

  /// Writes leads.csv, deals.csv, spend.csv, payouts.csv, asks.csv, feedback.csv and touches.csv into `folder`.
  package func write(to folder: String) throws {
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    var world = World(generator: self)
    try world.run(folder: folder)
  }
}

/// The state of one generation run.
private struct World {
  let generator: SampleGenerator
  var random: SplitMix
  /// The referral requests' own draws: asks.csv never changes what the other files hold.
  var askRandom: SplitMix
  /// The touches' own draws, like the asks': touches.csv never changes the other files.
  var touchRandom: SplitMix
  var nextTouch = 1
  /// The referral requests, written once the deals are made.
  var asks: [[String]] = []
  /// The feedback survey's own draws: feedback.csv never changes what the other files hold.
  var feedbackRandom: SplitMix
  /// The survey's answers, written once the deals are made.
  var answers: [[String]] = []
  let firstDay: Day
  let lastDay: Day
  let idWidth: Int
  var customers: [String] = []
  var customersFrom: [Int32: [String]] = [:]
  var nextDeal = 1
  var nextPayout = 1

  init(generator: SampleGenerator) {
    self.generator = generator
    random = SplitMix(seed: generator.seed)
    askRandom = SplitMix(seed: generator.seed ^ 0x6173_6B73)
    feedbackRandom = SplitMix(seed: generator.seed ^ 0x6E70_7321)
    touchRandom = SplitMix(seed: generator.seed ^ 0x746F_7563)
    firstDay = generator.lastMonth.adding(months: 1 - generator.months).firstDay
    lastDay = generator.lastMonth.lastDay
    idWidth = max(6, String(generator.leadCount * 2).count)
  }

  func id(_ prefix: String, _ number: Int) -> String {
    let digits = String(number)
    return prefix + String(repeating: "0", count: max(0, idWidth - digits.count)) + digits
  }

  mutating func run(folder: String) throws {
    var leads = try Output(path: folder + "/leads.csv", header: ["lead_id", "created_at", "source", "owner", "referrer_id", "company", "thanked_at"])
    var deals = try Output(
      path: folder + "/deals.csv", header: ["deal_id", "lead_id", "stage", "amount", "currency", "created_at", "closed_at", "owner", "source"])
    var payouts = try Output(path: folder + "/payouts.csv", header: ["payout_id", "paid_at", "referrer_id", "deal_id", "kind", "amount", "currency"])
    var touches = try Output(path: folder + "/touches.csv", header: ["touch_id", "lead_id", "touched_at", "channel", "campaign", "kind"])

    // Creation days, growing towards the end of the range, in order.
    let span = firstDay.days(to: lastDay)
    var days = (0..<generator.leadCount).map { _ in
      Int32(Double(span) * pow(Double(random.next() >> 11) / Double(1 << 53), 0.8))
    }
    days.sort()
    let badEvery = generator.badRowRate > 0 ? max(50, Int(1 / generator.badRowRate)) : Int.max
    var lastGoodLead = ""

    for (index, offset) in days.enumerated() {
      let created = firstDay.adding(days: Int(offset))
      releaseCustomers(upTo: created)
      let leadID = id("L", index + 1)
      let channel = random.pick(SampleProfile.channels.map { ($0, $0.share) })
      let source = random.pick(channel.spellings)
      let owner = random.pick(SampleProfile.reps)
      var referrer = ""
      var thanked = ""
      if channel.referral {
        if channel.spendName == "Employee Referral" {
          referrer = "EMP-\(random.int(1...12))"
        } else if customers.isEmpty || random.chance(0.2) {
          referrer = "CUST-\(random.int(100...160))"  // a customer from before the exports begin
        } else {
          referrer = random.pick(customers)
          // Many such referrals answer an ask a few days before.
          if askRandom.chance(0.4) { asks.append([created.adding(days: -askRandom.int(1...20)).description, referrer, owner, "referred"]) }
        }
        if !referrer.isEmpty {
          switch random.int(0...99) {
          case 0..<78: thanked = created.adding(days: random.int(0...2)).description
          case 78..<90: thanked = created.adding(days: random.int(3...9)).description
          default: break
          }
          if let day = Day(iso: thanked), day <= lastDay, channel.spendName == "Customer Referral", random.chance(0.5) {
            payouts.write([id("P", nextPayout), thanked, referrer, "", "gift", "50.00", "USD"])
            nextPayout += 1
          }
        }
      }
      let company = makeCompany()
      let bad = badEvery != .max && index % badEvery == badEvery / 2
      if bad && index % 2 == 0 {
        leads.write([leadID, "\(created.components.year)-02-30", source, owner, referrer, company, ""])  // impossible date
      } else if bad {
        leads.write([lastGoodLead, created.description, source, owner, referrer, company, thanked])  // duplicate id
      } else {
        leads.write([leadID, created.description, source, owner, referrer, company, thanked])
        lastGoodLead = leadID
      }
      if !bad {
        touch(leadID, created: created, channel: channel, source: source, broken: badEvery != .max && index % badEvery == badEvery / 4, into: &touches)
      }
      if !bad, random.chance(channel.dealChance) {
        makeDeal(leadID: leadID, leadCreated: created, channel: channel, source: source, owner: owner, referrer: referrer, deals: &deals, payouts: &payouts)
      }
      // Deals without a lead (sold directly), now and then one naming a lead that is not exported.
      if random.chance(0.03) {
        let orphan = random.chance(0.2) ? id("X", index + 1) : ""
        makeDeal(leadID: orphan, leadCreated: created, channel: channel, source: source, owner: owner, referrer: "", deals: &deals, payouts: &payouts)
      }
      if badEvery != .max, index % badEvery == badEvery / 3 {
        deals.write([id("D", nextDeal), leadID, "Pending Legal Review", "1200.00", "USD", created.description, "", owner, source])
        nextDeal += 1
      }
    }
    payouts.write([id("P", nextPayout), lastDay.adding(days: -3).description, "L000000", id("D", 999_999), "fee", "250.00", "USD"])
    try leads.close()
    try deals.close()
    try payouts.close()
    try touches.close()
    try writeSpend(path: folder + "/spend.csv")
    var askFile = try Output(path: folder + "/asks.csv", header: ["ask_id", "asked_at", "lead_id", "owner", "outcome"])
    for (number, ask) in asks.sorted(by: { ($0[0], $0[1]) < ($1[0], $1[1]) }).enumerated() { askFile.write([id("A", number + 1)] + ask) }
    try askFile.close()
    try writeFeedback(path: folder + "/feedback.csv")
  }

  /// The answers by day, then lead, then score, with a bad row after every so many (at the bad
  /// row rate, as the other files): a score off the scale, then an answer without a date.
  mutating func writeFeedback(path: String) throws {
    var file = try Output(path: path, header: ["lead_id", "answered_at", "score", "comment"])
    let badEvery = generator.badRowRate > 0 ? max(50, Int(1 / generator.badRowRate)) : Int.max
    let sorted = answers.sorted { ($0[1], $0[0], $0[2]) < ($1[1], $1[0], $1[2]) }
    for (number, answer) in sorted.enumerated() {
      file.write(answer)
      guard (number + 1) % badEvery == 0 else { continue }
      file.write((number / badEvery) % 2 == 0 ? [answer[0], answer[1], "11", ""] : [answer[0], "", answer[2], ""])
    }
    try file.close()
  }

  /// Some customers answer the NPS survey a month to half a year after their win, most of them
  /// happy; a detractor sometimes says why, and a few answer again months later.
  mutating func answer(_ leadID: String, after closed: Day) {
    guard feedbackRandom.chance(0.6) else { return }
    var day = closed.adding(days: feedbackRandom.int(30...200))
    while day <= lastDay {
      let score = feedbackRandom.pick([(10, 3.0), (9, 3), (8, 2), (7, 1.5), (6, 1), (5, 0.5), (3, 0.5), (0, 0.3)])
      let comment =
        score <= 6 && feedbackRandom.chance(0.6)
        ? feedbackRandom.pick(["Onboarding took too long", "Support is slow to answer", "Invoices were wrong twice", "Missing the export we need"])
        : score >= 9 && feedbackRandom.chance(0.2) ? feedbackRandom.pick(["Great team", "Does what we need, and fast"]) : ""
      answers.append([leadID, day.description, String(score), comment])
      guard feedbackRandom.chance(0.3) else { return }
      day = day.adding(days: feedbackRandom.int(120...240))
    }
  }

  /// A lead's marketing and sales touches, from 45 days before its creation (a referral lead's
  /// from its creation) to 120 after, in time order: ads and searches, newsletters, webinars; a lead of a marketing channel often
  /// has its own source among the touches before it was created. `broken`: one touch's date is
  /// impossible (a row to reject).
  mutating func touch(_ leadID: String, created: Day, channel: ChannelProfile, source: String, broken: Bool, into file: inout Output) {
    var rows: [(day: Day, fields: [String])] = []
    for _ in 0..<touchRandom.int(0...(2 * generator.touchesPerLead)) {
      // A referral starts its lead's journey: the marketing touches come after it.
      let day = created.adding(days: channel.referral ? touchRandom.int(0...120) : touchRandom.int(-45...120))
      guard firstDay <= day, day <= lastDay else { continue }
      if !channel.referral, !source.isEmpty, day <= created, touchRandom.chance(0.5) {
        rows.append((day, [source, "", "form_submission"]))
      } else {
        let (raw, campaign, kind) = touchRandom.pick(SampleProfile.touches.map { (($0.raw, $0.campaign, $0.kind), $0.weight) })
        rows.append((day, [raw, campaign, kind]))
      }
    }
    for (number, row) in rows.sorted(by: { $0.day < $1.day }).enumerated() {
      let day = broken && number == 0 ? "\(row.day.components.year)-02-30" : row.day.description
      file.write([id("T", nextTouch), leadID, day] + row.fields)
      nextTouch += 1
    }
  }

  mutating func makeDeal(
    leadID: String, leadCreated: Day, channel: ChannelProfile, source: String, owner: String, referrer: String,
    deals: inout Output, payouts: inout Output
  ) {
    let dealID = id("D", nextDeal)
    nextDeal += 1
    let created = leadCreated.adding(days: random.int(1...14))
    let closed = created.adding(days: random.int(channel.cycle))
    let currency = random.pick([("USD", 85.0), ("EUR", 10), ("GBP", 5)])
    let amount = Money(minorUnits: Int64(random.int(channel.amount) / 10 * 1000 + (random.chance(0.2) ? 50 : 0)))
    let ownSource = leadID.isEmpty || random.chance(0.3) ? source : ""
    let stage: String
    var won = false
    if closed > lastDay || created > lastDay {
      stage = random.pick(["Negotiation", "Proposal", "Qualification"])
      deals.write([dealID, leadID, stage, amount.description, currency, min(created, lastDay).description, "", owner, ownSource])
      return
    } else if random.chance(channel.winChance) {
      stage = random.pick([("Closed Won", 6.0), ("closed_won", 1), ("Won", 1)])
      won = true
    } else {
      stage = random.pick([("Closed Lost", 5.0), ("Lost", 1)])
    }
    deals.write([dealID, leadID, stage, amount.description, currency, created.description, closed.description, owner, ownSource])
    if !leadID.isEmpty { ask(leadID, after: closed, won: won, owner: owner) }
    guard won, !leadID.isEmpty else { return }
    customersFrom[closed.ordinal, default: []].append(leadID)
    answer(leadID, after: closed)
    guard !referrer.isEmpty else { return }
    // Referral fees per the sample config: 10% capped at 1,500 (customer), 15% (partner), 500 flat (employee).
    let usd = Money(minorUnits: amount.minorUnits).multiplied(by: SampleGenerator.rates[currency] ?? 1)
    let fee: Money
    switch channel.spendName {
    case "Customer Referral": fee = min(usd.multiplied(by: 0.10), Money(minorUnits: 150_000))
    case "Partner Referral": fee = usd.multiplied(by: 0.15)
    default: fee = Money(minorUnits: 50_000)
    }
    let paid = closed.adding(days: random.int(5...25))
    if paid <= lastDay, random.chance(0.85) {
      payouts.write([id("P", nextPayout), paid.description, referrer, dealID, "fee", fee.description, "USD"])
      nextPayout += 1
    }
  }

  /// Most customers are asked for a referral some weeks after their win, and some lost prospects
  /// soon after the loss ("who would be a better fit?").
  mutating func ask(_ leadID: String, after closed: Day, won: Bool, owner: String) {
    guard askRandom.chance(won ? 0.7 : 0.2) else { return }
    let asked = closed.adding(days: won ? askRandom.int(20...120) : askRandom.int(1...10))
    guard asked <= lastDay else { return }
    let outcome = askRandom.pick([("", 4.0), ("referred", 2), ("declined", 2), ("later", 1)])
    asks.append([asked.description, leadID, owner, outcome])
  }

  /// Won customers become referrers from the day their deal closed.
  mutating func releaseCustomers(upTo day: Day) {
    guard !customersFrom.isEmpty else { return }
    for key in customersFrom.keys.sorted() where key <= day.ordinal {
      customers.append(contentsOf: customersFrom.removeValue(forKey: key)!)
    }
  }

  mutating func makeCompany() -> String {
    var name = random.pick(SampleProfile.companyStems) + " " + random.pick(SampleProfile.companyKinds) + random.pick(SampleProfile.companySuffixes)
    if random.chance(0.02) { name = "The \"Original\" " + name }
    if random.chance(0.01) { name += "\nAccounts Payable" }
    return name
  }

  mutating func writeSpend(path: String) throws {
    var spend = try Output(path: path, header: ["month", "source", "amount", "currency"])
    var month = firstDay.month
    while month <= generator.lastMonth {
      for channel in SampleProfile.channels where channel.monthlySpend.upperBound > 0 {
        let amount = Money(minorUnits: Int64(random.int(channel.monthlySpend) / 50 * 5000))
        if channel.spendName == "Events", random.chance(0.3) {
          let eur = Money(minorUnits: amount.minorUnits).multiplied(by: 1 / 1.08)
          spend.write([month.description, channel.spendName, Money(minorUnits: eur.minorUnits / 100 * 100).description, "EUR"])
        } else {
          spend.write([month.description, channel.spendName, amount.description, "USD"])
        }
      }
      month = month.adding(months: 1)
    }
    try spend.close()
  }
}

/// A CSV file written in large blocks.
private struct Output {
  let handle: FileHandle
  var buffer: [UInt8] = []

  init(path: String, header: [String]) throws {
    guard FileManager.default.createFile(atPath: path, contents: nil) else {
      throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
    }
    handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
    buffer.reserveCapacity(1 << 20)
    write(header)
  }

  mutating func write(_ fields: [String]) {
    CSVWriting.append(record: fields, to: &buffer, terminator: "\n")
    if buffer.count >= 1 << 20 { flush() }
  }

  mutating func flush() {
    handle.write(Data(buffer))
    buffer.removeAll(keepingCapacity: true)
  }

  mutating func close() throws {
    flush()
    try handle.close()
  }
}
