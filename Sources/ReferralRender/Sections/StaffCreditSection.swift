import ReferralAttribution
import ReferralCore

/// Who outside sales brings referrals: the period's referral leads, wins and revenue per
/// credited person and role, and the staff share owed under `[fees.staff]`.
extension ReportBuilder {
  static func staffCredit(_ result: AttributionResult) -> Section {
    let (title, id) = ("Who brings referrals", "staff-credit")
    if let why = result.unknown(needing: .leads) { return unknown(title, id: id, why) }
    let s = result.programme.credit.staff
    if let why = s.unknown { return Section(title: title, id: id, blocks: [.note("Not known: \(why) (map [columns.leads] credited_to).")]) }
    let currency = result.money
    func money(_ value: Money?, _ why: String) -> Cell {
      value.map { .money($0, currency: currency) } ?? .unknown(because: why, as: .money(currency: currency.currency))
    }
    let noRule = "no [fees.staff] rule for the role"
    func table(_ rows: [StaffCredit.Row], person: Bool) -> Table {
      Table(
        columns: (person ? [.init("Person", .left)] : []) + [
          .init("Role", .left), .init("Referral leads"), .init("Won"), .init("Revenue"), .init("Staff share owed", notes: true),
        ],
        rows: rows.prefix(actionLimit).map { r in
          (person ? [Cell.data(r.name)] : []) + [
            .data(r.role), .count(r.leads), .count(r.won), money(r.revenue, "no amounts"), money(r.owed, noRule),
          ]
        })
    }
    let share = s.outsideSalesShare.map(Format.rate) ?? Format.notAvailable
    var blocks: [Block] = [
      .paragraph(
        "Referrals by who sourced them (credited_to) and their role (credited_role). Referral revenue credited outside sales: "
          + "\(Format.money(s.outsideSalesRevenue, currency: currency)) of \(Format.money(s.referralRevenue, currency: currency)) (\(share)); "
          + "referrals that credit nobody count as sales (their owner's). Staff share owed: "
          + (s.owed.map { Format.money($0, currency: currency) } ?? "n/a (no [fees.staff] rules)") + "."),
      .table(table(s.roles, person: false)),
    ]
    if !s.people.isEmpty {
      blocks.append(.table(table(s.people, person: true)))
      if s.people.count > actionLimit { blocks.append(.note("… and \(s.people.count - actionLimit) more (all in summary.json).")) }
    }
    if s.unknownShares > 0 {
      blocks.append(
        .note(
          "\(Format.count(s.unknownShares)) won referred \(s.unknownShares == 1 ? "deal has" : "deals have") no amount: its staff share is unknown, left out."))
    }
    return Section(title: title, id: id, blocks: blocks)
  }
}
