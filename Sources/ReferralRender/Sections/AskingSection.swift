import ReferralAttribution
import ReferralCore

/// Asking for referrals: customers asked against the target, asks per rep and what they brought.
extension ReportBuilder {
  static func asking(_ result: AttributionResult) -> Section {
    let title = "Asking for referrals"
    guard let a = result.programme.asking else {
      return Section(title: title, id: "asking", blocks: [.note("No referral requests export was given (--asks), so asking cannot be measured.")])
    }
    var blocks: [Block] = [
      .table(
        Table(
          columns: [.init("Figure", .left), .init("This period"), .init("Target")],
          rows: [
            [
              .plain("Customers asked in the 12 months to \(result.current.period.to) = asked ÷ customers"),
              Cell(
                text: "\(Format.rate(a.customersAskedShare)) (\(Format.count(a.customersAsked)) of \(Format.count(a.customers)))", isData: false,
                figures: [
                  .fraction(a.customersAskedShare), Figure(String(a.customersAsked), .count, part: "count"), Figure(String(a.customers), .count, part: "of"),
                ]),
              .fraction(a.target),
            ],
            [.plain("Asks in the period"), .count(a.asks), .plain("")],
            [
              .plain("Asks followed by a referral within \(a.windowDays) days"),
              Cell(
                text: "\(Format.rate(a.referralRate)) (\(Format.count(a.asksThatReferred)) of \(Format.count(a.asks)))", isData: false,
                figures: [.fraction(a.referralRate), Figure(String(a.asksThatReferred), .count, part: "count"), Figure(String(a.asks), .count, part: "of")]),
              .plain(""),
            ],
          ]))
    ]
    if a.reps.isEmpty {
      blocks.append(.note("No ask was made in this period."))
    } else {
      blocks.append(
        .table(
          Table(
            columns: [.init("Rep", .left)] + a.months.map { .init($0.description) } + [.init("Asks"), .init("Followed by a referral")],
            rows: a.reps.map { rep in
              [.data(rep.owner)] + rep.perMonth.map { .count($0) }
                + [
                  .count(rep.asks),
                  Cell(
                    text: "\(Format.count(rep.referred)) (\(Format.rate(rep.referralRate)))", isData: false,
                    figures: [Figure(String(rep.referred), .count), .fraction(rep.referralRate, part: "share")]),
                ]
            })))
    }
    return Section(title: title, id: "asking", blocks: blocks)
  }
}
