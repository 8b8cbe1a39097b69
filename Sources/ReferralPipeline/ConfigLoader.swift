import CSVStream
import Foundation
import ReferralAttribution
import ReferralCore
import ReferralImport
import TOMLKit

/// Reads `referral-report.toml` into a ``Configuration``. Every key is optional; an unknown key,
/// a wrong type or an impossible value stops the run with the file, line and key.
package enum ConfigLoader {
  package static let defaultFile = "referral-report.toml"
  /// The environment variable that names the config file when `--config` does not.
  package static let environmentVariable = "REFERRAL_REPORT_CONFIG"

  /// Reads and checks the config file at `file`.
  package static func load(file: String) throws(ConfigError) -> Configuration {
    guard let data = FileManager.default.contents(atPath: file) else {
      throw ConfigError(file: file, message: "cannot read the config file; check the path given to --config", unreadable: true)
    }
    return try parse(String(decoding: data, as: UTF8.self), file: file)
  }

  /// Checks config text; `file` names it in messages.
  package static func parse(_ text: String, file: String) throws(ConfigError) -> Configuration {
    try checkTableHeaders(text, file: file)
    let table: TOMLTable
    do {
      table = try TOMLTable(string: text)
    } catch let error as TOMLParseError {
      throw ConfigError(file: file, line: error.source.begin.line, message: "invalid TOML: \(error.description)")
    } catch {
      throw ConfigError(file: file, message: "invalid TOML: \(error)")
    }
    var root = ConfigTable(table, path: "", source: ConfigSource(file: file, text: text))
    var config = Configuration()
    config.file = file
    if var inputs = try root.subtable("inputs") { try readInputs(&inputs, into: &config) }
    if var report = try root.subtable("report") { try readReport(&report, into: &config) }
    if var rates = try root.subtable("rates") { try readRates(&rates, into: &config) }
    if var models = try root.subtable("attribution") { try readAttribution(&models, into: &config) }
    if var targets = try root.subtable("targets") { try readTargets(&targets, into: &config) }
    if var channels = try root.subtable("channels") { try readChannels(&channels, into: &config) }
    if var fees = try root.subtable("fees") { try readFees(&fees, into: &config) }
    if var stages = try root.subtable("stages") { try readStages(&stages, into: &config) }
    if var asks = try root.subtable("asks") { try readAsks(&asks, into: &config) }
    if var referrers = try root.subtable("referrers") { try readReferrers(&referrers, into: &config) }
    if var feedback = try root.subtable("feedback") { try readFeedback(&feedback, into: &config) }
    if var columns = try root.subtable("columns") { try readColumns(&columns, into: &config) }
    if var formats = try root.subtable("formats") { try readFormats(&formats, into: &config) }
    try root.rejectUnknownKeys()
    return config
  }

  /// Refuses a table header whose name does not start as a key can (`[!a]`, `[ =]`, `[[,a]]`,
  /// `[é]`, a lone `[`): the TOML parser inside TOMLKit 0.6.0 (toml++) reads such a name without
  /// checking its first character, which aborts a debug build on an assertion and is undefined
  /// behaviour in a release one (found by `make fuzz`). A header starts a line; a bare name is
  /// ASCII letters, digits, `_` and `-`, anything else is quoted.
  static func checkTableHeaders(_ text: String, file: String) throws(ConfigError) {
    for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      var rest = line.drop { $0 == " " || $0 == "\t" }
      guard rest.first == "[" else { continue }
      rest = rest.dropFirst()
      if rest.first == "[" { rest = rest.dropFirst() }
      rest = rest.drop { $0 == " " || $0 == "\t" }
      if let first = rest.unicodeScalars.first, first.isASCII,
        first.properties.isAlphabetic || ("0"..."9").contains(first) || "_-\"']".unicodeScalars.contains(first)
      {
        continue
      }
      let found = rest.first.map { "'\($0)'" } ?? "the end of the line"
      throw ConfigError(
        file: file, line: index + 1,
        message: "invalid TOML: a table's name must start with a letter, a digit, '_', '-' or a quote, not \(found); "
          + "quote a name with other characters, e.g. [channels.\"Word of mouth\"]")
    }
  }

  static func readInputs(_ t: inout ConfigTable, into config: inout Configuration) throws(ConfigError) {
    let base = URL(fileURLWithPath: t.source.file).deletingLastPathComponent()
    func resolve(_ path: String?) -> String? {
      guard let path else { return nil }
      if path.hasPrefix("/") { return path }
      // Relative to the config file, as a user expects, but kept relative when it sits in '.'.
      let dir = base.relativePath
      return dir == "." || dir.isEmpty ? path : "\(dir)/\(path)"
    }
    for role in InputRole.allCases { config.inputs[role] = resolve(try t.string(role.rawValue)) }
    if let name = try t.string("preset") {
      guard let preset = Preset(rawValue: name) else {
        throw t.error("preset", "unknown preset '\(name)' (choose \(Preset.names))")
      }
      config.apply(preset)
    }
    try t.rejectUnknownKeys()
  }

  static func readReport(_ t: inout ConfigTable, into config: inout Configuration) throws(ConfigError) {
    if let currency = try t.string("currency") {
      guard currency.count == 3, currency.allSatisfy({ $0.isUppercase && $0.isLetter }) else {
        throw t.error("currency", "'report.currency' must be a three-letter ISO code such as \"USD\", not '\(currency)'")
      }
      config.importOptions.currency = currency
      config.attribution.currency = currency
    }
    if let locale = try t.string("locale") {
      // A language and a region, as BCP 47 writes them (`de-DE`, `fr-CH`, `en-GB`).
      let parts = locale.split(separator: "-", omittingEmptySubsequences: false)
      guard parts.count == 2, parts[0].count == 2, parts[0].allSatisfy({ $0.isLowercase && $0.isLetter }), parts[1].count == 2,
        parts[1].allSatisfy({ $0.isUppercase && $0.isLetter })
      else {
        throw t.error("locale", "'report.locale' must be a language and a region such as \"de-DE\" or \"en-GB\", not '\(locale)'")
      }
      config.attribution.locale = locale
    }
    if let model = try t.string("attribution") {
      guard let parsed = AttributionModel(rawValue: model) else {
        throw t.error("attribution", "'report.attribution' must be \"lead\" or \"deal\", not '\(model)'")
      }
      config.attribution.model = parsed
    }
    if let rate = try t.number("max_reject_rate", in: ConfigLimits.share, what: "a share of rows") { config.maxRejectRate = rate }
    if let output = try t.string("output") { config.outputRoot = output }
    if let margin = try t.number("gross_margin", in: ConfigLimits.share, what: "a share of revenue") { config.attribution.grossMargin = margin }
    if let month = try t.integer("fiscal_year_start", in: ConfigLimits.month) { config.attribution.fiscalYearStart = month }
    if let days = try t.integer("thank_you_days", in: ConfigLimits.days) { config.attribution.thankYouWindowDays = days }
    if let days = try t.integer("ask_window_days", in: ConfigLimits.days) { config.attribution.askWindowDays = days }
    if let days = try t.integer("ask_after_days", in: ConfigLimits.days) { config.attribution.askAfterDays = days }
    if let multiple = try t.number("outlier_multiple", in: ConfigLimits.outlierMultiple) { config.attribution.outlierMultiple = multiple }
    if let cases = try t.integer("min_sample", in: ConfigLimits.minSample) { config.attribution.minSample = cases }
    try t.rejectUnknownKeys()
  }

  /// `[attribution]`: the multi-touch models' lookback and time decay.
  static func readAttribution(_ t: inout ConfigTable, into config: inout Configuration) throws(ConfigError) {
    if let days = try t.integer("lookback_days", in: ConfigLimits.lookbackDays) { config.attribution.lookbackDays = days }
    if let days = try t.number("half_life_days", in: ConfigLimits.halfLifeDays, what: "a number of days") { config.attribution.halfLifeDays = days }
    try t.rejectUnknownKeys()
  }

  static func readRates(_ t: inout ConfigTable, into config: inout Configuration) throws(ConfigError) {
    for code in t.keys {
      guard code.count == 3, code.allSatisfy({ $0.isUppercase && $0.isLetter }) else {
        throw t.error(code, "'rates.\(code)' is not a three-letter currency code such as EUR")
      }
      if let rate = try t.number(code, in: ConfigLimits.rate, what: "a number of \(config.importOptions.currency) per \(code)") {
        config.importOptions.rates[code] = rate
      }
    }
  }

  static func readTargets(_ t: inout ConfigTable, into config: inout Configuration) throws(ConfigError) {
    if let share = try t.number("referral_share", in: ConfigLimits.share, what: "a share of leads") { config.attribution.targetShare = share }
    if let perRep = try t.integer("referral_leads_per_rep_per_month", in: ConfigLimits.leadsPerRepPerMonth) {
      config.attribution.targets.referralLeadsPerRepPerMonth = perRep
    }
    if let leads = try t.integer("referral_leads_per_year", in: ConfigLimits.leadsPerYear) {
      config.attribution.targets.referralLeadsPerYear = leads
    }
    if let share = try t.number("customers_asked_per_year", in: ConfigLimits.share, what: "a share of customers") {
      config.attribution.targets.customersAskedPerYear = share
    }
    if let revenue = try t.number("referral_revenue_per_year", in: ConfigLimits.revenuePerYear, what: "an amount") {
      config.attribution.targets.referralRevenuePerYear = money(revenue)
    }
    // A revenue plan per rep for the fiscal year, keyed by the owner as the exports write it.
    if var reps = try t.subtable("reps") {
      for owner in reps.keys {
        guard let plan = try reps.number(owner, in: ConfigLimits.revenuePerYear, what: "an amount") else { continue }
        config.attribution.targets.repRevenuePerYear[owner] = money(plan)
      }
    }
    try t.rejectUnknownKeys()
  }

  static func readChannels(_ t: inout ConfigTable, into config: inout Configuration) throws(ConfigError) {
    for name in t.keys {
      // A blank channel would take the empty source values from Unknown and name a row "".
      guard !name.allSatisfy(\.isWhitespace) else {
        throw t.error(name, "a channel's name under [channels] must be a string that is not empty, not \"\(name)\"")
      }
      guard var channel = try t.subtable(name) else { continue }
      let referral = try channel.bool("referral") ?? false
      let aliases = try channel.strings("aliases") ?? []
      try channel.rejectUnknownKeys()
      config.map(channel: name, referral: referral, aliases: aliases)
    }
  }

  /// The keys of `[fees]` that are settings, not referral channels' fee rules.
  static let feeSettings: Set<String> = ["duplicate_days", "pay_ineligible", "staff"]

  static func readFees(_ t: inout ConfigTable, into config: inout Configuration) throws(ConfigError) {
    if let days = try t.integer("duplicate_days", in: ConfigLimits.duplicateDays) { config.attribution.duplicateDays = days }
    if let pay = try t.bool("pay_ineligible") { config.attribution.payIneligible = pay }
    // The staff share per credited role: `[fees.staff."Service"] share_of_won`, `per_won_deal`.
    if var staff = try t.subtable("staff") {
      for role in staff.keys {
        guard var share = try staff.subtable(role) else { continue }
        var rule = StaffShareRule()
        if let value = try share.number("share_of_won", in: ConfigLimits.share, what: "a share of the won amount") { rule.shareOfWon = value }
        if let value = try share.number("per_won_deal", in: ConfigLimits.feePerWonDeal, what: "an amount") { rule.perWonDeal = money(value) }
        try share.rejectUnknownKeys()
        // Roles are matched ignoring case, so two spellings of one role would silently drop one.
        if let other = staff.keys.first(where: { $0 < role && $0.lowercased() == role.lowercased() }) {
          throw staff.error(
            role, "'fees.staff' names one role twice, as '\(other)' and '\(role)' (roles are matched ignoring case): keep one of them")
        }
        config.attribution.staffShares[role.lowercased()] = rule
      }
    }
    for name in t.keys where !feeSettings.contains(name) {
      guard var fee = try t.subtable(name) else { continue }
      var rule = FeeRule()
      if let value = try fee.number("per_lead", in: ConfigLimits.feePerLead, what: "an amount") { rule.perLead = money(value) }
      if let value = try fee.number("per_won_deal", in: ConfigLimits.feePerWonDeal, what: "an amount") { rule.perWonDeal = money(value) }
      if let value = try fee.number("share_of_won", in: ConfigLimits.share, what: "a share of the won amount") { rule.shareOfWon = value }
      if let value = try fee.number("cap_per_deal", in: ConfigLimits.capPerDeal, what: "an amount") { rule.capPerDeal = money(value) }
      try fee.rejectUnknownKeys()
      guard config.attribution.catalogue.channels.contains(where: { $0.name == name && $0.referral }) else {
        throw t.error(name, "fees for '\(name)', which is not a referral channel of the catalogue; add it under [channels.\"\(name)\"] with referral = true")
      }
      config.attribution.feeRules[name] = rule
    }
  }

  /// `[referrers] top_share`: the share of earning referrers the report watches.
  static func readReferrers(_ t: inout ConfigTable, into config: inout Configuration) throws(ConfigError) {
    if let share = try t.number("top_share", in: ConfigLimits.topShare, what: "a share of referrers") { config.attribution.referrerTopShare = share }
    try t.rejectUnknownKeys()
  }

  /// `[feedback]`: the survey's scale, how long an answer stays valid, and whether passives are asked.
  static func readFeedback(_ t: inout ConfigTable, into config: inout Configuration) throws(ConfigError) {
    if let name = try t.string("scale") {
      guard let scale = FeedbackScale(rawValue: name) else {
        throw t.error("scale", "'feedback.scale' must be \"nps\" (0 to 10) or \"csat\" (1 to 5), not '\(name)'")
      }
      config.importOptions.feedbackScale = scale
    }
    if let days = try t.integer("valid_days", in: ConfigLimits.feedbackValidDays) { config.attribution.feedbackValidDays = days }
    if let ask = try t.bool("ask_passives") { config.attribution.askPassives = ask }
    try t.rejectUnknownKeys()
  }

  /// `[asks] activities`: which rows of an activity export are referral requests.
  static func readAsks(_ t: inout ConfigTable, into config: inout Configuration) throws(ConfigError) {
    if let activities = try t.strings("activities") { config.importOptions.askActivities = activities }
    try t.rejectUnknownKeys()
  }

  static func readStages(_ t: inout ConfigTable, into config: inout Configuration) throws(ConfigError) {
    for outcome in DealOutcome.allCases {
      if let values = try t.stageValues(outcome.rawValue) { config.map(stages: values, as: outcome) }
    }
    try t.rejectUnknownKeys()
  }

  static func readColumns(_ t: inout ConfigTable, into config: inout Configuration) throws(ConfigError) {
    for role in InputRole.allCases {
      guard var columns = try t.subtable(role.rawValue) else { continue }
      for (field, required) in role.fields {
        switch try columns.column(field.rawValue) {
        case .header(let header): config.map(field, role: role, header: header)
        case .absent:
          // A leads export without dates is reported on whole with --all, not declared.
          guard !required else {
            let instead = field == .createdAt ? "; a lead list without dates is reported on whole with --all" : ""
            throw columns.error(field.rawValue, "'\(columns.qualified(field.rawValue))' cannot be false: every \(role.rawValue) export needs it\(instead)")
          }
          config.declareAbsent(field, role: role)
        case nil: break
        }
      }
      try columns.rejectUnknownKeys()
    }
    try t.rejectUnknownKeys()
  }

  static func readFormats(_ t: inout ConfigTable, into config: inout Configuration) throws(ConfigError) {
    for role in InputRole.allCases {
      guard var formats = try t.subtable(role.rawValue) else { continue }
      for (field, _) in role.fields where field.isDate {
        guard let text = try formats.string(field.rawValue) else { continue }
        guard let format = DateFormat(rawValue: text) else {
          let known = DateFormat.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
          throw formats.error(field.rawValue, "unknown date format '\(text)' (use one of \(known))")
        }
        config.importOptions.dateFormats[role, default: [:]][field] = format
      }
      if let text = try formats.string("decimal") {
        guard let separator = DecimalSeparator(rawValue: text) else {
          throw formats.error("decimal", "'decimal' must be \".\" or \",\", not '\(text)'")
        }
        config.importOptions.decimalSeparators[role] = separator
      }
      if let sheet = try formats.string("sheet") { config.importOptions.sheets[role] = sheet }
      var dialect = config.importOptions.dialects[role] ?? CSVDialect()
      if let text = try formats.string("encoding") {
        guard let encoding = CSVDialect.Encoding(rawValue: text.lowercased()) else {
          let known = CSVDialect.Encoding.allCases.map(\.rawValue).joined(separator: ", ")
          throw formats.error("encoding", "unknown encoding '\(text)' (use one of \(known))")
        }
        dialect.encoding = encoding
      }
      if let text = try formats.string("delimiter") {
        guard text.utf8.count == 1, let byte = text.utf8.first, [0x2C, 0x3B, 0x09, 0x7C].contains(byte) else {
          throw formats.error("delimiter", "'delimiter' must be \",\", \";\", \"|\" or \"\\t\", not '\(text)'")
        }
        dialect.delimiter = byte
      }
      config.importOptions.dialects[role] = dialect
      try formats.rejectUnknownKeys()
    }
    try t.rejectUnknownKeys()
  }

  static func money(_ value: Double) -> Money { Money(minorUnits: Int64((value * 100).rounded())) }
}

extension Field {
  var isDate: Bool { [.createdAt, .closedAt, .lostAt, .paidAt, .thankedAt, .month, .askedAt, .touchedAt, .givenAt].contains(self) }
}
