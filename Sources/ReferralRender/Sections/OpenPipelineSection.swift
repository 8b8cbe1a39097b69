import ReferralAttribution
import ReferralCore

/// The deals still open at the period's end, by channel: what won and lost leave out.
extension ReportBuilder {
  static func openPipeline(_ result: AttributionResult) -> Section {
    if let why = result.unknown(needing: .dates) { return unknown("Open pipeline", id: "open-pipeline", why) }
    let open = result.openPipeline
    let title = "Open pipeline"
    guard !open.channels.isEmpty else {
      return Section(title: title, id: "open-pipeline", blocks: [.note("No deal was open on \(open.asOf).")])
    }
    func row(_ r: OpenPipeline.Row, name: Cell) -> [Cell] {
      [
        name, .plain(r.referral ? "yes" : "no"), .count(r.deals), .money(r.value, currency: result.money),
        .days(r.medianAgeDays),
      ]
    }
    let table = Table(
      columns: [.init("Channel", .left), .init("Referral", .left), .init("Open deals"), .init("Open value"), .init("Median days open")],
      rows: open.channels.map { row($0, name: .data($0.channel)) },
      footer: [row(open.referral, name: .plain("All referral channels")), row(open.totals, name: .plain("Total"))])
    return Section(
      title: title, id: "open-pipeline",
      blocks: [
        .paragraph("Deals the exports hold as open that had started by \(open.asOf) (by their lead's creation date, else their own), by channel."),
        .table(table),
      ])
  }
}
