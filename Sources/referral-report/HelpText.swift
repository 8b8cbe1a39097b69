import CSVStream
import ReferralCore
import ReferralImport
import ReferralPipeline
import ReferralRender

/// The top-level `--help`, which swift-argument-parser's `generate-manual` also makes the man
/// page's description of: the one text a user outside this repository has, so it says what a
/// run writes, what it reads, every config key with its default and range, where files are
/// looked for, every exit code and examples. Lists that code knows (task files, fields,
/// presets, date formats, encodings, exit codes) are built from it, so a new case is
/// documented where it is added; `HelpTests` checks the outputs against a real report folder.
///
/// Plain ASCII: the man page generator drops every other character. Paragraphs are separated
/// by a blank line; `make manual` (scripts/finish-manual.sh) makes each one headed in capitals
/// ("FILES. ...") a section of the man page and each of its lines a paragraph, so a line is an
/// item, and no line may start with a dot (mdoc would read it as a macro).
enum HelpText {
  static let discussion = [intro, outputs, inputs, configuration, files, exitStatus, examples].joined(separator: "\n\n")

  static let intro = """
    Reads CRM exports (leads, deals, and optionally marketing spend, referral payouts and \
    referral asks), attributes them to lead sources and channels, and writes a report folder. \
    Commands: run (write the report), check (validate the inputs and config, write nothing), \
    channels (the source catalogue in force), sample (generate exports to try it on).
    """

  /// Every file and folder a run writes, in the order a reader meets them.
  static let outputs = """
    OUTPUTS. A run writes one folder, Reports/<period>/ unless --out names another, \
    atomically (a failed run leaves the previous one whole):
    report.md: the whole report in Markdown (actions, headlines, every section, data quality);
    report.html: the same report as one self-contained page, with charts;
    summary.json: every figure, for scripts (null where a figure cannot be computed);
    rejects.csv: every input row the report could not use, with its file, line and reason;
    tables/: every table of the report as a CSV file of its own (tables/channels.csv);
    tasks/: the action lists as CRM task imports (\(TaskFiles.List.allCases.map { "\($0.rawValue).csv" }.joined(separator: ", ")));
    the hidden marker .referral-report: the list of the folder's files (only a folder \
    holding nothing else is ever replaced).
    scripts/nightly.sh also points <output>/latest at the newest report that passed.
    """

  /// The inputs a run may do without: every one but the leads and the deals, "spend, payouts
  /// and asks".
  private static let optionalInputs: String = {
    let names = InputRole.allCases.filter { $0 != .leads && $0 != .deals }.map(\.rawValue)
    return names.count < 2 ? names.joined() : names.dropLast().joined(separator: ", ") + " and " + names.last!
  }()

  static let inputs: String = {
    let fields = InputRole.allCases.map { role in
      "--\(role.rawValue): \(role.fields.map { $0.required ? "\($0.field.rawValue)*" : $0.field.rawValue }.joined(separator: ", "))"
    }
    return """
      INPUTS. A leads export, a deals export or both; \(optionalInputs) are optional. \
      Each is a CSV file (comma, semicolon or tab; UTF-8, UTF-16 or Windows-1252) or an Excel \
      xlsx workbook, or - for standard input. Columns are matched by header name, never by \
      position: --preset \(Preset.allCases.map(\.rawValue).joined(separator: "|")) names a \
      CRM's headers, and [columns.<input>] in the config maps any other. The fields read, \
      under their generic names (* required):
      \(fields.joined(separator: ";\n")).
      """
  }()

  /// Every key of the config file, with its default and the values the loader accepts.
  static let configuration = """
    CONFIGURATION. One TOML file; every key is optional, and an unknown key, a wrong type or \
    a value out of range stops the run (exit 78) naming the key and its line. Each key with \
    its default, then what it takes:
    [inputs] \(InputRole.allCases.map(\.rawValue).joined(separator: ", ")): none, paths relative to the config file (the \
    command line's inputs win); preset: generic.
    [report] currency: USD (a three-letter ISO code); locale: none (a language and region \
    such as de-DE, for how money is written); attribution: lead (lead or deal); \
    max_reject_rate: 0.01 (0 to 1); output: Reports; gross_margin: 1.0 (0 to 1); \
    fiscal_year_start: 1 (month, 1 to 12); thank_you_days: 2 (0 to 365); ask_after_days: 60 \
    (0 to 365); ask_window_days: 30 (0 to 365); outlier_multiple: 10 (1 to 1000000); \
    min_sample: 10 (1 or more: a rate on fewer cases is marked too few to judge).
    [attribution] lookback_days: 365 (0 to 3650: touches this many days before a \
    conversion count in its path); half_life_days: 7 (0.1 to 3650: the time-decay model's \
    half-life).
    [rates] CODE: none, units of the reporting currency per unit of CODE (0.000001 to 1000000).
    [targets] referral_share: 0.41 (0 to 1; 0 is no target); referral_leads_per_rep_per_month: 5 (0 to \
    10000); referral_leads_per_year: none (0 to 100000000); referral_revenue_per_year: none \
    (0 to 1e13); customers_asked_per_year: 1.0 (0 to 1).
    [targets.reps] "Owner": none, the rep's revenue plan for the fiscal year (0 to 1e13).
    [channels."Name"] referral (true or false), aliases (source values): the built-in \
    catalogue (referral-report channels prints it).
    [fees."Channel"] per_lead (0 to 1e6), per_won_deal (0 to 1e7), cap_per_deal (0 to 1e10), \
    share_of_won (0 to 1): none.
    [asks] activities: none, the names of referral requests in an activity export (matched in its \
    type or subject; other rows are skipped).
    [referrers] top_share: 0.2 (0.01 to 1), the share of earning referrers watched for cooling.
    [feedback] scale: nps (nps: 0 to 10, 9-10 promoter, 7-8 passive; csat: 1 to 5, 5 promoter, \
    4 passive); valid_days: 183 (0 to 730, how long an answer decides the next step); \
    ask_passives: false (true or false).
    [stages] won, lost, open: the common values, plus yours (text or whole numbers).
    [columns.<input>] <field>: the preset's header; a header, or false for a column the \
    export does not have.
    [formats.<input>] detected: <date field> = \(DateFormat.allCases.map(\.rawValue).joined(separator: "|")); \
    decimal = a dot or a comma; encoding = \(CSVDialect.Encoding.allCases.map(\.rawValue).joined(separator: "|")) \
    (detected: a byte-order mark, else UTF-8, or Windows-1252 for a file that is so throughout); \
    delimiter = , ; | or tab; sheet = the workbook's sheet (default: the first whose header the preset reads).
    """

  static let files = """
    FILES. The config is --config FILE, else the file REFERRAL_REPORT_CONFIG names, else \
    referral-report.toml in the current folder when there is one. Reports go to \
    <output>/<period>/: Reports/2026-10/, Reports/2026-10-01_2026-10-15/ for --from and --to, \
    Reports/all-data/ for exports without dates.
    """

  /// Every exit code, from ``ExitStatus``.
  static let exitStatus =
    "EXIT STATUS. " + ExitStatus.allCases.map { "\($0.rawValue): \($0.meaning)." }.joined(separator: "\n")

  static let examples = """
    EXAMPLES.
    referral-report run --leads leads.csv --deals deals.csv (the month where the data ends, \
    into Reports/<month>/);
    referral-report run --config referral-report.toml --month 2026-10 --out October;
    referral-report check --preset hubspot --leads contacts.csv --deals deals.csv;
    crm-export | referral-report run --leads - --deals deals.csv;
    referral-report channels --preset hubspot.
    """
}
