import ReferralAttribution
import ReferralCore

/// Referrals from referrals, referrals per active referrer, and how few referrers make half of
/// the referral revenue.
extension ReportBuilder {
  static func advocates(_ result: AttributionResult) -> Section {
    if let why = result.unknown(needing: .leads) { return unknown("Advocates", id: "advocates", why) }
    let a = result.programme.advocates
    let half =
      a.halfOfRevenueReferrers.map {
        Cell(
          text: "\(Format.count($0)) of \(Format.count(a.earningReferrers))", isData: false,
          figures: [Figure(String($0), .count), Figure(String(a.earningReferrers), .count, part: "of")])
      } ?? .unknown(because: "no referral revenue", as: .count)
    let rate = a.referralsFromReferralsRate
    let table = Table(
      columns: [.init("Figure", .left), .init("Value", notes: true)],
      rows: [
        [
          .plain("Referred customers who referred someone = referring ÷ referred customers"),
          Cell(
            text: "\(Format.rate(rate)) (\(Format.count(a.referringCustomers)) of \(Format.count(a.referredCustomers)))", isData: false,
            note: Format.tooFew(rate), figures: [.fraction(rate.value)]),
        ],
        [
          .plain("Referral leads per active referrer, trailing 12 months"),
          a.referralsPerActiveReferrer.map {
            Cell(
              text: "\(Format.fixed($0, decimals: 1)) (\(Format.count(a.referrals)) leads, \(Format.count(a.activeReferrers)) referrers)", isData: false,
              figures: [.fraction($0)])
          } ?? .unknown(because: "no referral leads", as: .fraction),
        ],
        [.plain("Referrers who bring half of the referral revenue, trailing 12 months"), half],
      ])
    return Section(
      title: "Advocates", id: "advocates",
      blocks: [
        .paragraph(
          result.timeline == nil
            ? "A referred customer is a lead of a referral channel with a won deal; it referred someone when a lead names it as referrer. "
              + "The exports hold no dates: \"trailing 12 months\" counts all the data."
            : "A referred customer is a lead of a referral channel with a won deal by \(result.current.period.to); it referred someone when a lead names it as referrer. "
              + "The trailing twelve months are \(a.trailingYear.from) to \(a.trailingYear.to)."),
        .table(table),
      ])
  }
}
