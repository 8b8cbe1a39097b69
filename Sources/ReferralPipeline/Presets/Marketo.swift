import ReferralCore
import ReferralImport

extension CRMPreset {
  /// Marketo Engage's bulk extracts, as its REST API writes them: the activities are the
  /// touches export, the leads (persons) the leads export.
  ///
  /// A Bulk Activity Extract's file has the header `marketoGUID, leadId, activityDate,
  /// activityTypeId, campaignId, primaryAttributeValueId, primaryAttributeValue, attributes`
  /// (Adobe's "Bulk Activity Extract", Retrieving Your Data:
  /// https://experienceleague.adobe.com/en/docs/marketo-developer/marketo/rest/bulk-extract/bulk-activity-extract),
  /// ISO timestamps, `null` in an empty field. Its only column that says what kind of touch a
  /// row is, is `activityTypeId`, a number: that is the channel read. The types the person does
  /// (Adobe's Marketo field mapping marks 1, 2, 3, 9, 10 and 11 as produced by the person, 104
  /// and the others by the system:
  /// https://experienceleague.adobe.com/en/docs/experience-platform/sources/connectors/adobe-applications/mapping/marketo)
  /// are routed onto channels: 1 Visit Webpage, 2 Fill Out Form and 3 Click Link to Direct (the
  /// web site), 10 Open Email and 11 Click Email to Email (the names Marketo's Get Activity
  /// Types gives them); 9, Unsubscribe Email, is no touch. No other type is guessed: Send Email
  /// or New Lead are the system's doing, and 104, Change Status in Progression, has the
  /// channel of its program, a setting the file does not hold. So the extract should be made
  /// with the `activityTypeIds` filter, and a type id left in is a channel of its own, listed
  /// with the alias to add. `primaryAttributeValue` (the page, form, e-mail or program) is the
  /// campaign; `attributes` is not read.
  ///
  /// A Bulk Lead Extract names its columns by the fields' REST API names (`id`, `createdAt`,
  /// `leadSource`, `company`, `firstName`, `lastName`: Adobe's "Bulk Lead Extract"), so `id` is
  /// the lead the activities' `leadId` names. Marketo has no bulk extract of deals: the deals
  /// export is read under the generic names (or `[columns.deals]`), its `lead_id` the Marketo
  /// lead id.
  static let marketo = CRMPreset(
    title: "Marketo (bulk extracts)",
    columns: ColumnNames([
      .leads: [.leadID: ["id"], .createdAt: ["createdAt"], .source: ["leadSource"], .company: ["company"]],
      .touches: [
        .touchID: ["marketoGUID"], .leadID: ["leadId"], .touchedAt: ["activityDate"], .channel: ["activityTypeId"],
        .campaign: ["primaryAttributeValue"],
      ],
    ]),
    sourceChannels: [
      .init(channel: "Direct", referral: false, aliases: ["1", "2", "3"]),
      .init(channel: "Email", referral: false, aliases: ["10", "11"]),
    ],
    dialect: ExportDialect())
}
