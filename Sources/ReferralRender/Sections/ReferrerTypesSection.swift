import ReferralAttribution
import ReferralCore

/// Who refers: customers, lost or open prospects, people outside the leads.
extension ReportBuilder {
  static func referrerTypes(_ result: AttributionResult) -> Section {
    if let why = result.unknown(needing: .leads) { return unknown("Who refers", id: "referrer-types", why) }
    let rows = result.programme.referrerTypes.rows
    let title = "Who refers"
    guard rows.contains(where: { $0.referrers > 0 }) else {
      return Section(title: title, id: "referrer-types", blocks: [.note("No referral lead or referred win of the period names a referrer.")])
    }
    let table = Table(
      columns: [.init("Referrer is", .left), .init("Referrers"), .init("Referral leads"), .init("Referred wins"), .init("Referred revenue")],
      rows: rows.map {
        [
          .plain(describe($0.kind)), .count($0.referrers), .count($0.leads), .count($0.won),
          .money($0.revenue, currency: result.money),
        ]
      })
    return Section(
      title: title, id: "referrer-types",
      blocks: [
        .paragraph(
          "Referral leads created and referred deals won in the period, by who the referrer is: their own lead in the exports tells a customer (a won deal), "
            + "a lost prospect (lost deals only) or an open prospect; a referrer who is not one of the leads is outside (a partner, an accountant, an employee)."
        ),
        .table(table),
      ])
  }

  static func describe(_ kind: ReferrerTypes.Kind) -> String {
    switch kind {
    case .customer: "a customer"
    case .lostProspect: "a lost prospect"
    case .openProspect: "an open prospect"
    case .outside: "outside the leads"
    }
  }
}
