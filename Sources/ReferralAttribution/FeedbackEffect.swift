import ReferralCore

/// Does happiness predict referrals? Customers grouped by the band of their latest answer to the
/// feedback survey (and those who never answered): how many referred someone within twelve
/// months of answering, and the revenue those referrals won. If promoters refer no more than
/// detractors, asking only promoters is a rule the data does not back.
package struct FeedbackEffect: Sendable, Equatable {
  /// A band of answers, or no answer at all.
  package enum Group: Sendable, Equatable {
    case band(FeedbackBand)
    case noAnswer

    /// The group's name in `summary.json`: the band's, or `no_answer`.
    package var key: String {
      switch self {
      case .band(let band): band.rawValue
      case .noAnswer: "no_answer"
      }
    }
  }

  package struct Row: Sendable, Equatable {
    package var group: Group
    /// Customers in the group: by their latest answer by ``FeedbackEffect/cohortEnd``; with no
    /// answer, those whose first win is by then.
    package var customers: Int
    /// Of those, the ones who referred someone within 365 days after their answer (after their
    /// first win, for no answer).
    package var referred: Int
    package var rate: Rate
    /// Won revenue of the deals of the leads they referred in that time, closed by the period's
    /// end; `nil` when the deals export has no amounts.
    package var revenue: Money?
  }

  /// The groups in order: promoter, passive, detractor, no answer.
  package var rows: [Row]
  /// The last day an answer (or, for no answer, a first win) is counted from: a year before the
  /// period's end, so that every customer counted had a whole year to refer.
  package var cohortEnd: Day

  /// `nil` without a feedback export: happiness is then unknown, not "no answer" for everyone.
  static func make(ledger: Ledger, period: Period, minSample: Int) -> FeedbackEffect? {
    let data = ledger.dataset
    guard data.hasFeedback else { return nil }
    let (leads, answers) = (ledger.leads, data.feedbackTable)
    let cohortEnd = period.to.adding(days: -365)
    // Each customer's (first win by the period's end) latest answer by the cohort's end (the
    // later in the export on a tie).
    var latest: [Int: Int] = [:]
    for answer in answers.indices where answers.answered(answer) <= cohortEnd {
      guard let lead = ledger.lead(ofAnswer: answer), ledger.isCustomer(lead, by: period.to) else { continue }
      if let known = latest[lead], answers.answered(answer) < answers.answered(known) { continue }
      latest[lead] = answer
    }
    // Every customer counted, with the day their year starts and their group.
    var start: [Int: (day: Day, group: Int)] = [:]
    for lead in leads.indices {
      if let answer = latest[lead] {
        let band = data.feedbackScale.band(of: answers.score(answer))
        start[lead] = (answers.answered(answer), FeedbackBand.allCases.firstIndex(of: band)!)
      } else if let win = ledger.firstWin(ofLead: lead), win <= cohortEnd {
        start[lead] = (win, FeedbackBand.allCases.count)
      }
    }
    let referrals = Referrals(ledger)
    var counts = Array(repeating: (customers: 0, referred: 0, revenue: Int64(0)), count: FeedbackBand.allCases.count + 1)
    for (lead, entry) in start {
      counts[entry.group].customers += 1
      if referrals.any(by: lead, from: entry.day, to: entry.day.adding(days: 365)) { counts[entry.group].referred += 1 }
    }
    let deals = ledger.deals
    for index in deals.indices where deals.outcome[index] == .won {
      guard let closed = deals.closed(index), closed <= period.to, let referred = ledger.dealLead(index),
        let customer = ledger.referringLead(ofLead: referred), let entry = start[customer]
      else { continue }
      let created = leads.created(referred)
      guard created >= entry.day, created <= entry.day.adding(days: 365) else { continue }
      counts[entry.group].revenue += deals.amount(index)?.minorUnits ?? 0
    }
    let groups = FeedbackBand.allCases.map(Group.band) + [.noAnswer]
    let rows = zip(groups, counts).map { group, count in
      Row(
        group: group, customers: count.customers, referred: count.referred,
        rate: Rate(count.referred, of: count.customers, .customers, minSample: minSample),
        revenue: data.dealsHaveAmounts ? Money(minorUnits: count.revenue) : nil)
    }
    return FeedbackEffect(rows: rows, cohortEnd: cohortEnd)
  }
}
