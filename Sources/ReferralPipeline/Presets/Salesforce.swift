import ReferralCore
import ReferralImport

extension CRMPreset {
  /// Salesforce reports (Leads or Contacts, Opportunities), exported as "Details Only" or
  /// saved from Excel as "Unicode Text".
  ///
  /// A report exports its columns under the field labels of the user's language. The labels
  /// listed beside the English ones are those public code reads from real exports: French
  /// (Leads: `ID de piste`, `Origine de la piste`, `Propriétaire de la piste`,
  /// `Société/Compte`), German (Leads: `Lead-ID`, `Erstelldatum`, `Lead-Quelle`, `Lead-Inhaber`,
  /// `Firma/Account`, `Opportunity-ID`; Opportunities: `Opportunity-ID`, `Phase`, `Erstelldatum`,
  /// `Schlusstermin`, `Opportunity-Inhaber`, `Lead-Quelle`), Brazilian Portuguese
  /// (Opportunities: `Fase`, `Proprietário da oportunidade`) and Spanish (Opportunities: `Id. de
  /// la oportunidad`, `Propietario de oportunidad`, `Origen de la oportunidad`, `Etapa`, `Fecha
  /// de cierre`, `Fecha de creación`, `Importe`; a Mexican org's `Origen del prospecto`). Other
  /// labels are not listed until
  /// they are verified the same way: a header the preset does not know stops the run, and
  /// `[columns.<input>]` maps it. A multi-currency org's report has `Amount Currency` beside
  /// `Amount`, and `Amount (converted) Currency` beside `Amount (converted)` (the amount in the
  /// corporate currency): `Amount` is read when the export has it, else `Amount (converted)`,
  /// and the currency from the first of `Opportunity Currency`, `Amount Currency` and `Amount
  /// (converted) Currency` the export has. A report with the Opportunity fields `Won` and
  /// `Closed` (`IsWon` and `IsClosed`, labelled so in Salesforce's field reference:
  /// https://developer.salesforce.com/docs/platform/field-reference/references/field-reference/salesforce-field-reference-opportunitystage.html)
  /// is settled by them, so an org's own stage names need no `[stages]`.
  static let salesforce = CRMPreset(
    title: "Salesforce",
    columns: ColumnNames([
      .leads: [
        .leadID: ["Lead ID", "Contact ID", "ID de piste", "Lead-ID"], .createdAt: ["Create Date", "Created Date", "Erstelldatum"],
        .source: ["Lead Source", "Origine de la piste", "Lead-Quelle"],
        .owner: ["Lead Owner", "Contact Owner", "Propriétaire de la piste", "Lead-Inhaber"], .referrerID: ["Referred By ID", "Referrer ID"],
        .company: ["Company / Account", "Company", "Account Name", "Société/Compte", "Firma/Account"],
        .thankedAt: ["Thank You Sent", "Thanked Date"], .dealID: ["Converted Opportunity ID", "Opportunity-ID"],
        // A Leads or Contacts report splits the person's name (`First Name`, `Last Name`; German
        // `Vorname`, `Nachname`, as SampleData/examples/salesforce-de has them); `Name` is the
        // whole name where a report shows it so.
        .name: ["Name"], .firstName: ["First Name", "Vorname"], .lastName: ["Last Name", "Nachname"],
        // The Lead's and the Contact's `Email` field, labelled `Email` (Salesforce's field
        // reference for Lead: https://developer.salesforce.com/docs/platform/field-reference/references/field-reference/salesforce-field-reference-lead.html);
        // other languages' labels are not listed until verified.
        .email: ["Email"],
      ],
      .deals: [
        .dealID: ["Opportunity ID", "Opportunity-ID", "Id. de la oportunidad"], .leadID: ["Converted Lead ID", "Lead ID", "Contact ID"],
        .stage: ["Stage", "Phase", "Fase", "Etapa"],
        .amount: ["Amount", "Amount (converted)", "Importe"], .currency: ["Opportunity Currency", "Amount Currency", "Amount (converted) Currency"],
        .createdAt: ["Created Date", "Create Date", "Erstelldatum", "Fecha de creación"], .closedAt: ["Close Date", "Schlusstermin", "Fecha de cierre"],
        .owner: ["Opportunity Owner", "Opportunity-Inhaber", "Proprietário da oportunidade", "Propietario de oportunidad"],
        .source: ["Lead Source", "Lead-Quelle", "Origen de la oportunidad", "Origen del prospecto"],
        .isWon: ["Won"], .isClosed: ["Closed"],
      ],
      // A Tasks report or list export, under the Task's field labels (Salesforce's field
      // reference: https://developer.salesforce.com/docs/atlas.en-us.sfFieldRef.meta/sfFieldRef/salesforce_field_reference_Task.htm;
      // older orgs label ActivityDate "Due Date" and OwnerId "Assigned To"). `Name ID` is the
      // lead or contact the task is about; `[asks] activities` keeps the referral requests, by
      // subject.
      .asks: [
        .askID: ["Activity ID"], .askedAt: ["Due Date Only", "Due Date", "Created Date"], .leadID: ["Name ID"],
        .owner: ["Assigned To ID", "Assigned To"], .activityType: ["Subject"],
      ],
      // A Campaign Members report: labels of CampaignMember's fields (LeadOrContactId,
      // CreatedDate, FirstRespondedDate, Id, Status) and of its campaign (Name, Type).
      .touches: [
        .leadID: ["Lead/Contact ID", "Lead ID", "Contact ID"], .touchedAt: ["Created Date", "Member Created Date", "First Responded Date"],
        .channel: ["Campaign Type", "Type"], .campaign: ["Campaign Name"], .touchID: ["Campaign Member ID"], .kind: ["Member Status", "Status"],
      ],
    ]),
    wonStages: ["Closed Won"],
    lostStages: ["Closed Lost"],
    // Salesforce's standard open stages, as a new org's Opportunity Stage picklist has them.
    openStages: [
      "Prospecting", "Qualification", "Needs Analysis", "Value Proposition", "Id. Decision Makers", "Perception Analysis",
      "Proposal/Price Quote", "Negotiation/Review",
    ],
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
