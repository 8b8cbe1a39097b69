import CSVStream
import ReferralAttribution
import ReferralCore
import ReferralImport
import ReferralPipeline
import Testing

@Suite struct ConfigLoaderTests {
  func load(_ text: String) throws(ConfigError) -> Configuration { try ConfigLoader.parse(text, file: "c.toml") }

  @Test func noConfigMeansTheSpecsDefaults() throws {
    let config = try load("")
    #expect(config.attribution.targetShare == 0.41)
    #expect(config.attribution.grossMargin == 1)
    #expect(config.attribution.thankYouWindowDays == 2)
    #expect(config.attribution.fiscalYearStart == 1)
    #expect(config.attribution.targets.referralLeadsPerRepPerMonth == 5)
    #expect(config.maxRejectRate == 0.01)
    #expect(config.importOptions.currency == "USD")
    #expect(config.attribution.minSample == 10)
  }

  /// `[report] min_sample`: the fewest cases a rate is judged on, a whole number from 1.
  @Test func theMinimumSampleIsAWholeNumberFromOne() throws {
    #expect(try load("[report]\nmin_sample = 30\n").attribution.minSample == 30)
    #expect(try load("[report]\nmin_sample = 1\n").attribution.minSample == 1)
  }

  /// A 0/1 outcome column is mapped with numbers: `won = [1]` reads as the value "1".
  @Test func stageValuesMayBeWholeNumbers() throws {
    let config = try load("[stages]\nwon = [1, \"Yes\"]\nlost = [0]\n")
    #expect(config.importOptions.stages.outcome(ofText: "1") == .won)
    #expect(config.importOptions.stages.outcome(ofText: "yes") == .won)
    #expect(config.importOptions.stages.outcome(ofText: "0") == .lost)
  }

