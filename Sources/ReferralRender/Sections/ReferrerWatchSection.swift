import ReferralAttribution
import ReferralCore

/// Top referrers, watched: the top share of referrers by referral revenue, how their referrals
/// are going, and which are cooling.
extension ReportBuilder {
  static func referrerWatch(_ result: AttributionResult) -> Section {
    let (title, id) = ("Top referrers, watched", "referrer-watch")
    if let why = result.unknown(needing: [.leads, .dates]) { return unknown(title, id: id, why) }
    let w = result.programme.referrerWatch
    let to = w.trailingYear.to
    var blocks: [Block] = [
      .paragraph(
        "The top \(Format.rate(w.topShare)) ([referrers] top_share) of the \(Format.count(w.earningReferrers)) referrers whose referrals won revenue "
          + "from \(w.trailingYear.from) to \(to), most revenue first. A referrer is cooling when their referral leads of the 90 days to \(to) are half "
          + "or fewer of the 90 before, or when they have been silent for more than twice their usual (median) gap between referrals.")
    ]
    guard !w.referrers.isEmpty else {
      blocks.append(.note("No referrer's referrals won revenue in the twelve months."))
      return Section(title: title, id: id, blocks: blocks)
    }
    let thanks = w.thanksKnown ? "none" : "no thanked_at column"
    let paid = w.payoutsKnown ? "none" : "no payouts export"
    func day(_ value: Day?, _ why: String) -> Cell { value.map { .plain($0.description) } ?? .unknown(because: why) }
    blocks.append(
      .table(
        Table(
          columns: [
            .init("Referrer", .left), .init("Owner", .left), .init("Revenue, 12 months"), .init("Last 90 days"), .init("90 days before"),
            .init("Days since last referral"), .init("Usual gap (days)", notes: true), .init("Last thank-you", .left, notes: true),
            .init("Last gift or fee", .left, notes: true), .init("Cooling", .left),
          ],
          rows: w.referrers.map { r in
            [
              .data(r.name), .data(r.owner ?? ""), .money(r.revenue, currency: result.money), .count(r.last90),
              .count(r.previous90), .count(r.daysSinceLastReferral),
              r.usualGapDays.map { .days($0) } ?? .unknown(because: "referred on one day only"), day(r.lastThanked, thanks),
              day(r.lastPaid, paid),
              .plain(r.cooling.map(coolingReason).joined(separator: "; ")),
            ]
          })))
    let cooling = w.coolingReferrers.count
    blocks.append(
      cooling == 0
        ? .note("No watched referrer is cooling.")
        : .paragraph(
          "\(Format.count(cooling)) of \(Format.count(w.referrers.count)) watched \(w.referrers.count == 1 ? "referrer" : "referrers") "
            + "\(cooling == 1 ? "is" : "are") cooling: call them (tasks/call-cooling-referrers.csv)."))
    return Section(title: title, id: id, blocks: blocks)
  }

  /// A cooling reason as the report and the task list say it.
  static func coolingReason(_ reason: ReferrerWatch.Cooling) -> String {
    switch reason {
    case .referralsHalved: "referrals halved"
    case .silentTooLong: "silent for over twice the usual gap"
    }
  }
}
