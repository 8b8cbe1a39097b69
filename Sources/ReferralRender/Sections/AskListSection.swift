import ReferralAttribution
import ReferralCore

/// Whom to ask next: customers due an ask, and the prospects lost in the period.
extension ReportBuilder {
  static func askList(_ result: AttributionResult) -> Section {
    if let why = result.unknown(needing: [.leads, .dates]) { return unknown("Who to ask next", id: "ask-list", why) }
    let list = result.programme.askList
    let currency = result.money
    var blocks: [Block] = [
      .paragraph(
        "Customers whose first win is between \(list.afterDays) days and a year old"
          + (list.asksKnown ? ", not asked for a referral in the last twelve months, " : " ")
          + "who referred nobody in that time; most revenue first"
          + (list.asksKnown ? "." : " (no asks export was given, so nobody counts as asked).")),
      .paragraph(
        list.feedbackKnown
          ? "Next step, from each customer's latest answer to the feedback survey in the \(list.validDays) days to the period's end: "
            + "ask promoters\(list.askPassives ? " and passives" : ""), ask the others how it is going first (no answer\(list.askPassives ? "" : ", or a passive one")), "
            + "and fix what a detractor raised before anyone asks them (tasks/ask-customers.csv, tasks/ask-for-feedback.csv, tasks/fix-first.csv)."
          : "No feedback export was given (--feedback), so nobody's happiness is known and every customer's next step is the ask; "
            + "with one, only promoters are asked, the others are asked how it is going first, and detractors go to their owner to fix first."),
    ]
    if list.customers.isEmpty {
      blocks.append(.note("No customer is due an ask."))
    } else {
      // Without a feedback export every next step is the ask and nobody has an answer: the
      // feedback columns would be the same words or empty on every row.
      let feedbackColumns: [Table.Column] =
        list.feedbackKnown ? [.init("Feedback", .left), .init("Next step", .left), .init("Comment", .left)] : []
      blocks.append(
        .table(
          Table(
            columns: [
              .init("Customer", .left), .init("Company", .left), .init("Owner", .left), .init("First win", .left), .init("Revenue"), .init("Days since"),
            ] + feedbackColumns,
            rows: list.customers.prefix(actionLimit).map { customer in
              let feedback: [Cell] =
                list.feedbackKnown
                ? [
                  .plain(customer.feedback?.rawValue ?? "no answer"), .plain(nextStep(customer.nextStep)),
                  customer.comment.map { .data($0) } ?? .plain(""),
                ] : []
              return [
                .data(RecordName.withID(customer.leadID, person: customer.name, company: "")), .data(customer.company), .data(customer.owner ?? ""),
                .plain(customer.firstWin.description),
                .money(customer.revenue, currency: currency),
                .count(customer.daysSinceFirstWin),
              ] + feedback
            })))
      if list.customers.count > actionLimit { blocks.append(.note("… and \(list.customers.count - actionLimit) more (all in summary.json).")) }
    }
    blocks.append(.paragraph("Prospects lost in the period: ask who would be a better fit."))
    if list.lostProspects.isEmpty {
      blocks.append(.note("No deal with a lead was lost in the period."))
    } else {
      blocks.append(
        .table(
          Table(
            columns: [.init("Prospect", .left), .init("Company", .left), .init("Owner", .left), .init("Deal", .left), .init("Lost", .left)],
            rows: list.lostProspects.prefix(actionLimit).map {
              [
                .data(RecordName.withID($0.leadID, person: $0.name, company: "")), .data($0.company), .data($0.owner ?? ""), .data($0.dealID),
                .plain($0.lost.description),
              ]
            })))
      if list.lostProspects.count > actionLimit { blocks.append(.note("… and \(list.lostProspects.count - actionLimit) more (all in summary.json).")) }
    }
    return Section(title: "Who to ask next", id: "ask-list", blocks: blocks)
  }

  /// A next step as the report and the task lists name it.
  static func nextStep(_ step: AskList.NextStep) -> String {
    switch step {
    case .ask: "ask for a referral"
    case .askForFeedback: "ask how it is going"
    case .fixFirst: "fix first"
    }
  }
}
