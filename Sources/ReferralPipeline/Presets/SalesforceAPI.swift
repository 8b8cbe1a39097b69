import ReferralCore
import ReferralImport

extension CRMPreset {
  /// Salesforce objects as Data Loader or the weekly Data Export write them: API field names,
  /// UTF-8, ISO timestamps (`2026-10-31T14:05:00.000+0000`). An Opportunity names no lead: a
  /// converted Lead names its Opportunity (`ConvertedOpportunityId`), and that is the link. A
  /// Task export is the referral requests. An Opportunity export with `IsWon` and `IsClosed`
  /// is settled by them, whatever the org calls its stages.
  static let salesforceAPI = CRMPreset(
    title: "Salesforce (API names: Data Loader, Data Export)",
    columns: ColumnNames([
      .leads: [
        .leadID: ["Id"], .createdAt: ["CreatedDate"], .source: ["LeadSource"], .owner: ["OwnerId"], .company: ["Company"],
        .dealID: ["ConvertedOpportunityId"], .email: ["Email"],
      ],
      .deals: [
        .dealID: ["Id"], .stage: ["StageName"], .amount: ["Amount"], .currency: ["CurrencyIsoCode"], .createdAt: ["CreatedDate"],
        .closedAt: ["CloseDate"], .owner: ["OwnerId"], .source: ["LeadSource"], .isWon: ["IsWon"], .isClosed: ["IsClosed"],
      ],
      // Task: WhoId is the lead (or contact) the task is about; `[asks] activities` keeps the
      // referral requests, by subject.
      .asks: [
        .askID: ["Id"], .askedAt: ["ActivityDate", "CreatedDate"], .leadID: ["WhoId"], .owner: ["OwnerId"],
        .activityType: ["Subject", "Type"],
      ],
    ]),
    wonStages: CRMPreset.salesforce.wonStages,
    lostStages: CRMPreset.salesforce.lostStages,
    openStages: CRMPreset.salesforce.openStages,
    dialect: ExportDialect())
}
