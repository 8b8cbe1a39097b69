import ReferralAttribution
import ReferralCore

/// Referrals from referrals, by generation, and the longest chain.
extension ReportBuilder {
  static func chains(_ result: AttributionResult) -> Section {
    if let why = result.unknown(needing: .leads) { return unknown("Referral chains", id: "chains", why) }
    let c = result.programme.chains
    var blocks: [Block] = [
      .paragraph(
        "A referrer whose own lead came from a referral makes a chain: generation 1 was referred by someone who was not, generation 2 by a generation-1 lead, and so on."
      )
    ]
    if c.generations.isEmpty {
      blocks.append(.note("No referred leads or wins in this period."))
    } else {
      blocks.append(
        .table(
          Table(
            columns: [.init("Generation"), .init("Referred leads"), .init("Revenue won")],
            rows: c.generations.map {
              [.plain(String($0.generation)), .count($0.leads), .money($0.revenue, currency: result.money)]
            })))
    }
    if !c.longest.isEmpty {
      var parts: [Text.Part] = [.plain("Longest chain to date (\(c.longest.count - 1) generations): ")]
      for (index, name) in c.longest.enumerated() {
        if index > 0 { parts.append(.plain(" → ")) }
        parts.append(.data(name))
      }
      blocks.append(.list([Text(parts)]))
    }
    return Section(title: "Referral chains", id: "chains", blocks: blocks)
  }
}
