import ReferralAttribution
import ReferralCore

/// Referrers not thanked within the window, as an action list.
extension ReportBuilder {
  static func thankYous(_ result: AttributionResult) -> Section {
    if let why = result.unknown(needing: [.leads, .dates]) { return unknown("Thank-you discipline", id: "thank-yous", why) }
    let t = result.programme.thankYous
    guard t.known else {
      return Section(
        title: "Thank-you discipline", id: "thank-yous", blocks: [.note("The leads export has no thanked_at column, so thank-yous cannot be checked.")])
    }
    var blocks: [Block] = [
      .paragraph(
        "Referred leads whose referrer should have been thanked within \(t.windowDays) days: \(Format.count(t.due)), thanked on time: \(Format.count(t.onTime)) (\(Format.rate(t.onTimeRate)))."
      )
    ]
    if t.missed.isEmpty {
      blocks.append(.note("Every referrer was thanked in time."))
    } else {
      blocks.append(
        .table(
          Table(
            columns: [
              .init("Lead", .left), .init("Company", .left), .init("Referrer", .left), .init("Owner", .left), .init("Created", .left), .init("Thanked", .left),
            ],
            rows: t.missed.prefix(actionLimit).map {
              [
                .data(RecordName.withID($0.leadID, person: $0.name, company: "")), .data($0.company), .data($0.referrer), .data($0.owner ?? ""),
                .plain($0.created.description),
                .plain(thanked($0)),
              ]
            })))
      if t.missed.count > actionLimit { blocks.append(.note("… and \(t.missed.count - actionLimit) more (all in summary.json).")) }
    }
    return Section(title: "Thank-you discipline", id: "thank-yous", blocks: blocks)
  }

  /// "2026-10-09, after 8 days" or "not thanked".
  static func thanked(_ miss: ThankYous.Miss) -> String {
    guard let day = miss.thanked else { return "not thanked" }
    return "\(day), after \(miss.created.days(to: day)) days"
  }
}