  /// `[report] locale` is a language and a region; anything else names its key and line.
  @Test func theLocaleIsALanguageAndARegion() throws {
    #expect(try load("[report]\nlocale = \"de-DE\"\n").attribution.locale == "de-DE")
    #expect(
      throws: ConfigError(file: "c.toml", line: 2, message: "'report.locale' must be a language and a region such as \"de-DE\" or \"en-GB\", not 'german'")
    ) {
      try load("[report]\nlocale = \"german\"\n")
    }
  }

  /// `[targets.reps]` gives each rep, by the owner name the exports write, a yearly plan.
  @Test func repPlansAreReadByOwner() throws {
    let config = try load("[targets.reps]\n\"Ana Souza\" = 300_000\nBen = 125000.5\n")
    #expect(config.attribution.targets.repRevenuePerYear == ["Ana Souza": Money(minorUnits: 30_000_000), "Ben": Money(minorUnits: 12_500_050)])
    #expect(throws: ConfigError.self) { try load("[targets.reps]\nAna = \"lots\"\n") }
  }

  /// `[formats.<input>] sheet` names the sheet of a workbook input.
  @Test func aWorkbooksSheetIsNamedPerInput() throws {
    let config = try load("[formats.deals]\nsheet = \"Opportunities\"\n")
    #expect(config.importOptions.sheets == [.deals: "Opportunities"])
  }

  /// `[asks] activities` names the activity types that are referral requests.
  @Test func askActivitiesAreRead() throws {
    let config = try load("[asks]\nactivities = [\"Referral request\", \"Referral ask\"]\n")
    #expect(config.importOptions.askActivities == ["Referral request", "Referral ask"])
  }

  @Test func readsEverySection() throws {
    let config = try load(
      """
      [inputs]
      leads = "l.csv"
      [report]
      currency = "EUR"
      gross_margin = 0.6
      fiscal_year_start = 4
      [rates]
      USD = 0.92
      [targets]
      referral_share = 0.5
      referral_revenue_per_year = 100000
      [channels."Podcast"]
      referral = true
      aliases = ["pod"]
      [fees."Podcast"]
      per_lead = 10
      share_of_won = 0.1
      cap_per_deal = 500
      [stages]
      won = ["Signed"]
      [columns.leads]
      created_at = "Created"
      [formats.leads]
      created_at = "DD/MM/YYYY"
      decimal = ","
      delimiter = ";"
      """)
    #expect(config.inputs[.leads] == "l.csv")
    #expect(config.attribution.currency == "EUR" && config.importOptions.currency == "EUR")
    #expect(config.importOptions.rates == ["USD": 0.92])
    #expect(config.attribution.fiscalYearStart == 4)
    #expect(config.attribution.targets.referralRevenuePerYear == Money(minorUnits: 10_000_000))
    #expect(config.attribution.catalogue.channel(for: "POD") == Catalogue.Channel(name: "Podcast", referral: true))
    #expect(config.attribution.feeRules["Podcast"] == FeeRule(perLead: Money(minorUnits: 1000), shareOfWon: 0.1, capPerDeal: Money(minorUnits: 50_000)))
    #expect(config.importOptions.dialects[.leads]?.delimiter == 0x3B)
  }

  @Test(arguments: [
    (
      "[report]\nbogus = 1\n",
      "c.toml:2: error: unknown key 'report.bogus' (known keys here: ask_after_days, ask_window_days, attribution, currency, fiscal_year_start, gross_margin, locale, max_reject_rate, min_sample, outlier_multiple, output, thank_you_days)"
    ),
    ("[report]\nmin_sample = 0\n", "c.toml:2: error: 'report.min_sample' must be a whole number from 1 to 134217726, not 0"),
    ("[report]\nmin_sample = 2.5\n", "c.toml:2: error: 'report.min_sample' must be a whole number from 1 to 134217726, not 2.5"),
    (
      "[reprot]\n",
      "c.toml:1: error: unknown key 'reprot' (known keys here: asks, attribution, channels, columns, feedback, fees, formats, inputs, rates, referrers, report, stages, targets)"
    ),
    ("[report]\n\ngross_margin = \"high\"\n", "c.toml:3: error: 'report.gross_margin' must be a share of revenue from 0 to 1, not \"high\""),
    ("[report]\ngross_margin = 1.5\n", "c.toml:2: error: 'report.gross_margin' must be a share of revenue from 0 to 1, not 1.5"),
    ("[rates]\nEUR = -1\n", "c.toml:2: error: 'rates.EUR' must be a number of USD per EUR from 0.000001 to 1000000, not -1"),
    ("[rates]\nEUR = \"1.1\"\n", "c.toml:2: error: 'rates.EUR' must be a number of USD per EUR from 0.000001 to 1000000, not \"1.1\""),
    ("[rates]\neuro = 1.1\n", "c.toml:2: error: 'rates.euro' is not a three-letter currency code such as EUR"),
    ("[report]\ncurrency = \"dollars\"\n", "c.toml:2: error: 'report.currency' must be a three-letter ISO code such as \"USD\", not 'dollars'"),
    (
      "[fees.\"Paid Search\"]\nper_lead = 5\n",
      "c.toml:1: error: fees for 'Paid Search', which is not a referral channel of the catalogue; add it under [channels.\"Paid Search\"] with referral = true"
    ),
    (
      "[formats.leads]\ncreated_at = \"YYYY.MM.DD\"\n",
      "c.toml:2: error: unknown date format 'YYYY.MM.DD' (use one of \"YYYY-MM-DD\", \"MM/DD/YYYY\", \"DD/MM/YYYY\", \"DD.MM.YYYY\")"
    ),
    ("[inputs]\npreset = \"zoho\"\n", "c.toml:2: error: unknown preset 'zoho' (choose generic, salesforce, salesforce-api, hubspot, pipedrive or marketo)"),
    ("[stages]\nwon = [1.5]\n", "c.toml:2: error: 'stages.won' must hold strings or whole numbers, e.g. [\"Closed Won\"] or [1], not 1.5"),
    ("[stages]\nwon = 1\n", "c.toml:2: error: 'stages.won' must be a list of stage values, e.g. [\"Closed Won\"] or [1], not 1"),
    ("[report\n", "c.toml:1: error: invalid TOML: Error while parsing table header: expected ']', saw '\\n'"),
  ])
  func everyMistakeNamesItsKeyAndLine(text: String, message: String) {
    #expect(throws: ConfigError.self) { try load(text) }
    do {
      _ = try load(text)
    } catch {
      #expect(error.description == message)
    }
  }

  /// Every setting is type- and range-checked at load, one kind of misuse after another: the
  /// message names the file, the line, the key, the value as written and what is allowed
  /// (the ranges and their reasons are `ConfigLimits`).
  @Test(arguments: [
    // A wrong type.
    ("[report]\nthank_you_days = \"2\"\n", "c.toml:2: error: 'report.thank_you_days' must be a whole number from 0 to 365, not \"2\""),
    ("[report]\nfiscal_year_start = 4.0\n", "c.toml:2: error: 'report.fiscal_year_start' must be a whole number from 1 to 12, not 4.0"),
    ("[channels.Podcast]\nreferral = \"yes\"\n", "c.toml:2: error: 'channels.Podcast.referral' must be true or false, not \"yes\""),
    ("[inputs]\nleads = 5\n", "c.toml:2: error: 'inputs.leads' must be a string, e.g. leads = \"…\", not 5"),
    ("[asks]\nactivities = \"Call\"\n", "c.toml:2: error: 'asks.activities' must be a list of strings, e.g. [\"a\", \"b\"], not \"Call\""),
    ("[targets]\nreps = 5\n", "c.toml:2: error: 'targets.reps' must be a table ([targets.reps]), not 5"),
    ("[report]\ngross_margin = [0.5]\n", "c.toml:2: error: 'report.gross_margin' must be a share of revenue from 0 to 1, not a list"),
    // Out of range: a percentage where a fraction goes, a thirteenth month, a year-long window.
    ("[targets]\nreferral_share = 41\n", "c.toml:2: error: 'targets.referral_share' must be a share of leads from 0 to 1, not 41"),
    ("[report]\nfiscal_year_start = 13\n", "c.toml:2: error: 'report.fiscal_year_start' must be a whole number from 1 to 12, not 13"),
    ("[report]\nask_window_days = 366\n", "c.toml:2: error: 'report.ask_window_days' must be a whole number from 0 to 365, not 366"),
    ("[feedback]\nscale = \"ces\"\n", "c.toml:2: error: 'feedback.scale' must be \"nps\" (0 to 10) or \"csat\" (1 to 5), not 'ces'"),
    ("[feedback]\nvalid_days = 731\n", "c.toml:2: error: 'feedback.valid_days' must be a whole number from 0 to 730, not 731"),
    ("[feedback]\nvalid_days = -1\n", "c.toml:2: error: 'feedback.valid_days' must be a whole number from 0 to 730, not -1"),
    ("[feedback]\nask_passives = \"yes\"\n", "c.toml:2: error: 'feedback.ask_passives' must be true or false, not \"yes\""),
    ("[referrers]\ntop_share = 20\n", "c.toml:2: error: 'referrers.top_share' must be a share of referrers from 0.01 to 1, not 20"),
    ("[referrers]\ntop_share = 0\n", "c.toml:2: error: 'referrers.top_share' must be a share of referrers from 0.01 to 1, not 0"),
    ("[referrers]\ntop_share = nan\n", "c.toml:2: error: 'referrers.top_share' must be a share of referrers from 0.01 to 1, not nan"),
    ("[referrers]\nshare = 0.2\n", "c.toml:2: error: unknown key 'referrers.share' (known keys here: top_share)"),
    ("[attribution]\nlookback_days = 3651\n", "c.toml:2: error: 'attribution.lookback_days' must be a whole number from 0 to 3650, not 3651"),
    ("[attribution]\nhalf_life_days = 0\n", "c.toml:2: error: 'attribution.half_life_days' must be a number of days from 0.1 to 3650, not 0"),
    ("[attribution]\nhalf_life_days = nan\n", "c.toml:2: error: 'attribution.half_life_days' must be a number of days from 0.1 to 3650, not nan"),
    ("[attribution]\nhalf_life = 7\n", "c.toml:2: error: unknown key 'attribution.half_life' (known keys here: half_life_days, lookback_days)"),
    ("[report]\nmax_reject_rate = 1.01\n", "c.toml:2: error: 'report.max_reject_rate' must be a share of rows from 0 to 1, not 1.01"),
    // Zero or negative where they mean nothing.
    ("[rates]\nEUR = 0\n", "c.toml:2: error: 'rates.EUR' must be a number of USD per EUR from 0.000001 to 1000000, not 0"),
    ("[report]\noutlier_multiple = 0\n", "c.toml:2: error: 'report.outlier_multiple' must be a number from 1 to 1000000, not 0"),
    ("[report]\nask_after_days = -1\n", "c.toml:2: error: 'report.ask_after_days' must be a whole number from 0 to 365, not -1"),
    ("[fees.\"Referral\"]\nper_won_deal = -50\n", "c.toml:2: error: 'fees.Referral.per_won_deal' must be an amount from 0 to 10000000, not -50"),
    // NaN and the infinities.
    ("[rates]\nEUR = nan\n", "c.toml:2: error: 'rates.EUR' must be a number of USD per EUR from 0.000001 to 1000000, not nan"),
    ("[report]\ngross_margin = inf\n", "c.toml:2: error: 'report.gross_margin' must be a share of revenue from 0 to 1, not inf"),
    (
      "[targets]\nreferral_revenue_per_year = -inf\n",
      "c.toml:2: error: 'targets.referral_revenue_per_year' must be an amount from 0 to 10000000000000, not -inf"
    ),
    ("[fees]\nduplicate_days = 3651\n", "c.toml:2: error: 'fees.duplicate_days' must be a whole number from 0 to 3650, not 3651"),
    ("[fees]\nduplicate_days = -1\n", "c.toml:2: error: 'fees.duplicate_days' must be a whole number from 0 to 3650, not -1"),
    ("[fees.staff.Service]\nshare_of_won = 5\n", "c.toml:2: error: 'fees.staff.Service.share_of_won' must be a share of the won amount from 0 to 1, not 5"),
    ("[fees.staff.Support]\nper_won_deal = -1\n", "c.toml:2: error: 'fees.staff.Support.per_won_deal' must be an amount from 0 to 10000000, not -1"),
    ("[fees]\npay_ineligible = \"no\"\n", "c.toml:2: error: 'fees.pay_ineligible' must be true or false, not \"no\""),
    ("[fees.Referral]\nshare_of_won = nan\n", "c.toml:2: error: 'fees.Referral.share_of_won' must be a share of the won amount from 0 to 1, not nan"),
    // Huge: what would overflow money or an Int.
    ("[rates]\nEUR = 1e308\n", "c.toml:2: error: 'rates.EUR' must be a number of USD per EUR from 0.000001 to 1000000, not 1e+308"),
    ("[fees.Referral]\nper_lead = 1e12\n", "c.toml:2: error: 'fees.Referral.per_lead' must be an amount from 0 to 1000000, not 1000000000000.0"),
    ("[fees.Referral]\ncap_per_deal = 1e11\n", "c.toml:2: error: 'fees.Referral.cap_per_deal' must be an amount from 0 to 10000000000, not 100000000000.0"),
    (
      "[targets]\nreferral_leads_per_year = 9223372036854775807\n",
      "c.toml:2: error: 'targets.referral_leads_per_year' must be a whole number from 0 to 100000000, not 9223372036854775807"
    ),
    ("[targets.reps]\nAna = 1e20\n", "c.toml:2: error: 'targets.reps.Ana' must be an amount from 0 to 10000000000000, not 1e+20"),
    // Empty where something must be named.
    ("[report]\noutput = \"\"\n", "c.toml:2: error: 'report.output' must be a string that is not empty, not \"\""),
    ("[columns.leads]\nsource = \" \"\n", "c.toml:2: error: 'columns.leads.source' must be a string that is not empty, not \" \""),
    (
      "# the header's line\n[channels.\"\"]\nreferral = true\n",
      "c.toml:2: error: a channel's name under [channels] must be a string that is not empty, not \"\""
    ),
    (
      "[channels.Podcast]\naliases = [\"pod\", \"\"]\n",
      "c.toml:2: error: 'channels.Podcast.aliases' must be a list of strings that are not empty, e.g. [\"a\", \"b\"], not one holding \"\""
    ),
  ])
  func everySettingIsTypeAndRangeChecked(text: String, message: String) {
    #expect(throws: ConfigError(file: "c.toml", line: 2, message: String(message.dropFirst("c.toml:2: error: ".count)))) { try load(text) }
  }

  @Test func aStaffRoleSpelledTwiceIsRefused() {
    // Roles are matched ignoring case: "Service" and "service" are one role, and one of the two
    // rules would be dropped without a word.
    let text = "[fees.staff.Service]\nper_won_deal = 10\n[fees.staff.service]\nper_won_deal = 20\n"
    let message = "'fees.staff' names one role twice, as 'Service' and 'service' (roles are matched ignoring case): keep one of them"
    #expect(throws: ConfigError(file: "c.toml", line: 3, message: message)) { try load(text) }
  }

  /// A table header whose name starts with a character no key starts with stops at load with
  /// its line: TOMLKit's parser once aborted on these (an assertion, found by `make fuzz`).
  @Test(arguments: [
    ("[report]\n[!a]\n", 2, "'!'"), ("[ =]\n", 1, "'='"), ("[[,a]]\n", 1, "','"), ("x = 1\n\n\t[é]\n", 3, "'é'"),
    ("[\n", 1, "the end of the line"), ("[[\n", 1, "the end of the line"), ("[\u{FFFD}inputs]\n", 1, "'\u{FFFD}'"),
  ])
  func aTableNameThatCannotStartAKeyIsRefused(text: String, line: Int, found: String) {
    let message =
      "invalid TOML: a table's name must start with a letter, a digit, '_', '-' or a quote, not \(found); "
      + "quote a name with other characters, e.g. [channels.\"Word of mouth\"]"
    #expect(throws: ConfigError(file: "c.toml", line: line, message: message)) { try load(text) }
  }

  /// The headers it lets through are TOML's own: bare, quoted, nested, arrays of tables, and a
  /// line that only looks like one inside an array.
  @Test func validHeadersStillLoad() throws {
    let config = try load("[ report ]\ncurrency = \"EUR\"\n[channels.\"Word of mouth\"]\nreferral = true\n[asks]\nactivities = [\n  \"Ask\",\n]\n")
    #expect(config.attribution.currency == "EUR")
    #expect(config.attribution.catalogue.channel(for: "word of mouth")?.name == "Word of mouth")
    #expect(config.importOptions.askActivities == ["Ask"])
  }

  /// The ends of each range are allowed, and 0 where it means something: a referral share
  /// target of 0 is "no target", a margin of 0 and a fee of 0 are real settings, a window of
  /// 0 days is the same day.
  @Test func theEndsOfEachRangeAreAllowed() throws {
    let config = try load(
      """
      [report]
      gross_margin = 0
      thank_you_days = 0
      ask_after_days = 365
      outlier_multiple = 1
      [attribution]
      lookback_days = 0
      half_life_days = 3650
      [rates]
      EUR = 0.000001
      JPY = 1000000
      [referrers]
      top_share = 0.01
      [feedback]
      scale = "csat"
      valid_days = 730
      ask_passives = true
      [targets]
      referral_share = 0
      referral_leads_per_year = 100000000
      referral_revenue_per_year = 10000000000000
      [fees]
      duplicate_days = 3650
      pay_ineligible = false
      [fees.staff.Service]
      share_of_won = 1
      per_won_deal = 10000000
      [fees.Referral]
      per_lead = 0
      per_won_deal = 10000000
      cap_per_deal = 10000000000
      """)
    #expect(config.attribution.duplicateDays == 3650 && !config.attribution.payIneligible)
    // Roles are compared without case: the leads may write "service".
    #expect(config.attribution.staffShares == ["service": StaffShareRule(shareOfWon: 1, perWonDeal: Money(minorUnits: 1_000_000_000))])
    #expect(try load("[fees]\nduplicate_days = 0\n").attribution.duplicateDays == 0)
    let defaults = try load("")
    #expect(defaults.attribution.duplicateDays == 365 && defaults.attribution.payIneligible)
    #expect(config.attribution.targetShare == 0)
    #expect(config.attribution.referrerTopShare == 0.01)
    #expect(config.importOptions.feedbackScale == .csat)
    #expect(config.attribution.feedbackValidDays == 730 && config.attribution.askPassives)
    #expect(config.attribution.lookbackDays == 0 && config.attribution.halfLifeDays == 3650)
    #expect(config.attribution.grossMargin == 0)
    #expect(config.attribution.thankYouWindowDays == 0 && config.attribution.askAfterDays == 365)
    #expect(config.importOptions.rates == ["EUR": 0.000001, "JPY": 1_000_000])
    #expect(config.attribution.targets.referralRevenuePerYear == Money(minorUnits: 1_000_000_000_000_000))
    #expect(
      config.attribution.feeRules["Referral"]
        == FeeRule(perLead: .zero, perWonDeal: Money(minorUnits: 1_000_000_000), capPerDeal: Money(minorUnits: 1_000_000_000_000)))
  }
}

extension ConfigLoaderTests {
  /// A key column is declared absent with `false`, one spelling for every field; `true` means
  /// nothing, and a required field cannot be absent.
  @Test func aColumnIsAHeaderOrFalse() throws {
    let config = try load("[columns.deals]\nstage = false\namount = \"Deal Value\"\n")
    #expect(config.importOptions.columns.isDeclaredAbsent(.stage, role: .deals))
    #expect(!config.importOptions.columns.isDeclaredAbsent(.amount, role: .deals))
    #expect(
      throws: ConfigError(
        file: "c.toml", line: 2, message: "'columns.deals.stage' must be the column's header, e.g. stage = \"…\", or false when the export has no such column")
    ) {
      try load("[columns.deals]\nstage = true\n")
    }
    #expect(throws: ConfigError(file: "c.toml", line: 2, message: "'columns.leads.lead_id' cannot be false: every leads export needs it")) {
      try load("[columns.leads]\nlead_id = false\n")
    }
  }
}
