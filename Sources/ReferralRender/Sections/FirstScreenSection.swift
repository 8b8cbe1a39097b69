import ReferralAttribution
import ReferralCore

/// The answer, on the first screen: the referral share of leads, won deals and revenue with the
/// counts behind each, against the target, the previous period and the trailing year, and the
/// most valuable actions. Everything it says is decided in ``FirstScreen``.
extension ReportBuilder {
  static func firstScreen(_ result: AttributionResult) -> Section {
    let screen = result.firstScreen
    let currency = result.money
    func direction(_ direction: FirstScreen.Direction?, _ now: Double?, _ before: Double?) -> Cell {
      let figures = Cell.points(now, before).figures + [.fraction(before, part: "from")]
      guard let direction, let before else { return Cell(text: Format.notAvailable, isData: false, figures: figures) }
      let from = Format.rate(before)
      let text =
        switch direction {
        case .level: "level with \(from)"
        case .up: "up \(Format.pointChange(now, before).dropFirst()) from \(from)"
        case .down: "down \(Format.pointChange(now, before).dropFirst()) from \(from)"
        }
      return Cell(text: text, isData: false, figures: figures)
    }
    func target(_ share: FirstScreen.Share) -> Cell {
      guard let target = result.shareTarget else { return Cell(text: "no target set", isData: false, figures: [.fraction(nil)]) }
      let text = share.meetsTarget.map { "\($0 ? "meets" : "below") \(Format.rate(target))" } ?? Format.rate(target)
      return Cell(text: text, isData: false, figures: [.fraction(target)])
    }
    func behind(_ share: FirstScreen.Share) -> Cell {
      switch share.behind {
      case .counts(let part, let whole):
        let noun = share.measure == .leads ? (whole == 1 ? "lead" : "leads") : (whole == 1 ? "won deal" : "won deals")
        return Cell(
          text: "\(Format.count(part)) of \(Format.count(whole)) \(noun)", isData: false,
          figures: [Figure(String(part), .count, part: "referral"), Figure(String(whole), .count, part: "all")])
      case .money(let part, let whole):
        let unit = Figure.Unit.money(currency: currency.currency)
        return Cell(
          text: "\(Format.money(part, currency: currency)) of \(Format.money(whole, currency: currency))", isData: false,
          figures: [Figure(part?.description, unit, part: "referral"), Figure(whole?.description, unit, part: "all")])
      case nil: return share.unknown.map { .unknown(because: $0.reason) } ?? .plain(Format.notAvailable)
      }
    }
    func value(_ share: FirstScreen.Share) -> Cell {
      guard let judged = share.judgedOn else {
        return share.unknown.map { .unknown(because: $0.reason, as: .fraction) } ?? .fraction(nil)
      }
      return Cell(text: Format.rate(share.value), isData: false, note: Format.tooFew(judged), figures: [.fraction(share.value)])
    }
    let names: [FirstScreen.Share.Measure: String] = [.leads: "Leads", .wonDeals: "Won deals", .revenue: "Revenue"]
    var columns: [Table.Column] = [.init("Referral share of", .left), .init("This period", notes: true), .init("Referral of all"), .init("Target")]
    var rows = screen.shares.map { [.plain(names[$0.measure] ?? ""), value($0), behind($0), target($0)] }
    if let previous = screen.previousPeriod {
      columns.append(.init("Against \(Format.period(previous))"))
      for (i, share) in screen.shares.enumerated() { rows[i].append(direction(share.sincePrevious, share.value, share.previous)) }
    }
    var blocks: [Block] = [.paragraph(verdict(result))]
    if let year = screen.trailingYear {
      columns.append(.init("Against the trailing year"))
      for (i, share) in screen.shares.enumerated() { rows[i].append(direction(share.againstTrailingYear, share.value, share.trailingYear)) }
      blocks.append(.table(Table(columns: columns, rows: rows)))
      blocks.append(
        .note(
          screen.trailingYearIsThePeriod
            ? "The data begins on \(year.from), within the period: the trailing year would be the period itself, so it is n/a."
            : "The trailing year is \(year.from) to \(year.to), the period included."))
    } else {
      blocks.append(.table(Table(columns: columns, rows: rows)))
    }
    if screen.topActions.isEmpty {
      blocks.append(.note("Nothing to act on."))
    } else {
      let all = result.actions.count
      let lead =
        all > screen.topActions.count
        ? "The \(Format.count(screen.topActions.count)) most valuable of \(Format.count(all)) actions (all in "
        : "What to do (also in "
      blocks.append(.linkedNote(Text([.plain(lead), .section(title: "Actions", id: "actions"), .plain("):")])))
      blocks.append(.list(screen.topActions.map { line($0, currency: currency) }))
    }
    return Section(title: "At a glance", id: "at-a-glance", blocks: blocks)
  }
}
