import ReferralAttribution
import ReferralCore

/// The eight multi-touch models side by side: what each credits every channel, the referral
/// share under each, and which move it most from first touch.
extension ReportBuilder {
  static func attributionModels(_ result: AttributionResult) -> Section {
    let (title, id) = ("Attribution models", "attribution")
    if let why = result.unknown(needing: [.dates, .touches]) { return unknown(title, id: id, why) }
    guard let section = result.multiTouch else { return unknown(title, id: id, .noTouchesExport) }
    let money = result.money
    var blocks: [Block] = [
      .paragraph(
        "The period's \(Format.count(section.wins)) won deals and \(Format.money(section.revenue, currency: money)) of revenue shared among the touches "
          + "that led to them, by eight models. A lead's path is its touches in the touches export within \(Format.count(section.lookbackDays)) days "
          + "before its first win of the period (or the period's end), in time order, with its referral introduction as a touch on the day the lead "
          + "was created; a lead with no touch there is one touch of its own source. \(Format.count(section.paths)) paths, "
          + "\(Format.count(section.shift.converting)) of them converted. Time decay halves a touch's weight for every "
          + "\(Format.days(section.halfLifeDays)) days before the win. The credited won deals, then the credited revenue:"
      )
    ]
    if section.tooFew {
      blocks.append(
        .note("Too few to judge: \(Format.counted(section.wins, "won deal").count) \(Format.counted(section.wins, "won deal").noun) in the period."))
    }
    if section.unmatchedTouches > 0 {
      let (count, noun) = Format.counted(section.unmatchedTouches, "touch", "touches")
      blocks.append(
        .note(
          "\(count) \(noun) \(section.unmatchedTouches == 1 ? "names" : "name") no lead of the leads export and \(section.unmatchedTouches == 1 ? "is" : "are") left out."
        ))
    }
    blocks += creditTables(section, money: money).map { .table($0) }
    blocks.append(.table(shareTable(section)))
    blocks.append(.paragraph(shiftSentence(section.shift)))
    for figures in section.models {
      if let why = figures.notComputed { blocks.append(.note("\(Self.title(of: figures.model)): not computed: \(reason(why)).")) }
    }
    return Section(title: title, id: id, blocks: blocks)
  }

  /// Channels by model: the credited won deals, then the credited revenue (two tables, so that
  /// eight models fit a page); `tables/attribution.csv` has both, one row per model and channel,
  /// as plain numbers.
  private static func creditTables(_ section: MultiTouchAttribution, money: MoneyStyle) -> [Table] {
    let channels = section.models.lazy.compactMap(\.credits).first ?? []
    func table(_ figure: (ChannelCredit) -> Cell) -> Table {
      Table(
        columns: [.init("Channel", .left), .init("Referral")] + section.models.map { .init(title(of: $0.model)) },
        rows: channels.indices.map { row in
          [.data(channels[row].channel), .plain(channels[row].referral ? "yes" : "no")]
            + section.models.map { figures in figures.credits.map { figure($0[row]) } ?? .unknown(because: "not computed") }
        })
    }
    var wins = table { .plain(Format.fixed($0.wins, decimals: 2)) }
    var numbers = PlainTable(columns: ["Model", "Channel", "Referral", "Won deals (credited)", "Revenue (\(money.currency))"], rows: [])
    for figures in section.models {
      for credit in figures.credits ?? [] {
        numbers.rows.append([
          figures.model.rawValue, credit.channel, credit.referral ? "yes" : "no", Format.fixed(credit.wins, decimals: 6),
          credit.revenue.map(\.description) ?? "",
        ])
      }
    }
    wins.numbers = numbers
    return [wins, table { .money($0.revenue, currency: money) }]
  }

  /// The referral channels' share under each model, beside first touch's.
  private static func shareTable(_ section: MultiTouchAttribution) -> Table {
    let first = section.models.first
    return Table(
      columns: [.init("Model", .left), .init("Referral share of won deals"), .init("Referral share of revenue"), .init("Change from first touch")],
      rows: section.models.map { figures in
        let change =
          section.shift.ofRevenue
          ? Format.pointChange(figures.referralRevenueShare, first?.referralRevenueShare)
          : Format.pointChange(figures.referralWinShare, first?.referralWinShare)
        return [
          .plain(title(of: figures.model)), .fraction(figures.referralWinShare), .fraction(figures.referralRevenueShare),
          .plain(figures.model == .firstTouch ? "" : change),
        ]
      })
  }

  /// Which models move the referral share furthest, and the paths that make them.
  static func shiftSentence(_ shift: MultiTouchAttribution.Shift) -> String {
    let of = shift.ofRevenue ? "of revenue" : "of won deals"
    let (starting, others) = (shift.referralFirst, shift.referralFirstWithOthers)
    let paths =
      "of the \(Format.count(shift.converting)) converting paths, \(Format.count(starting)) \(starting == 1 ? "starts" : "start") with a referral and "
      + "\(Format.count(others)) of those \(others == 1 ? "has" : "have") touches of other channels after it"
    guard let furthest = shift.moves.first else {
      return "No model moves the referral share \(of) from first touch: \(paths)."
    }
    let moves = shift.moves.map { "\(modelName($0.model)) (\(Format.pointChange($0.change, 0)))" }.joined(separator: " and ")
    let why =
      furthest.change < 0
      ? "these models give those later touches part of the credit that first touch gives the introduction"
      : "these models also credit referral touches that came after another channel's first touch"
    return "\(moves.prefix(1).uppercased() + moves.dropFirst()) move the referral share \(of) furthest from first touch: \(paths), and \(why)."
  }

  static func modelName(_ model: MultiTouchModel) -> String {
    switch model {
    case .firstTouch: "first touch"
    case .lastTouch: "last touch"
    case .linear: "linear"
    case .uShaped: "U-shaped"
    case .wShaped: "W-shaped"
    case .timeDecay: "time decay"
    case .markov: "Markov"
    case .shapley: "Shapley"
    }
  }

  /// The model's name as a title: "Time decay".
  private static func title(of model: MultiTouchModel) -> String {
    let name = modelName(model)
    return name.prefix(1).uppercased() + name.dropFirst()
  }

  private static func reason(_ why: TouchPaths.NotComputed) -> String {
    switch why {
    case .tooManyChannelsForMarkov(let count):
      "the paths name \(Format.count(count)) channels, and the chain counts transitions between at most 256"
    case .tooManyChannelsForShapley(let count):
      "the paths touch \(Format.count(count)) or more channels; exact Shapley values are computed over at most 15 (2¹⁵ coalitions), "
        + "and an estimate by sampling would be another figure on every run"
    }
  }
}
