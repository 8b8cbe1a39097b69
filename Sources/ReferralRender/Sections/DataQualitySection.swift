import ReferralAttribution
import ReferralCore

/// The account of every input row, reject reasons, unmapped sources and warnings.
extension ReportBuilder {
  static func dataQuality(_ quality: DataQuality, currency: MoneyStyle) -> Section {
    var blocks: [Block] = []
    let inputs = Table(
      columns: [.init("Input", .left), .init("File", .left), .init("Rows"), .init("Accepted"), .init("Rejected"), .init("Skipped")],
      rows: quality.inputs.map {
        [
          .plain($0.role.rawValue), .data($0.file), .count($0.rows), .count($0.accepted),
          .count($0.rejected), .count($0.skipped),
        ]
      })
    blocks.append(.paragraph("Every row read is accepted, rejected (listed whole in rejects.csv) or skipped (report footers, empty rows)."))
    blocks.append(.table(inputs))
    if !quality.limits.isEmpty {
      blocks.append(.paragraph("What these exports cannot tell:"))
      blocks.append(.list(quality.limits.map { Text(plain: $0.prefix(1).uppercased() + $0.dropFirst() + ".") }))
    }
    if quality.rejectReasons.isEmpty {
      blocks.append(.note("No rows were rejected."))
    } else {
      blocks.append(.paragraph("Rejected rows by reason:"))
      blocks.append(.list(quality.rejectReasons.map { Text([.data($0.file), .plain(": \($0.reason): "), .strong(Format.count($0.count))]) }))
    }
    if !quality.outliers.isEmpty {
      blocks.append(.paragraph("Won deals whose amount dwarfs the rest of the period (check them before trusting revenue figures):"))
      blocks.append(
        .list(
          quality.outliers.map {
            Text([
              .data($0.dealID), .plain(" ("), .data($0.channel), .plain(", won \($0.closed)): "), .strong(Format.money($0.amount, currency: currency)),
              .plain(", \(Format.rate($0.shareOfRevenue)) of the period's revenue and \(Format.fixed($0.timesMedian, decimals: 1))× the median won deal"),
            ])
          }))
    }
    if !quality.sourceValues.isEmpty {
      blocks.append(.paragraph("Source values by the channel they went into (the command referral-report channels lists the whole catalogue):"))
      blocks.append(
        .list(quality.sourceValues.map { Text([.data($0.channel), .plain(": "), .data($0.values.joined(separator: ", "))]) }))
    }
    if !quality.unmappedSources.isEmpty {
      blocks.append(.paragraph("Source values that match no channel of the catalogue (each kept as its own channel; add an alias to map it):"))
      blocks.append(.list(quality.unmappedSources.map { Text([.data($0.value)]) }))
    }
    if quality.unmatchedDeals > 0 {
      blocks.append(
        .list([
          Text([
            .strong(Format.count(quality.unmatchedDeals)),
            .plain(
              quality.unmatchedDeals == 1
                ? " deal names a lead_id that matches no lead; it is attributed by its own source ("
                : " deals name a lead_id that matches no lead; they are attributed by their own source (e.g. "),
            .data(quality.unmatchedDealExamples.prefix(5).joined(separator: ", ")), .plain(")."),
          ])
        ]))
    }
    if quality.wonWithoutAmount > 0 {
      let examples = quality.wonWithoutAmountExamples.prefix(5).map { "\($0.dealID) at \($0.file):\($0.line)" }.joined(separator: ", ")
      blocks.append(
        .list([
          Text([
            .strong(Format.count(quality.wonWithoutAmount)),
            .plain(
              quality.wonWithoutAmount == 1
                ? " won deal has no amount: it counts as a win (won deals, win rates, lead conversion, sales cycle), its revenue is unknown and left out of revenue ("
                : " won deals have no amount: they count as wins (won deals, win rates, lead conversion, sales cycle), their revenue is unknown and left out of revenue (e.g. "
            ),
            .data(examples), .plain(")."),
          ])
        ]))
    }
    if !quality.warnings.isEmpty {
      blocks.append(.paragraph("Warnings (rows accepted, but worth a look):"))
      blocks.append(.list(quality.warnings.prefix(20).map { Text([.data("\($0.file):\($0.line)"), .plain(": "), .data($0.message)]) }))
      if quality.warnings.count > 20 { blocks.append(.note("… and \(quality.warnings.count - 20) more.")) }
    }
    return Section(title: "Data quality", id: "data-quality", blocks: blocks)
  }
}
