import ReferralAttribution

/// `referral-report channels`: the source catalogue in force as text, a line per channel with
/// whether it counts as referral and every source value that maps onto it.
package enum CatalogueText {
  package static func render(_ catalogue: Catalogue) -> String {
    var lines = ["Channels of the source catalogue (values are compared trimmed, case-folded, with _ and - as spaces):", ""]
    for channel in catalogue.channels {
      let kind = channel.referral ? "referral" : "not referral"
      lines.append("\(channel.name) (\(kind)): " + catalogue.aliases(of: channel.name).joined(separator: ", "))
    }
    let unknown = ["(empty)"] + Catalogue.unknownValues.sorted().filter { catalogue.channel(for: $0) == nil }
    lines.append("\(Catalogue.unknown) (not referral): " + unknown.joined(separator: ", "))
    lines.append("")
    lines.append("Any other value becomes a channel of its own (not referral), listed under data quality.")
    return lines.joined(separator: "\n")
  }
}
