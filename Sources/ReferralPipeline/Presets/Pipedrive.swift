import ReferralCore
import ReferralImport

extension CRMPreset {
  /// Pipedrive's People (or Leads) and Deals exports, as a European account writes them.
  static let pipedrive = CRMPreset(
    title: "Pipedrive",
    columns: ColumnNames([
      .leads: [
        .leadID: ["Person - ID", "Lead - ID"], .createdAt: ["Person - Person created", "Lead - Lead created"],
        .source: ["Person - Source", "Lead - Source"], .owner: ["Person - Owner", "Lead - Owner"],
        .referrerID: ["Person - Referred by", "Lead - Referred by"], .company: ["Person - Organization", "Lead - Organization"],
        .thankedAt: ["Person - Thanked on", "Lead - Thanked on"],
      ],
      .deals: [
        .dealID: ["Deal - ID"], .leadID: ["Person - ID", "Deal - Contact person ID"], .stage: ["Deal - Status"], .amount: ["Deal - Value"],
        .currency: ["Deal - Currency"], .createdAt: ["Deal - Deal created"], .closedAt: ["Deal - Deal closed on", "Deal - Won time"],
        .owner: ["Deal - Owner"], .source: ["Deal - Source"],
      ],
    ]),
    dialect: ExportDialect(
      delimiter: ";", dates: .dotted, grouping: (".", ","),
      stageNames: .init(won: "won", lost: "lost", open: ["negotiation": "open", "proposal": "open", "qualification": "open"])))
}
