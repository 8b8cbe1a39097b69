import ReferralAttribution
import ReferralCore

/// One line per rep: referral share of their wins and revenue, referred deals' win rate
/// against their others, and their plan's attainment.
extension ReportBuilder {
  static func scorecards(_ result: AttributionResult) -> Section {
    let s = result.programme.scorecards
    let currency = result.money
    let title = "Rep scorecards"
    guard !s.reps.isEmpty else { return Section(title: title, id: "scorecards", blocks: [.note("No lead or deal of the period names an owner.")]) }
    let hasPlans = s.hasPlans
    let lossNote = s.lossesKnown ? nil : Unknown.wonOnly.reason
    var columns: [Table.Column] = [
      .init("Rep", .left), .init("Leads"), .init("Referral leads"), .init("Win rate, referred deals", notes: true),
      .init("Win rate, other deals", notes: true), .init("Referral share of wins", notes: true), .init("Referral share of revenue"),
    ]
    if hasPlans { columns += [.init("Year to date"), .init("Plan"), .init("Attainment")] }
    let rows = s.reps.map { rep -> [Cell] in
      var cells: [Cell] = [
        .data(rep.owner), .count(rep.knownLeads), .count(rep.knownReferralLeads),
        .rate(rep.referredWinRate), .rate(rep.otherWinRate), .rate(rep.referralShareOfWins), .fraction(rep.referralShareOfRevenue),
      ]
      if hasPlans {
        cells += [
          .money(rep.yearToDateRevenue, currency: currency), rep.plan.map { .money($0, currency: currency) } ?? .none(.money(currency: currency.currency)),
          .fraction(rep.attainment),
        ]
      }
      return cells
    }
    var notes =
      "Leads the rep owns created in the period; deals closed in the period by their owner (the lead's when the deal has none). "
      + "The reps whose referral share of wins is lowest come first."
    if hasPlans {
      notes +=
        " Attainment = won revenue of the fiscal year to date ÷ the year's plan (set under [targets.reps]); \(Format.rate(s.elapsed)) of the year has passed."
    }
    if let lossNote { notes += " Win rates are \(Format.notAvailable): \(lossNote)." }
    return Section(title: title, id: "scorecards", blocks: [.paragraph(notes), .table(Table(columns: columns, rows: rows))])
  }
}
