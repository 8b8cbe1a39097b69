import ReferralAttribution
import ReferralCore

/// When do asks pay: asks by days since the asked customer's first win, and how often each
/// bucket was followed by a referral.
extension ReportBuilder {
  static func askTiming(_ result: AttributionResult) -> Section {
    let (title, id) = ("When do asks pay?", "ask-timing")
    if let why = result.unknown(needing: [.leads, .dates]) { return unknown(title, id: id, why) }
    guard let t = result.programme.askTiming else {
      return Section(title: title, id: id, blocks: [.note("No referral requests export was given (--asks), so when asks pay cannot be measured.")])
    }
    var blocks: [Block] = [
      .paragraph(
        "Asks of customers made from \(t.trailingYear.from) to \(t.trailingYear.to) whose \(t.windowDays)-day window had closed by \(t.trailingYear.to), "
          + "by days from the customer's first won deal to the ask; an ask pays when the asked customer referred someone within \(t.windowDays) days. "
          + "Left out: \(Format.count(t.pending)) still inside their window, \(Format.count(t.notCustomers)) of leads with no won deal by the ask."),
      .table(
        Table(
          columns: [
            .init("Days since first win", .left), .init("Asks"), .init("Followed by a referral"), .init("Rate = followed ÷ asks", notes: true),
          ],
          rows: t.rows.map { row in
            [.plain(bucketName(row.bucket)), .count(row.asks), .count(row.referred), .rate(row.rate)]
          })),
      .paragraph(
        t.medianDaysToFirstReferral.map {
          let (n, noun) = Format.counted(t.referringCustomers, "customer")
          return "Median days from a customer's first win to their first referral: \(Format.days($0)) (\(n) \(noun) who referred by \(t.trailingYear.to))."
        } ?? "No customer referred anyone after their first win by \(t.trailingYear.to), so the median days to a first referral is n/a."),
    ]
    if let f = t.finding {
      blocks.append(
        .paragraph(
          "Asks \(bucketName(f.early.bucket)) days after the first win were followed by a referral \(Format.rate(f.early.rate)) of the time, "
            + "\(bucketName(f.later.bucket)) days after it \(Format.rate(f.later.rate)): the ask list starts at \(t.afterDays) days ([report] ask_after_days), "
            + "before the asks that pay."))
    }
    return Section(title: title, id: id, blocks: blocks)
  }

  /// "0–30", "over 365": a bucket's days as the table and the sentence name them.
  static func bucketName(_ bucket: AskTiming.Bucket) -> String {
    let (first, last) = bucket.days
    return last.map { "\(first)–\($0)" } ?? "over \(first - 1)"
  }
}
