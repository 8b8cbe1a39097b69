import ReferralAttribution
import ReferralCore

/// Does happiness predict referrals: customers by the band of their latest answer, and how many
/// referred someone within a year of it.
extension ReportBuilder {
  static func feedbackEffect(_ result: AttributionResult) -> Section {
    let (title, id) = ("Does happiness predict referrals?", "feedback-effect")
    if let why = result.unknown(needing: [.leads, .dates]) { return unknown(title, id: id, why) }
    guard let e = result.programme.feedbackEffect else {
      return Section(
        title: title, id: id,
        blocks: [.note("No feedback export was given (--feedback), so happiness cannot be compared with referrals.")])
    }
    return Section(
      title: title, id: id,
      blocks: [
        .paragraph(
          "Customers by their latest answer to the feedback survey dated by \(e.cohortEnd) (so each had a whole year after it), and customers "
            + "with no answer by then whose first win is by then: how many referred someone within 365 days after their answer (after their first win, "
            + "for no answer), and the revenue those referrals won by \(result.current.period.to)."),
        .table(
          Table(
            columns: [
              .init("Latest answer", .left), .init("Customers"), .init("Referred within a year"), .init("Rate = referred ÷ customers", notes: true),
              .init("Referral revenue"),
            ],
            rows: e.rows.map { row in
              [
                .plain(groupName(row.group)), .count(row.customers), .count(row.referred), .rate(row.rate),
                .money(row.revenue, currency: result.money),
              ]
            })),
      ])
  }

  /// A group's name as the table shows it.
  static func groupName(_ group: FeedbackEffect.Group) -> String {
    switch group {
    case .band(let band): band.rawValue
    case .noAnswer: "no answer"
    }
  }
}
