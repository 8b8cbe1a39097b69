import Foundation

/// Exports of a shape the project's own generator does not make, so that `make bench` measures
/// more than the data the tool was tuned on (#39): a Salesforce org's Leads and Opportunities
/// reports, exported as CSV by a user whose locale writes ISO dates (en_CA), with the report's
/// column labels as headers (`--preset salesforce` reads them without a config). Two years of
/// leads (`L0000001`-style ids, 7 columns) of which one in five names its referrer (an earlier
/// lead), 12 raw `Lead Source` values typed with stray spaces and case, 40 owners, about 900
/// companies; about 0.3 opportunities per lead (9 columns), all in USD. No spend, payouts or
/// asks: a CRM export alone. Its own random stream (PCG32), so that changing the sample
/// generator never changes these files, and the same size always gives the same bytes.
struct ForeignExports {
  let leadCount: Int

  /// The raw source values, as people type them into a picklist-less field: the catalogue
  /// maps each onto a channel (the trailing and leading spaces and case are the point).
  static let sources = [
    "Web", " web", "Customer Referral", "customer referral ", "Partner", "PARTNER REFERRAL", "Trade Show", "Email", "email ",
    "Paid Search", "Google Ads", "Word of mouth",
  ]
  static let stages = ["Closed Won", "Closed Lost", "Negotiation/Review", "Proposal/Price Quote", "Qualification"]
  static let owners: [String] = {
    let first = ["Alex", "Blair", "Casey", "Dana", "Eli", "Fran", "Gale", "Harper", "Indy", "Jules"]
    let last = ["Moreau", "Okafor", "Lindqvist", "Tanaka"]
    return last.flatMap { surname in first.map { "\($0) \(surname)" } }
  }()
  static let companies: [String] = {
    let stems = [
      "Acme", "Birch", "Cobalt", "Delta", "Ember", "Fjord", "Granite", "Harbor", "Iris", "Juniper", "Kite", "Lumen", "Maple", "Nimbus", "Orchid",
      "Pioneer", "Quartz", "Ridge", "Summit", "Tidal", "Umber", "Vertex", "Willow", "Xeno", "Yarrow", "Zephyr", "Atlas", "Beacon", "Crest", "Dune",
    ]
    let kinds = ["Logistics", "Bakery", "Dental", "Analytics", "Builders", "Foods", "Legal", "Studio", "Motors", "Health"]
    let suffixes = ["Ltd", "Inc.", "GmbH"]
    // 30 × 10 × 3 = 900 names; "Acme Logistics, Inc." carries a comma, so some fields are quoted.
    return stems.flatMap { stem in kinds.flatMap { kind in suffixes.map { "\(stem) \(kind), \($0)" } } }
  }()

  /// The first day of the two years of data and how many days they span (to 2026-10-31).
  static let firstDay = DateComponents(calendar: Calendar(identifier: .gregorian), timeZone: TimeZone(identifier: "UTC"), year: 2024, month: 11, day: 1)
  static let dayCount = 730

