import ReferralCore

/// What the leads' values say about the exports' shape (see ``ReferralCore/Notice``): decided
/// here, over the period's leads, because a source that hides most of them or referrers
/// without a referral channel make the referral share wrong with every row accepted.
enum ShapeNotices {
  /// The share of the period's leads above which `Unknown` or one opaque source value is
  /// noticed: past half, the figures by channel describe a minority of the leads, and the
  /// referral share could be out by more than the share it is computed from.
  static let hiddenShareLimit = 0.5

  /// Source values that say how a lead was entered, not where it came from: HubSpot files
  /// every contact created by hand, by import or by an integration under `Offline Sources`,
  /// and CRMs' own catch-alls read the same. Compared by ``Catalogue/key(_:)``.
  static let opaqueValues: Set<String> = ["offline sources", "offline", "other", "others", "import", "imported", "crm ui", "manual", "manually created"]

  static func make(ledger: Ledger, period: Period) -> [Notice] {
    let data = ledger.dataset
    guard let file = data.inputs.first(where: { $0.role == .leads })?.file else { return [] }
    let leads = ledger.leads
    // Counts per raw source value (a few hundred at most), not a list of leads.
    var perSource = [Int](repeating: 0, count: data.sources.count)
    var referredPerSource = perSource
    var referralLeads = 0
    for lead in leads.indices where period.contains(leads.created(lead)) {
      let source = Int(leads.source(lead))
      perSource[source] += 1
      if ledger.isReferral(ledger.leadChannel(lead)) { referralLeads += 1 }
      if leads.referrer(lead) != nil { referredPerSource[source] += 1 }
    }
    let referred = referredPerSource.reduce(0, +)
    let total = perSource.reduce(0, +)
    guard total > 0 else { return [] }
    var notices: [Notice] = []
    let realSource = "map the column the team fills in with the real source: [columns.leads] source = \"…\" (see any unread column named above)"
    let unknown = perSource.indices.filter { ledger.channels[ledger.channel(ofSource: TextID($0))].name == Catalogue.unknown }.map { perSource[$0] }
      .reduce(0, +)
    if Double(unknown) > hiddenShareLimit * Double(total) {
      notices.append(
        Notice(
          kind: .hiddenSources, file: file,
          message: "\(share(unknown, of: total)) have no known source (Unknown): \(rest(total - unknown))",
          fix: realSource))
    } else if let top = perSource.indices.max(by: { (perSource[$0], $1) < (perSource[$1], $0) }),
      Double(perSource[top]) > hiddenShareLimit * Double(total), opaqueValues.contains(Catalogue.key(data.sources[top]))
    {
      notices.append(
        Notice(
          kind: .hiddenSources, file: file,
          message: "\(share(perSource[top], of: total)) have the source '\(data.sources[top])', which says how a lead was entered, "
            + "not where it came from: \(rest(total - perSource[top]))",
          fix: realSource))
    }
    if referralLeads == 0, referred > 0 {
      // The fix names the source most of the referred leads have (the lowest value of equals).
      let common = referredPerSource.indices.max { (referredPerSource[$0], data.sources[$1]) < (referredPerSource[$1], data.sources[$0]) }!
      let value = data.sources[common]
      let hidden = value.isEmpty || Catalogue.unknownValues.contains(Catalogue.key(value)) || opaqueValues.contains(Catalogue.key(value))
      notices.append(
        Notice(
          kind: .referrersWithoutReferralChannel, file: file,
          message: "\(referred) of the period's \(total) leads name a referrer, but no lead is in a referral channel, "
            + "so the referral share of leads reads 0%"
            + (hidden ? "" : ": their most common source, '\(value)', is in no referral channel"),
          fix: hidden ? realSource : "[channels.Referral] referral = true, aliases = [\"\(value)\"]"))
    }
    return notices
  }

  /// What the figures by channel rest on once `known` leads are left.
  private static func rest(_ known: Int) -> String {
    known == 0
      ? "the referral share of leads and every figure by channel say nothing of where the leads came from"
      : "the referral share of leads and every figure by channel rest on the other \(known)"
  }

  /// "38 of the period's 55 leads (69%)".
  private static func share(_ count: Int, of total: Int) -> String {
    "\(count) of the period's \(total) leads (\(Int((Double(count) * 100 / Double(total)).rounded()))%)"
  }
}
