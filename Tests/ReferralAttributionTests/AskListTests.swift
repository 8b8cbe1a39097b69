import ReferralAttribution
import ReferralCore
import TestSupport
import Testing

/// Customers due an ask and prospects lost in October 2026, worked out by hand (60 days after
/// the first win at the earliest, a year at the latest).
@Suite struct AskListTests {
  static func day(_ iso: String) -> Day { Day(iso: iso)! }
  static func usd(_ units: Int64) -> Money { Money(minorUnits: units * 100) }

  static func dataset(withAsks: Bool) -> Dataset {
    var data = Dataset()
    data.sources = ["Referral", "Web"]
    data.owners = ["Ana", "Ben"]
    data.referrers = ["K2"]
    data.leads =
      ["K1", "K2", "K3", "K4", "K5", "K6", "P1", "P2"].map { Lead(id: $0, created: day("2025-06-01"), source: 1, owner: 0) } + [
        Lead(id: "N1", created: day("2026-09-01"), source: 0, referrer: 0)
      ]
    data.deals = [
      Deal(id: "KW1", leadID: "K1", outcome: .won, amount: usd(800), closed: day("2026-01-10")),  // 294 days: due
      Deal(id: "KW2", leadID: "K2", outcome: .won, amount: usd(3_000), closed: day("2026-06-01")),  // referred N1 in the year
      Deal(id: "KW3", leadID: "K3", outcome: .won, amount: usd(5_000), closed: day("2026-08-15")),  // asked 09-10
      Deal(id: "KW4", leadID: "K4", outcome: .won, amount: usd(9_000), closed: day("2026-09-15")),  // 46 days: too soon
      Deal(id: "KW5", leadID: "K5", outcome: .won, amount: usd(100), closed: day("2025-09-01")),  // 425 days: too old
      Deal(id: "KW6", leadID: "K6", outcome: .won, amount: usd(2_000), closed: day("2026-05-01")),  // 183 days: due
      Deal(id: "KW7", leadID: "K6", outcome: .won, amount: usd(500), closed: day("2026-07-01")),
      Deal(id: "LP1", leadID: "P1", outcome: .lost, amount: usd(10), closed: day("2026-10-05")),
      Deal(id: "LP0", leadID: "P1", outcome: .lost, amount: usd(10), closed: day("2026-10-20"), owner: 1),  // P1's latest loss
      Deal(id: "LP2", leadID: "P2", outcome: .lost, amount: usd(10), closed: day("2026-09-30")),  // September
    ]
    if withAsks {
      data.asks = [Ask(id: "A1", asked: day("2026-09-10"), leadID: "K3")]
      data.hasAsks = true
    }
    return data
  }

  static let options = AttributionOptions(period: Period(month: Month(year: 2026, month: 10)!))

  @Test func customersDueAnAskMostRevenueFirst() {
    let list = Attributor.attribute(Self.dataset(withAsks: true), options: Self.options).programme.askList
    // K6 ($2,000 + $500, first win 05-01: 183 days) before K1 ($800, 294 days).
    #expect(list.customers.map(\.leadID) == ["K6", "K1"])
    #expect(list.customers.map(\.revenue) == [Self.usd(2_500), Self.usd(800)])
    #expect(list.customers.map(\.daysSinceFirstWin) == [183, 294])
    #expect(list.customers.first?.owner == "Ana")
    #expect(list.asksKnown)
  }

  /// Without an asks export nobody counts as asked: K3 ($5,000) is due too.
  @Test func withoutAsksNobodyCountsAsAsked() {
    let list = Attributor.attribute(Self.dataset(withAsks: false), options: Self.options).programme.askList
    #expect(list.customers.map(\.leadID) == ["K3", "K6", "K1"])
    #expect(!list.asksKnown)
  }

  @Test func prospectsLostInThePeriodOnceEach() {
    let result = Attributor.attribute(Self.dataset(withAsks: true), options: Self.options)
    let lost = result.programme.askList.lostProspects
    // P1 lost LP1 (10-05) and LP0 (10-20): one entry, the latest, with that deal's owner.
    #expect(lost.map(\.dealID) == ["LP0"])
    #expect(lost.map(\.owner) == ["Ben"])
    #expect(result.actions.contains(.askCustomers(customers: 2)))
    #expect(result.actions.contains(.askLostProspects(prospects: 1)))
  }
}