  /// Writes `leads.csv` and `deals.csv` into `folder`, and `referral-report.toml`: the preset
  /// and the report's currency, the only things a user of such exports would configure.
  func write(to folder: String) throws {
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    var random = PCG32(seed: 0x5A1E_5F0C)
    let days = Self.days()
    let leads = try BufferedFile(path: "\(folder)/leads.csv")
    let deals = try BufferedFile(path: "\(folder)/deals.csv")
    leads.append("Lead ID,Create Date,Lead Source,Lead Owner,Company / Account,Referred By ID,Lead Status\n")
    deals.append("Opportunity ID,Lead ID,Stage,Amount,Opportunity Currency,Created Date,Close Date,Opportunity Owner,Lead Source\n")
    var dealNumber = 0
    for number in 1...leadCount {
      // Leads arrive in date order, as a report sorted by Create Date exports them.
      let day = (number - 1) * Self.dayCount / leadCount
      let id = Self.id("L", number)
      let source = Self.sources[random.below(Self.sources.count)]
      let owner = Self.owners[random.below(Self.owners.count)]
      let company = Self.companies[random.below(Self.companies.count)]
      let referrer = number > 1 && random.below(5) == 0 ? Self.id("L", 1 + random.below(number - 1)) : ""
      let status = ["Open", "Working", "Converted", "Unqualified"][random.below(4)]
      leads.append("\(id),\(days[day]),\(source),\(owner),\"\(company)\",\(referrer),\(status)\n")
      // Three leads in ten become an opportunity, opened within a month and closed (or not yet)
      // within three more; an opportunity's own Lead Source is filled in half the time.
      guard random.below(10) < 3 else { continue }
      dealNumber += 1
      let opened = min(day + random.below(30), Self.dayCount - 1)
      let closed = min(opened + random.below(90), Self.dayCount - 1)
      let stage = Self.stages[random.below(Self.stages.count)]
      let cents = 50_000 + random.below(4_950_000)
      let dealSource = random.below(2) == 0 ? source : ""
      deals.append(
        "\(Self.id("O", dealNumber)),\(id),\(stage),\(cents / 100).\(String(format: "%02d", cents % 100)),USD,\(days[opened]),\(days[closed]),"
          + "\(Self.owners[random.below(Self.owners.count)]),\(dealSource)\n")
    }
    try leads.close()
    try deals.close()
    let config =
      "# Written by make bench: a Salesforce org's Leads and Opportunities reports, in USD.\n[inputs]\npreset = \"salesforce\"\n\n[report]\ncurrency = \"USD\"\n"
    try config.write(toFile: "\(folder)/referral-report.toml", atomically: true, encoding: .utf8)
  }

  /// `L0000001`: the letter and seven digits.
  static func id(_ letter: String, _ number: Int) -> String {
    let digits = String(number)
    return letter + String(repeating: "0", count: max(0, 7 - digits.count)) + digits
  }

  /// Every day of the span as `YYYY-MM-DD`, made once.
  static func days() -> [String] {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    let start = calendar.date(from: firstDay)!
    return (0..<dayCount).map { offset in
      let parts = calendar.dateComponents([.year, .month, .day], from: calendar.date(byAdding: .day, value: offset, to: start)!)
      return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
    }
  }
}

/// PCG32 (O'Neill's permuted congruential generator): a stream of its own, unrelated to the
/// sample generator's SplitMix.
struct PCG32 {
  private var state: UInt64
  private let increment: UInt64 = 1_442_695_040_888_963_407

  init(seed: UInt64) {
    state = 0
    _ = next()
    state &+= seed
    _ = next()
  }

  mutating func next() -> UInt32 {
    let old = state
    state = old &* 6_364_136_223_846_793_005 &+ increment
    let shifted = UInt32(truncatingIfNeeded: ((old >> 18) ^ old) >> 27)
    let rotation = UInt32(truncatingIfNeeded: old >> 59)
    return shifted >> rotation | shifted << ((~rotation &+ 1) & 31)
  }

  /// A number in `0..<bound` (bound well below 2³², so the modulo's bias does not matter here).
  mutating func below(_ bound: Int) -> Int { Int(next()) % bound }
}

/// Text appended to a file through a megabyte buffer: millions of rows without a write each.
final class BufferedFile {
  private let handle: FileHandle
  private var buffer: [UInt8] = []

  init(path: String) throws {
    guard FileManager.default.createFile(atPath: path, contents: nil) else { throw CocoaError(.fileWriteUnknown) }
    handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
    buffer.reserveCapacity(1 << 20)
  }

  func append(_ text: String) {
    buffer.append(contentsOf: text.utf8)
    if buffer.count >= 1 << 20 { flush() }
  }

  private func flush() {
    handle.write(Data(buffer))
    buffer.removeAll(keepingCapacity: true)
  }

  func close() throws {
    flush()
    try handle.close()
  }
}
