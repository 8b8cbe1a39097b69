import ReferralCore
import ReferralImport

extension CRMPreset {
  /// Salesforce reports (Leads or Contacts, Opportunities), exported as "Details Only" or
  /// saved from Excel as "Unicode Text".
  static let salesforce = CRMPreset(
    title: "Salesforce",
    columns: ColumnNames([
      .leads: [
        .leadID: ["Lead ID", "Contact ID"], .createdAt: ["Create Date", "Created Date"], .source: ["Lead Source"],
        .owner: ["Lead Owner", "Contact Owner"], .referrerID: ["Referred By ID", "Referrer ID"], .company: ["Company / Account", "Company", "Account Name"],
        .thankedAt: ["Thank You Sent", "Thanked Date"], .dealID: ["Converted Opportunity ID"],
      ],
      .deals: [
        .dealID: ["Opportunity ID"], .leadID: ["Converted Lead ID", "Lead ID", "Contact ID"], .stage: ["Stage"], .amount: ["Amount"],
        .currency: ["Opportunity Currency", "Amount Currency"], .createdAt: ["Created Date", "Create Date"], .closedAt: ["Close Date"],
        .owner: ["Opportunity Owner"], .source: ["Lead Source"],
      ],
    ]),
    wonStages: ["Closed Won"],
    lostStages: ["Closed Lost"],
    openStages: ["Needs Analysis", "Id. Decision Makers", "Perception Analysis", "Proposal/Price Quote", "Negotiation/Review"],
    dialect: ExportDialect(
      delimiter: "\t", encoding: .utf16LittleEndian, dates: .us, grouping: (",", "."),
      stageNames: .init(
        won: "Closed Won", lost: "Closed Lost",
        open: ["negotiation": "Negotiation/Review", "proposal": "Proposal/Price Quote", "qualification": "Qualification"]),
      footer: [
        "", "Grand Totals ({count} records)", "", "Confidential Information - Do Not Distribute", "",
        "Copyright (c) 2000-2026 salesforce.com, inc. All rights reserved.",
      ]))
}
