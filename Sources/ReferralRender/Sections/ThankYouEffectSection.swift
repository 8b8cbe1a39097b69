import ReferralAttribution
import ReferralCore

/// Does thanking pay: referred-again rates of referrers thanked on time and of the others.
extension ReportBuilder {
  static func thankYouEffect(_ result: AttributionResult) -> Section {
    if let why = result.unknown(needing: [.leads, .dates]) { return unknown("Does thanking pay?", id: "thank-you-effect", why) }
    let title = "Does thanking pay?"
    guard let e = result.programme.thankYouEffect else {
      return Section(title: title, id: "thank-you-effect", blocks: [.note("The leads export has no thanked_at column, so thanking cannot be compared.")])
    }
    func row(_ name: String, _ group: ThankYouEffect.Group) -> [Cell] {
      [.plain(name), .count(group.referrers), .count(group.referredAgain), .fraction(group.rate)]
    }
    var blocks: [Block] = [
      .paragraph(
        "Referrers whose first referral was created by \(e.cohortEnd) (so each had a whole year to refer again), "
          + "by whether that first referral was thanked within \(e.windowDays) days."),
      .table(
        Table(
          columns: [.init("First referral", .left), .init("Referrers"), .init("Referred again within a year"), .init("Rate = again ÷ referrers")],
          rows: [row("thanked in time", e.thanked), row("thanked late or never", e.notThanked)])),
    ]
    if e.tooSmall {
      blocks.append(.note("Too few referrers to judge by: each group needs at least \(ThankYouEffect.minimumGroup)."))
    } else {
      blocks.append(
        .chart(
          Chart(
            kind: .bars, title: "Referred again within a year",
            summary: "Thanked in time: \(Format.rate(e.thanked.rate)); thanked late or never: \(Format.rate(e.notThanked.rate)).",
            categories: ["thanked in time", "thanked late or never"], series: [.init(name: "Referred again", values: [e.thanked.rate, e.notThanked.rate])],
            unit: .rate)))
    }
    return Section(title: title, id: "thank-you-effect", blocks: blocks)
  }
}
