import CSVStream
import ReferralCore

/// Referrals the team gave: one per row, `given_at` and `partner_id` required. A few rows a
/// month, so the records are a plain array, like the spend.
struct ReferralGivenDecoder: RowDecoder {
  static let role = InputRole.referralsGiven
  static let fields: [(field: Field, required: Bool)] = [(.givenAt, true), (.partnerID, true), (.company, false), (.givenBy, false)]
  private let layout: ColumnLayout
  private var givenDates: DateColumn?
  private(set) var given: [ReferralGiven] = []
  let warnings: [Warning] = []

  init(layout: ColumnLayout, options: ImportOptions, file: String) {
    self.layout = layout
    givenDates = .make(.givenAt, layout, options, Self.role)
  }

  mutating func decode(_ row: CSVRowView) -> RowProblem? {
    let fields = RowFields(row: row)
    let day: Day
    switch fields.date(layout[.givenAt], &givenDates) {
    case .failure(let problem): return problem
    case .success(nil): return .missing(.givenAt)
    case .success(let value?): day = value
    }
    guard let partner = fields.value(layout[.partnerID]) else { return .missing(.partnerID) }
    given.append(
      ReferralGiven(
        given: day, partner: partner.string, company: fields.value(layout[.company])?.string ?? "",
        givenBy: fields.value(layout[.givenBy])?.string, line: fields.line))
    return nil
  }

  mutating func reserve(rows: Int) {
    given.reserveCapacity(rows)
  }

  consuming func assemble(into dataset: inout Dataset, file: String) {
    dataset.referralsGiven = given
  }

  mutating func finish(file: String) throws(ImportError) {
    let fix = try givenDates.resolution(file: file)
    for i in given.indices { given[i].given = fix.apply(given[i].given) }
  }
}
