import ReferralCore
import ReferralImport

extension CRMPreset {
  /// HubSpot's Contacts and Deals exports.
  ///
  /// A contact added by hand, by import or through an integration has the Original Source
  /// "Offline Sources" (https://knowledge.hubspot.com/reports/how-were-contacts-added-to-hubspot-from-an-offline-source),
  /// so teams keep the real source in a property of their own, commonly `Lead Source`. A
  /// contacts export with both is read per row: the team's `Lead Source` when it is filled in,
  /// else HubSpot's Original (Traffic) Source, which stays right for the contacts that came
  /// through the web site and that nobody typed a Lead Source for.
  static let hubspot = CRMPreset(
    title: "HubSpot",
    columns: ColumnNames([
      .leads: [
        .leadID: ["Record ID", "Contact ID"], .createdAt: ["Create Date"], .source: ["Original Source", "Original Traffic Source"],
        .owner: ["Contact owner"],
        .referrerID: ["Referred by (Record ID)", "Referrer ID"], .company: ["Company Name"], .thankedAt: ["Thank-you sent date"],
        // The contact properties `First Name` and `Last Name` (SampleData/examples/hubspot has
        // the first).
        .firstName: ["First Name"], .lastName: ["Last Name"],
        // The contact property `Email` (internal name `email`), a default column of a contacts
        // export: its domain tells a referred company known under another name.
        .email: ["Email"],
      ],
      .deals: [
        .dealID: ["Record ID", "Deal ID"], .leadID: ["Associated Contact IDs", "Associated Contact ID", "Contact ID"], .stage: ["Deal Stage"],
        .amount: ["Amount"], .currency: ["Currency", "Deal currency code"], .createdAt: ["Create Date"], .closedAt: ["Close Date"],
        .owner: ["Deal owner"], .source: ["Original Source", "Original Traffic Source"],
      ],
      // An activity export (a notes export: Record ID, Body preview, Activity date, Associated
      // Contact IDs, as public code that reads real ones has them); `[asks] activities` keeps
      // the referral requests by the text of the note. A note about several contacts is the ask
      // of the first (as a deal's Associated Contact IDs are read).
      .asks: [.askID: ["Record ID"], .askedAt: ["Activity date"], .leadID: ["Associated Contact IDs"], .activityType: ["Body preview"]],
    ]).reading(["Lead Source"], before: .source, role: .leads)
      // The last touch's source, beside the first touch's the report reads: no source to offer.
      .knowingOthers([.leads: ["Latest Source", "Latest Traffic Source"]]),
    wonStages: ["closedwon", "Closed won"],
    lostStages: ["closedlost", "Closed lost"],
    openStages: [
      "appointmentscheduled", "qualifiedtobuy", "presentationscheduled", "decisionmakerboughtin", "contractsent",
      "Appointment scheduled", "Qualified to buy", "Presentation scheduled", "Decision maker bought-in", "Contract sent",
    ],
    // The documented Original (Traffic) Source values, by label and by internal value
    // (`ORGANIC_SEARCH` reads as "organic search"). "Referrals" is traffic from links on other
    // web sites and "AI referrals" from AI assistants, not customer referrals: web channels.
    sourceChannels: [
      .init(channel: "Organic Search", referral: false, aliases: ["organic search"]),
      .init(channel: "Paid Search", referral: false, aliases: ["paid search"]),
      .init(channel: "Email", referral: false, aliases: ["email marketing"]),
      .init(channel: "Social", referral: false, aliases: ["social media", "organic social"]),
      .init(channel: "Web Referral", referral: false, aliases: ["referrals"]),
      .init(channel: "Other Campaigns", referral: false, aliases: ["other campaigns"]),
      .init(channel: "Direct", referral: false, aliases: ["direct traffic"]),
      .init(channel: "Offline", referral: false, aliases: ["offline sources", "offline"]),
      .init(channel: "Paid Social", referral: false, aliases: ["paid social"]),
      .init(channel: "AI Assistants", referral: false, aliases: ["ai referrals"]),
    ],
    dialect: ExportDialect(
      encoding: .utf8WithByteOrderMark, dates: .iso,
      stageNames: .init(
        won: "closedwon", lost: "closedlost",
        open: ["negotiation": "contractsent", "proposal": "presentationscheduled", "qualification": "qualifiedtobuy"])))
}
