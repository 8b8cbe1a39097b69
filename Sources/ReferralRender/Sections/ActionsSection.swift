import ReferralAttribution
import ReferralCore

/// What needs doing, before any figure: one line per kind of action.
extension ReportBuilder {
  static let actionLimit = 25

  /// What needs doing, first: one list per kind of action.
  static func actions(_ result: AttributionResult) -> Section {
    let p = result.programme
    var items: [Text] = []
    if !p.thankYous.missed.isEmpty {
      // Counted per referral: one referrer with two unthanked referrals is two thank-yous owed.
      let (n, noun) = Format.counted(p.thankYous.missed.count, "referred lead")
      items.append(
        Text([
          .strong(n), .plain(" \(noun) whose referrer was not thanked within \(p.thankYous.windowDays) days (see Thank-you discipline)"),
        ]))
    }
    if let unpaid = p.fees.unpaid, !unpaid.isEmpty {
      items.append(
        Text([
          .strong(Format.count(unpaid.count)),
          .plain(unpaid.count == 1 ? " won referred deal with a referral fee outstanding, " : " won referred deals with referral fees outstanding, "),
          .strong(Format.money(p.fees.outstanding, currency: result.currency)), .plain(" in all (see Referral fees)"),
        ]))
    }
    if !p.fees.unmatched.isEmpty {
      let (n, noun) = Format.counted(p.fees.unmatched.count, "payout")
      items.append(Text([.strong(n), .plain(" \(noun) in the period \(p.fees.unmatched.count == 1 ? "matches" : "match") no deal (see Referral fees)")]))
    }
    if !p.reps.belowTarget.isEmpty {
      items.append(
        Text([
          .strong(Format.count(p.reps.belowTarget.count)),
          .plain(" \(p.reps.belowTarget.count == 1 ? "rep" : "reps") below \(p.reps.target) referral leads a month: "),
          .data(p.reps.belowTarget.map(\.owner).joined(separator: ", ")),
        ]))
    }
    if !result.quality.unmappedSources.isEmpty {
      items.append(
        Text([
          .strong(Format.count(result.quality.unmappedSources.count)),
          .plain(result.quality.unmappedSources.count == 1 ? " source value matches no channel: " : " source values match no channel: "),
          .data(result.quality.unmappedSources.map(\.value).joined(separator: ", ")), .plain(" (add aliases under [channels] in the config)"),
        ]))
    }
    let rejected = result.quality.inputs.reduce(0) { $0 + $1.rejected }
    if rejected > 0 {
      let (n, noun) = Format.counted(rejected, "input row")
      items.append(
        Text([.strong(n), .plain(" \(noun) rejected, listed whole in "), .link(text: "rejects.csv", file: "rejects.csv"), .plain(" (see Data quality)")]))
    }
    return Section(title: "Actions", id: "actions", blocks: items.isEmpty ? [.note("Nothing to act on.")] : [.list(items)])
  }
}
