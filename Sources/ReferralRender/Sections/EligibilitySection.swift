import ReferralAttribution
import ReferralCore

/// Which referrals deserve a fee: the period's referred leads by status, the referrers whose
/// referrals were not eligible, and each ineligible referral with the record that makes it so.
extension ReportBuilder {
  static func eligibility(_ result: AttributionResult) -> Section {
    let (title, id) = ("Which referrals deserve a fee", "eligibility")
    if let why = result.unknown(needing: [.leads, .dates]) { return unknown(title, id: id, why) }
    guard let e = result.programme.credit.eligibility else { return unknown(title, id: id, ReferralCredit.whyNoEligibility) }
    let currency = result.money
    let fees = e.feesOnIneligible.map { Format.money($0, currency: currency) } ?? "n/a (\(FeeLedger.noRules))"
    var blocks: [Block] = [
      .paragraph(
        "A referred lead is not eligible when its company (by name, without case, punctuation or legal form) or its e-mail domain "
          + "(not free mail such as gmail.com) was a lead or a customer before the referral, when the referrer is the lead or of its "
          + "company (by name or e-mail domain), or when the company was referred within \(Format.count(e.duplicateDays)) days before "
          + "(the first referral stands). "
          + (e.comparesEmailDomains ? "" : "The leads export has no e-mail column, so e-mail domains were not compared. ")
          + "Fees owed on them in the period: \(fees); "
          + (e.payIneligible ? "they are paid ([fees] pay_ineligible = true)." : "left out of the fees owed ([fees] pay_ineligible = false).")),
      .table(
        Table(
          columns: [.init("Status", .left), .init("Referred leads")],
          rows: ReferralEligibility.Status.allCases.map { [.plain($0.rawValue), .count(e.counts[$0] ?? 0)] },
          footer: [[.plain("Not eligible"), .rate(e.ineligibleShare)]])),
    ]
    if !e.referrers.isEmpty {
      blocks.append(.paragraph("Referrers with referrals that were not eligible, most first:"))
      blocks.append(
        .table(
          Table(
            columns: [.init("Referrer", .left), .init("Referred leads"), .init("Not eligible"), .init("Share", notes: true)],
            rows: e.referrers.prefix(actionLimit).map {
              [.data($0.referrer), .count($0.referrals), .count($0.ineligible), .rate($0.share)]
            })))
      if e.referrers.count > actionLimit { blocks.append(.note("… and \(e.referrers.count - actionLimit) more (all in summary.json).")) }
    }
    if !e.ineligible.isEmpty {
      blocks.append(.paragraph("Referrals that were not eligible, oldest first, with the earlier record that makes them so:"))
      blocks.append(
        .table(
          Table(
            columns: [
              .init("Lead", .left), .init("Company", .left), .init("Referrer", .left), .init("Created", .left), .init("Status", .left),
              .init("Earlier record", .left), .init("Its lead", .left), .init("On", .left), .init("Matched by", .left),
            ],
            rows: e.ineligible.prefix(actionLimit).map {
              [
                .data($0.leadID), .data($0.company), .data($0.referrer ?? ""), .plain($0.created.description), .plain($0.status.rawValue),
                .plain($0.earlier.rawValue), .data($0.earlierLeadID), .plain($0.earlierDay.description), Self.match($0),
              ]
            })))
      if e.ineligible.count > actionLimit { blocks.append(.note("… and \(e.ineligible.count - actionLimit) more (all in summary.json).")) }
    }
    return Section(title: title, id: id, blocks: blocks)
  }

  /// How the earlier record was found: the domain is the export's text.
  private static func match(_ referral: ReferralEligibility.Ineligible) -> Cell {
    switch referral.match {
    case .sameLead: .plain("the lead itself")
    case .company: .plain("company name")
    case .emailDomain: .data("e-mail domain \(referral.emailDomain ?? "")")
    }
  }
}
