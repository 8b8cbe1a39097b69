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
    ("[report]\nmin_sample = 0\n", "c.toml:2: error: 'report.min_sample' must be between 1 and 1000000, not 0"),
    ("[report]\nmin_sample = 2.5\n", "c.toml:2: error: 'report.min_sample' must be a whole number"),
    ("[reprot]\n", "c.toml:1: error: unknown key 'reprot' (known keys here: asks, channels, columns, fees, formats, inputs, rates, report, stages, targets)"),
    ("[report]\n\ngross_margin = \"high\"\n", "c.toml:3: error: 'report.gross_margin' must be a number"),
    ("[report]\ngross_margin = 1.5\n", "c.toml:2: error: 'report.gross_margin' must be between 0.0 and 1.0, not 1.5"),
    ("[rates]\nEUR = -1\n", "c.toml:2: error: 'rates.EUR' must be a positive number of USD per EUR"),
    ("[rates]\nEUR = \"1.1\"\n", "c.toml:2: error: 'rates.EUR' must be a number"),
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
    ("[inputs]\npreset = \"zoho\"\n", "c.toml:2: error: unknown preset 'zoho' (choose generic, salesforce, salesforce-api, hubspot or pipedrive)"),
    ("[stages]\nwon = [1.5]\n", "c.toml:2: error: 'stages.won' must hold strings or whole numbers, e.g. [\"Closed Won\"] or [1]"),
    ("[stages]\nwon = 1\n", "c.toml:2: error: 'stages.won' must be a list of stage values, e.g. [\"Closed Won\"] or [1]"),
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
}
