import ReferralAttribution
import ReferralCore
import ReferralImport

/// The export layouts of common CRMs: their header names, stage values and source quirks.
/// Selected with `--preset` or `[inputs] preset`; the config's own mappings go on top.
public enum Preset: String, Sendable, CaseIterable {
  case generic
  case salesforce
  case hubspot
  case pipedrive

  /// The header names of this CRM's exports, per input and field (generic names always work too).
  public var columns: ColumnNames {
    switch self {
    case .generic: return ColumnNames()
    case .salesforce:
      return ColumnNames([
        .leads: [
          .leadID: ["Lead ID", "Contact ID"], .createdAt: ["Create Date", "Created Date"], .source: ["Lead Source"],
          .owner: ["Lead Owner", "Contact Owner"], .referrerID: ["Referred By ID", "Referrer ID"], .company: ["Company / Account", "Company", "Account Name"],
          .thankedAt: ["Thank You Sent", "Thanked Date"],
        ],
        .deals: [
          .dealID: ["Opportunity ID"], .leadID: ["Converted Lead ID", "Lead ID", "Contact ID"], .stage: ["Stage"], .amount: ["Amount"],
          .currency: ["Opportunity Currency", "Amount Currency"], .createdAt: ["Created Date", "Create Date"], .closedAt: ["Close Date"],
          .owner: ["Opportunity Owner"], .source: ["Lead Source"],
        ],
      ])
    case .hubspot:
      return ColumnNames([
        .leads: [
          .leadID: ["Record ID", "Contact ID"], .createdAt: ["Create Date"], .source: ["Original Source"], .owner: ["Contact owner"],
          .referrerID: ["Referred by (Record ID)", "Referrer ID"], .company: ["Company Name"], .thankedAt: ["Thank-you sent date"],
        ],
        .deals: [
          .dealID: ["Record ID", "Deal ID"], .leadID: ["Associated Contact IDs", "Associated Contact ID", "Contact ID"], .stage: ["Deal Stage"],
          .amount: ["Amount"], .currency: ["Currency", "Deal currency code"], .createdAt: ["Create Date"], .closedAt: ["Close Date"],
          .owner: ["Deal owner"], .source: ["Original Source"],
        ],
      ])
    case .pipedrive:
      return ColumnNames([
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
      ])
    }
  }

  /// Stage values beyond the common ones.
  var stages: (won: [String], lost: [String], open: [String]) {
    switch self {
    case .generic, .pipedrive: return ([], [], [])
    case .salesforce: return (["Closed Won"], ["Closed Lost"], ["Needs Analysis", "Id. Decision Makers", "Perception Analysis", "Proposal/Price Quote", "Negotiation/Review"])
    case .hubspot:
      return (
        ["closedwon", "Closed won"], ["closedlost", "Closed lost"],
        ["appointmentscheduled", "qualifiedtobuy", "presentationscheduled", "decisionmakerboughtin", "contractsent",
         "Appointment scheduled", "Qualified to buy", "Presentation scheduled", "Decision maker bought-in", "Contract sent"]
      )
    }
  }

  /// Source values that mean something else in this CRM.
  func adjust(_ catalogue: inout Catalogue) {
    guard self == .hubspot else { return }
    // HubSpot's Original Source "Referrals" is traffic from links on other web sites, not a
    // customer referral: a web channel.
    catalogue.add("Web Referral", referral: false, aliases: ["referrals"])
    catalogue.add("Social", referral: false, aliases: ["social media"])
    catalogue.add("Email", referral: false, aliases: ["email marketing"])
    catalogue.add("Direct", referral: false, aliases: ["direct traffic"])
  }
}
