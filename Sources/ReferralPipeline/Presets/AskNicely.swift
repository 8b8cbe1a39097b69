import ReferralCore

extension SurveyExport {
  /// AskNicely's responses as CSV: its Get Responses API with the format `csv` and the filter
  /// `answered` (`https://<subdomain>.asknice.ly/api/v1/responses/asc/50000/1/0/csv/answered`,
  /// https://demo.asknice.ly/help/apidocs/responses). Its fields, as that reference's example
  /// response has them (transcribed in github.com/api-evangelist/asknicely,
  /// examples/asknicely-examples.yml): `response_id`, `person_id`, `contact_id`, `name`,
  /// `email`, `answer` (the score), `answerlabel`, `data`, `comment`, `note`, `status`,
  /// `dontcontact`, `sent`, `opened`, `responded`, `lastemailed`, `created`, `segment`,
  /// `question_type`, `published`, `publishedname`. Public code that reads this very CSV
  /// (github.com/pengelbrecht/datasource.asknicely, R/datasource-asknicely.R) bands `answer` as
  /// NPS (9 and up promoters, 7 and 8 passives) by `responded`, seconds since 1970.
  ///
  /// `question_type` says which survey a row answers ("nps", "csat" or "fivestar": the reference
  /// says one account may mix them), so it is the row's `kind`: a row of another survey than
  /// `[feedback] scale` is skipped and counted, never banded on the wrong scale.
  ///
  /// No column names the customer as the CRM does: `contact_id` (and its older alias
  /// `person_id`) is AskNicely's own id and `email` an address. So `lead_id` is not read; the
  /// config maps the column that holds the leads export's id (`[columns.feedback] lead_id =
  /// "email"` when the leads are keyed by email, as SampleData/examples/asknicely-nps has them),
  /// and the import stops, naming the columns found, until it does.
  static let askNicely = SurveyExport(columns: [.answeredAt: ["responded"], .score: ["answer"], .kind: ["question_type"]])
}
