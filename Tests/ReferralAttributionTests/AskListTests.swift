import ReferralAttribution
import ReferralCore
import TestSupport
import Testing

/// Customers due an ask and prospects lost in October 2026, worked out by hand (60 days after
/// the first win at the earliest, a year at the latest).
@Suite struct AskListTests {
  static func usd(_ units: Int64) -> Money { Money(minorUnits: units * 100) }

  /// K1–K6, P1 and P2 came from the web in June 2025, Ana's; N1, referred by K2, in September
  /// 2026. The deals:
  /// - KW1: 294 days: due.
  /// - KW2: K2 referred N1 in the year.
  /// - KW3: asked 09-10.
  /// - KW4: 46 days: too soon.
  /// - KW5: 425 days: too old.
  /// - KW6: 183 days: due.
  /// - LP0: P1's latest loss (Ben's).
  /// - LP2: September.
  static func dataset(withAsks: Bool) throws -> Dataset {
    let leads = """
      lead_id,created_at,source,owner,referrer_id
      K1,2025-06-01,Web,Ana,
      K2,2025-06-01,Web,Ana,
      K3,2025-06-01,Web,Ana,
      K4,2025-06-01,Web,Ana,
      K5,2025-06-01,Web,Ana,
      K6,2025-06-01,Web,Ana,
      P1,2025-06-01,Web,Ana,
      P2,2025-06-01,Web,Ana,
      N1,2026-09-01,Referral,,K2

      """
    let deals = """
      deal_id,lead_id,stage,amount,closed_at,owner
      KW1,K1,won,800.00,2026-01-10,
      KW2,K2,won,3000.00,2026-06-01,
      KW3,K3,won,5000.00,2026-08-15,
      KW4,K4,won,9000.00,2026-09-15,
      KW5,K5,won,100.00,2025-09-01,
      KW6,K6,won,2000.00,2026-05-01,
      KW7,K6,won,500.00,2026-07-01,
      LP1,P1,lost,10.00,2026-10-05,
      LP0,P1,lost,10.00,2026-10-20,Ben
      LP2,P2,lost,10.00,2026-09-30,

      """
    let asks = """
      ask_id,asked_at,lead_id
      A1,2026-09-10,K3

      """
    return try Dataset.importing(withAsks ? [.leads: leads, .deals: deals, .asks: asks] : [.leads: leads, .deals: deals])
  }

  static let options = AttributionOptions(period: Period(month: Month(year: 2026, month: 10)!))

  @Test func customersDueAnAskMostRevenueFirst() throws {
    let list = Attributor.attribute(try Self.dataset(withAsks: true), options: Self.options).programme.askList
    // K6 ($2,000 + $500, first win 05-01: 183 days) before K1 ($800, 294 days).
    #expect(list.customers.map(\.leadID) == ["K6", "K1"])
    #expect(list.customers.map(\.revenue) == [Self.usd(2_500), Self.usd(800)])
    #expect(list.customers.map(\.daysSinceFirstWin) == [183, 294])
    #expect(list.customers.first?.owner == "Ana")
    #expect(list.asksKnown)
  }

  /// Without an asks export nobody counts as asked: K3 ($5,000) is due too.
  @Test func withoutAsksNobodyCountsAsAsked() throws {
    let list = Attributor.attribute(try Self.dataset(withAsks: false), options: Self.options).programme.askList
    #expect(list.customers.map(\.leadID) == ["K3", "K6", "K1"])
    #expect(!list.asksKnown)
  }

  @Test func prospectsLostInThePeriodOnceEach() throws {
    let result = Attributor.attribute(try Self.dataset(withAsks: true), options: Self.options)
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
  /// C1–C6 came from the web on 2026-01-01; their won deals are worth $6.00 down to $1.00.
  static func dataset(feedback: Bool) throws -> Dataset {
    let leads = """
      lead_id,created_at,source
      C1,2026-01-01,Web
      C2,2026-01-01,Web
      C3,2026-01-01,Web
      C4,2026-01-01,Web
      C5,2026-01-01,Web
      C6,2026-01-01,Web

      """
    let deals = """
      deal_id,lead_id,stage,amount,closed_at
      WC1,C1,won,6.00,2026-06-01
      WC2,C2,won,5.00,2026-06-01
      WC3,C3,won,4.00,2026-06-01
      WC4,C4,won,3.00,2026-06-01
      WC5,C5,won,2.00,2026-06-01
      WC6,C6,won,1.00,2026-06-01

      """
    let answers = """
      lead_id,answered_at,score,comment
      C1,2026-07-01,10,
      C2,2026-07-01,8,
      C3,2026-05-01,9,
      C3,2026-08-01,3,Late delivery
      C4,2026-04-01,10,
      C5,2026-09-01,2,
      C5,2026-09-01,9,
      C6,2026-11-05,0,

      """
    return try Dataset.importing(feedback ? [.leads: leads, .deals: deals, .feedback: answers] : [.leads: leads, .deals: deals])
  }

  static func result(feedback: Bool = true, askPassives: Bool = false) throws -> AttributionResult {
    var options = AttributionOptions(period: Period(month: Month(year: 2026, month: 10)!))
    options.askPassives = askPassives
    return Attributor.attribute(try dataset(feedback: feedback), options: options)
  }

  @Test func theLatestValidAnswerDecidesTheNextStep() throws {
    let list = try Self.result().programme.askList
    #expect(list.customers.map(\.leadID) == ["C1", "C2", "C3", "C4", "C5", "C6"])
    #expect(list.customers.map(\.feedback) == [.promoter, .passive, .detractor, nil, .promoter, nil])
    #expect(list.customers.map(\.nextStep) == [.ask, .askForFeedback, .fixFirst, .askForFeedback, .ask, .askForFeedback])
    #expect(list.customers.map(\.comment) == [nil, nil, "Late delivery", nil, nil, nil])
    // Detractors first in the actions, then the asks, then the questions.
    let actions = try Self.result().actions
    #expect(actions.contains(.fixFirst(customers: 1)) && actions.contains(.askCustomers(customers: 2)))
    #expect(actions.contains(.askForFeedback(customers: 3)))
  }

  @Test func passivesAreAskedWhenTheConfigSaysSo() throws {
    let steps = try Self.result(askPassives: true).programme.askList.customers.map(\.nextStep)
    #expect(steps == [.ask, .ask, .fixFirst, .askForFeedback, .ask, .askForFeedback])
  }

  /// Without a feedback export nothing is invented: everyone's next step is the ask, as before.
  @Test func withoutFeedbackEveryoneIsAsked() throws {
    let list = try Self.result(feedback: false).programme.askList
    #expect(!list.feedbackKnown)
    #expect(list.customers.allSatisfy { $0.nextStep == .ask && $0.feedback == nil })
    #expect(try Self.result(feedback: false).actions.contains(.askCustomers(customers: 6)))
  }
}