/// The next step of each customer due an ask, from their latest answer in the 183 days to
/// 2026-10-31 (from 2026-05-01). C1–C6 all won on 2026-06-01 (152 days: due), most revenue first.
///
/// C1 answered 10 (promoter); C2 8 (passive); C3 9 on 05-01, then 3 on 08-01 "Late delivery"
/// (detractor); C4 10 on 04-01, 213 days back (no answer); C5 2 then 9 on one day, 9 later in the
/// export (promoter); C6 0 on 11-05, after the period (no answer).
@Suite struct AskListNextStepTests {
  static func day(_ iso: String) -> Day { Day(iso: iso)! }

  static func dataset(feedback: Bool) -> Dataset {
    var data = Dataset()
    data.sources = ["Web"]
    let ids = ["C1", "C2", "C3", "C4", "C5", "C6"]
    data.leads = ids.map { Lead(id: $0, created: day("2026-01-01"), source: 0) }
    data.deals = ids.enumerated().map { at, id in
      Deal(id: "W\(id)", leadID: id, outcome: .won, amount: Money(minorUnits: Int64(600 - 100 * at)), closed: day("2026-06-01"))
    }
    if feedback {
      data.answers = [
        Answer(leadID: "C1", answered: day("2026-07-01"), score: 10), Answer(leadID: "C2", answered: day("2026-07-01"), score: 8),
        Answer(leadID: "C3", answered: day("2026-05-01"), score: 9),
        Answer(leadID: "C3", answered: day("2026-08-01"), score: 3, comment: "Late delivery"),
        Answer(leadID: "C4", answered: day("2026-04-01"), score: 10), Answer(leadID: "C5", answered: day("2026-09-01"), score: 2),
        Answer(leadID: "C5", answered: day("2026-09-01"), score: 9), Answer(leadID: "C6", answered: day("2026-11-05"), score: 0),
      ]
      data.hasFeedback = true
    }
    return data
  }

  static func result(feedback: Bool = true, askPassives: Bool = false) -> AttributionResult {
    var options = AttributionOptions(period: Period(month: Month(year: 2026, month: 10)!))
    options.askPassives = askPassives
    return Attributor.attribute(dataset(feedback: feedback), options: options)
  }

  @Test func theLatestValidAnswerDecidesTheNextStep() {
    let list = Self.result().programme.askList
    #expect(list.customers.map(\.leadID) == ["C1", "C2", "C3", "C4", "C5", "C6"])
    #expect(list.customers.map(\.feedback) == [.promoter, .passive, .detractor, nil, .promoter, nil])
    #expect(list.customers.map(\.nextStep) == [.ask, .askForFeedback, .fixFirst, .askForFeedback, .ask, .askForFeedback])
    #expect(list.customers.map(\.comment) == [nil, nil, "Late delivery", nil, nil, nil])
    // Detractors first in the actions, then the asks, then the questions.
    let actions = Self.result().actions
    #expect(actions.contains(.fixFirst(customers: 1)) && actions.contains(.askCustomers(customers: 2)))
    #expect(actions.contains(.askForFeedback(customers: 3)))
  }

  @Test func passivesAreAskedWhenTheConfigSaysSo() {
    let steps = Self.result(askPassives: true).programme.askList.customers.map(\.nextStep)
    #expect(steps == [.ask, .ask, .fixFirst, .askForFeedback, .ask, .askForFeedback])
  }

  /// Without a feedback export nothing is invented: everyone's next step is the ask, as before.
  @Test func withoutFeedbackEveryoneIsAsked() {
    let list = Self.result(feedback: false).programme.askList
    #expect(!list.feedbackKnown)
    #expect(list.customers.allSatisfy { $0.nextStep == .ask && $0.feedback == nil })
    #expect(Self.result(feedback: false).actions.contains(.askCustomers(customers: 6)))
  }
}
