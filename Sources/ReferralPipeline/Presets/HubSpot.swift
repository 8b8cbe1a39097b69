import ReferralCore
import ReferralImport

extension CRMPreset {
  /// HubSpot's Contacts and Deals exports.
  static let hubspot = CRMPreset(
    title: "HubSpot",
    columns: ColumnNames([
      .leads: [
        .leadID: ["Record ID", "Contact ID"], .createdAt: ["Create Date"], .source: ["Original Source"], .owner: ["Contact owner"],
        .referrerID: ["Referred by (Record ID)", "Referrer ID"], .company: ["Company Name"], .thankedAt: ["Thank-you sent date"],
      ],
      .deals: [
        .dealID: ["Record ID", "Deal ID"], .leadID: ["Associated Contact IDs", "Associated Contact ID", "Contact ID"], .stage: ["Deal Stage"],
        .amount: ["Amount"], .currency: ["Currency", "Deal currency code"], .createdAt: ["Create Date"], .closedAt: ["Close Date"],
        .owner: ["Deal owner"], .source: ["Original Source"],
      ],
    ]),
    wonStages: ["closedwon", "Closed won"],
    lostStages: ["closedlost", "Closed lost"],
    openStages: [
      "appointmentscheduled", "qualifiedtobuy", "presentationscheduled", "decisionmakerboughtin", "contractsent",
      "Appointment scheduled", "Qualified to buy", "Presentation scheduled", "Decision maker bought-in", "Contract sent",
    ],
    // Original Source "Referrals" is traffic from links on other web sites, not a customer
    // referral: a web channel.
    sourceChannels: [
      .init(channel: "Web Referral", referral: false, aliases: ["referrals"]),
      .init(channel: "Social", referral: false, aliases: ["social media"]),
      .init(channel: "Email", referral: false, aliases: ["email marketing"]),
      .init(channel: "Direct", referral: false, aliases: ["direct traffic"]),
    ],
    dialect: ExportDialect(
      encoding: .utf8WithByteOrderMark, dates: .iso,
      stageNames: .init(
        won: "closedwon", lost: "closedlost",
        open: ["negotiation": "contractsent", "proposal": "presentationscheduled", "qualification": "qualifiedtobuy"])))
}
