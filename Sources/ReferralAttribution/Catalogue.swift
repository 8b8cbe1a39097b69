/// The source catalogue: raw CRM source values mapped through aliases onto channels.
///
/// Values are compared by ``Catalogue/key(_:)`` (trimmed, case-folded, `_` and `-` read as
/// spaces, runs of spaces collapsed), so "Customer_Referral " and "customer referral" agree.
package struct Catalogue: Sendable, Equatable {
  package struct Channel: Sendable, Equatable {
    package var name: String
    /// Counted in referral share, fee rules and the referral programme.
    package var referral: Bool

    package init(name: String, referral: Bool) {
      self.name = name
      self.referral = referral
    }
  }

  package private(set) var channels: [Channel] = []
  private var aliases: [String: Int] = [:]

  package init() {}

  /// The channel that empty source values fall into.
  package static let unknown = "Unknown"

  /// Source values (as keys) that say the source is not known: they fall into ``unknown``
  /// too, unless an alias routes them elsewhere. A CRM writes "(none)" or "n/a" where a user
  /// left the field empty; a literal `unknown` must not become a channel beside `Unknown`.
  package static let unknownValues: Set<String> = ["unknown", "n/a", "na", "none", "(none)", "not set", "(not set)", "null", "?"]

  /// Adds a channel (or updates it) and routes `aliases` and its own name to it; later aliases
  /// win, so a config or preset can re-route a value of the built-in catalogue.
  package mutating func add(_ name: String, referral: Bool, aliases newAliases: [String] = []) {
    let index: Int
    if let existing = channels.firstIndex(where: { $0.name == name }) {
      channels[existing].referral = referral
      index = existing
    } else {
      channels.append(Channel(name: name, referral: referral))
      index = channels.count - 1
    }
    for alias in [name] + newAliases { aliases[Self.key(alias)] = index }
  }

  /// The values (as keys) that map onto `channel`, sorted: its own name and its aliases.
  package func aliases(of channel: String) -> [String] {
    guard let index = channels.firstIndex(where: { $0.name == channel }) else { return [] }
    return aliases.filter { $0.value == index }.map(\.key).sorted()
  }

  /// The catalogued channel of a raw value, or `nil` when no alias matches.
  package func channel(for raw: String) -> Channel? {
    aliases[Self.key(raw)].map { channels[$0] }
  }

  /// The comparison key of a raw source value.
  package static func key(_ raw: String) -> String {
    var words: [Substring] = []
    for word in raw.lowercased().split(whereSeparator: { $0 == " " || $0 == "_" || $0 == "-" || $0.isWhitespace }) {
      words.append(word)
    }
    return words.joined(separator: " ")
  }

  /// Built in: customer, partner and employee referrals as referral channels, and the usual
  /// marketing and sales channels.
  package static let standard: Catalogue = {
    var catalogue = Catalogue()
    catalogue.add(
      "Referral", referral: true,
      aliases: [
        "customer referral", "client referral", "referral", "referrals", "referred", "reference",
        "customer reference", "word of mouth", "wom", "referral program", "referral programme",
      ])
    catalogue.add(
      "Partner Referral", referral: true,
      aliases: ["partner", "partner referral", "partners", "reseller", "reseller referral", "channel partner", "affiliate"])
    catalogue.add(
      "Employee Referral", referral: true,
      aliases: ["employee", "employee referral", "internal referral", "staff referral"])
    catalogue.add("Paid Search", referral: false, aliases: ["ppc", "sem", "google ads", "adwords", "bing ads", "paid search", "cpc"])
    catalogue.add("Organic Search", referral: false, aliases: ["seo", "organic", "organic search", "google", "search"])
    catalogue.add("Paid Social", referral: false, aliases: ["paid social", "linkedin ads", "facebook ads", "meta ads"])
    catalogue.add("Social", referral: false, aliases: ["social", "social media", "organic social", "linkedin", "twitter", "facebook"])
    catalogue.add("Email", referral: false, aliases: ["email", "e mail", "email marketing", "newsletter", "email campaign"])
    catalogue.add("Events", referral: false, aliases: ["event", "events", "trade show", "tradeshow", "conference", "webinar", "seminar"])
    catalogue.add("Outbound", referral: false, aliases: ["outbound", "cold call", "cold email", "prospecting", "sdr", "outbound sales"])
    catalogue.add("Direct", referral: false, aliases: ["direct", "direct traffic", "website", "web", "inbound", "web form"])
    return catalogue
  }()
}
