import ReferralAttribution
import ReferralCore

/// What needs doing, before any figure: one line per action attribution listed.
extension ReportBuilder {
  static let actionLimit = 25

  /// What needs doing, first: one line per ``Action``.
  static func actions(_ result: AttributionResult) -> Section {
    let items = result.actions.map { line($0, currency: result.money) }
    return Section(title: "Actions", id: "actions", blocks: items.isEmpty ? [.note("Nothing to act on.")] : [.list(items)])
  }

  /// A reference to another section, as a link: " (see Referral fees)".
  static func see(_ title: String, _ id: String) -> [Text.Part] { [.plain(" (see "), .section(title: title, id: id), .plain(")")] }

  /// One action as a line of the list.
  static func line(_ action: Action, currency: MoneyStyle) -> Text {
    switch action {
    case .giveDealsAChannel(let wonDeals):
      // Counted per won deal: the referral share of wins is n/a when no won deal has a channel.
      let why =
        wonDeals == 1
        ? " won deal of the period has no channel: no lead matches it and it has no source of its own"
        : " won deals of the period have no channel: no lead matches them and they have no source of their own"
      return Text([
        .strong(Format.count(wonDeals)),
        .plain(why + " (give the leads export with --leads, or map the deals' source column under [columns.deals])"),
      ])
    case .thankReferrers(let referredLeads, let windowDays):
      // Counted per referral: one referrer with two unthanked referrals is two thank-yous owed.
      let (n, noun) = Format.counted(referredLeads, "referred lead")
      return Text([.strong(n), .plain(" \(noun) whose referrer was not thanked within \(windowDays) days")] + see("Thank-you discipline", "thank-yous"))
    case .payFees(let deals, let outstanding):
      return Text(
        [
          .strong(Format.count(deals)),
          .plain(deals == 1 ? " won referred deal with a referral fee outstanding, " : " won referred deals with referral fees outstanding, "),
          .strong(Format.money(outstanding, currency: currency)), .plain(" in all"),
        ] + see("Referral fees", "fees"))
    case .closeTheLoop(let deals):
      let (n, noun) = Format.counted(deals, "won referred deal")
      return Text([.strong(n), .plain(" \(noun) whose referrer has had no gift or fee since the win")] + see("Closing the loop", "close-the-loop"))
    case .askCustomers(let customers):
      let (n, noun) = Format.counted(customers, "customer")
      return Text([.strong(n), .plain(" \(noun) due an ask for a referral")] + see("Who to ask next", "ask-list"))
    case .askForFeedback(let customers):
      let (n, noun) = Format.counted(customers, "customer")
      return Text(
        [.strong(n), .plain(" \(noun) due an ask with no recent answer to the feedback survey: ask how it is going first")]
          + see("Who to ask next", "ask-list"))
    case .fixFirst(let customers):
      let (n, noun) = Format.counted(customers, "customer")
      return Text(
        [.strong(n), .plain(" \(noun) due an ask whose latest answer detracts: fix what they raised before asking")]
          + see("Who to ask next", "ask-list"))
    case .askLostProspects(let prospects):
      let (n, noun) = Format.counted(prospects, "prospect")
      return Text([.strong(n), .plain(" \(noun) lost in the period to ask who would be a better fit")] + see("Who to ask next", "ask-list"))
    case .callCoolingReferrers(let referrers):
      let (n, noun) = Format.counted(referrers, "top referrer")
      return Text([.strong(n), .plain(" \(noun) cooling: fewer referrals or a long silence")] + see("Top referrers, watched", "referrer-watch"))
    case .matchPayouts(let payouts):
      let (n, noun) = Format.counted(payouts, "payout")
      return Text([.strong(n), .plain(" \(noun) in the period \(payouts == 1 ? "matches" : "match") no deal")] + see("Referral fees", "fees"))
    case .coachReps(let owners, let target):
      return Text(
        [
          .strong(Format.count(owners.count)), .plain(" \(owners.count == 1 ? "rep" : "reps") below \(target) referral leads a month: "),
          .data(owners.joined(separator: ", ")),
        ] + see("Referrals per rep", "reps"))
    case .mapSources(let values):
      return Text([
        .strong(Format.count(values.count)),
        .plain(values.count == 1 ? " source value matches no channel: " : " source values match no channel: "),
        .data(values.joined(separator: ", ")), .plain(" (add aliases under [channels] in the config;"),
        .plain(" see "), .section(title: "Data quality", id: "data-quality"), .plain(")"),
      ])
    case .fixRejects(let rows):
      let (n, noun) = Format.counted(rows, "input row")
      return Text(
        [.strong(n), .plain(" \(noun) rejected, listed whole in "), .link(text: "rejects.csv", file: "rejects.csv")] + see("Data quality", "data-quality"))
    }
  }
}
