import ReferralAttribution
import ReferralCore

/// The headline figures against the previous period, and a one-line verdict.
extension ReportBuilder {
  static func headlines(_ result: AttributionResult) -> Section {
    let now = result.current
    let before = result.previous
    let currency = result.money
    func shareRow(_ title: String, _ a: Rate, _ b: Rate) -> [Cell] {
      [.plain(title), .rate(a), .rate(b), .points(a.value, b.value), .fraction(result.targetShare)]
    }
    func revenueShareRow(_ title: String, _ a: ReferralShare, _ b: ReferralShare) -> [Cell] {
      func cell(_ s: ReferralShare) -> Cell {
        Cell(text: Format.rate(s.revenue), isData: false, note: s.revenueBase.flatMap(Format.tooFew), figures: [.fraction(s.revenue)])
      }
      return [.plain(title), cell(a), cell(b), .points(a.revenue, b.revenue), .fraction(result.targetShare)]
    }
    func countRow(_ title: String, _ a: Int?, _ b: Int?) -> [Cell] {
      [.plain(title), .count(a), .count(b), .change(a.map(Double.init), b.map(Double.init)), .plain("")]
    }
    func rateRow(_ title: String, _ a: Rate, _ b: Rate) -> [Cell] {
      [.plain(title), .rate(a), .rate(b), .points(a.value, b.value), .plain("")]
    }
    let revenueRow: [Cell] = [
      .plain("Revenue"), .money(now.totals.revenue, currency: currency),
      .money(before.totals.revenue, currency: currency),
      .change(now.totals.revenue?.doubleValue, before.totals.revenue?.doubleValue), .plain(""),
    ]
    let table = Table(
      columns: [.init("Figure", .left), .init("This period", notes: true), .init("Previous period", notes: true), .init("Change"), .init("Target")],
      rows: [
        shareRow("Referral share of leads", now.referralShare.leads, before.referralShare.leads),
        shareRow("Referral share of won deals", now.referralShare.wins, before.referralShare.wins),
        revenueShareRow("Referral share of revenue", now.referralShare, before.referralShare),
        countRow("Leads", now.totals.knownLeads, before.totals.knownLeads),
        countRow("Won deals", now.totals.knownWon, before.totals.knownWon),
        revenueRow,
        rateRow(winRateTitle, now.totals.winRate, before.totals.winRate),
        rateRow("Referral " + winRateTitle.prefix(1).lowercased() + winRateTitle.dropFirst(), now.referral.winRate, before.referral.winRate),
        rateRow(conversionTitle, now.totals.leadConversion, before.totals.leadConversion),
      ])
    // Without dates there is no previous period: only this one and the target.
    let shown =
      result.timeline == nil ? Table(columns: [table.columns[0], table.columns[1], table.columns[4]], rows: table.rows.map { [$0[0], $0[1], $0[4]] }) : table
    let wonOnly: [Block] = now.totals.winRate.missing.map { [.note("Win rates are \(Format.notAvailable): \($0.reason).")] } ?? []
    let unpriced: [Block] =
      now.totals.revenueCoverage.map {
        [
          .linkedNote(
            Text([
              .plain("Revenue is the \($0): a won deal without an amount counts as a win, with its revenue unknown (listed under "),
              .section(title: "Data quality", id: "data-quality"), .plain(")."),
            ]))
        ]
      } ?? []
    let cohorts = result.programme.cohorts
    var young: [Block] = []
    if result.timeline != nil, now.totals.leadConversion.value != nil, cohorts.periodLeadsAreYoung, let typical = cohorts.medianDaysToFirstWin {
      young = [
        .linkedNote(
          Text([
            .plain(
              "Lead conversion counts the wins so far of the leads created in the period, and a lead takes \(Format.days(typical)) days to its first win "
                + "(median): most of this period's leads have not had time to close, so it will rise. "),
            .section(title: "Cohorts", id: "cohorts"), .plain(" compares months at the same age."),
          ]))
      ]
    }
    return Section(title: "Headlines", id: "headlines", blocks: [.table(shown)] + wonOnly + unpriced + young)
  }

  /// One sentence a sales manager can forward: referral share against the target.
  static func verdict(_ result: AttributionResult) -> String {
    let share = result.current.referralShare
    guard share.leads.value != nil else {
      return share.leads.missing.map { "The referral share of leads cannot be computed: \($0.reason)." }
        ?? "No leads were created in this period, so the referral share cannot be computed."
    }
    let standing =
      share.meets(target: result.targetShare).map { ", which \($0 ? "meets" : "is below") the \(Format.rate(result.targetShare)) target" }
      ?? " (no target set)"
    var text = "Referrals brought \(Format.judged(share.leads)) of \(result.timeline == nil ? "the" : "this period's") leads\(standing)"
    if share.wins.value != nil {
      text += ", and \(Format.judged(share.wins)) of won deals"
    }
    return text + "."
  }
}
