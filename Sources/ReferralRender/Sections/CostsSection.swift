import ReferralAttribution
import ReferralCore

/// Spend, cost per lead and per win, and ROI by channel.
extension ReportBuilder {
  static func costs(_ result: AttributionResult) -> Section {
    let currency = result.money
    func row(_ c: ChannelFigures, name: Cell) -> [Cell] {
      [
        name, .money(c.spend, currency: currency), .money(c.costPerLead, currency: currency),
        .money(c.costPerWin, currency: currency), .money(c.revenue, currency: currency),
        .roi(c.roi),
      ]
    }
    let now = result.current
    let margin = now.totals.grossMargin
    let roiTitle = margin == 1 ? "ROI = (revenue − spend) ÷ spend" : "ROI = (revenue × \(Format.rate(margin)) margin − spend) ÷ spend"
    let table = Table(
      columns: [
        .init("Channel", .left), .init("Spend"), .init("Cost per lead = spend ÷ leads"), .init("Cost per win = spend ÷ won"),
        .init("Revenue"), .init(roiTitle),
      ],
      rows: now.channels.map { row($0, name: .data($0.channel)) },
      footer: [row(now.referral, name: .plain("All referral channels")), row(now.totals, name: .plain("Total"))])
    return Section(
      title: "Cost and return by channel", id: "costs",
      blocks: [
        .table(table),
        .paragraph("Spend is the spend rows of the period's months; referral channels also carry the referral fees and thank-you gifts paid in the period."),
      ])
  }
}
