import ReferralCore
import ReferralImport

extension CRMPreset {
  /// Pipedrive's People (or Leads) and Deals exports, as a European account writes them.
  ///
  /// Leads and deals have a `Source channel` (the marketing channel, chosen from the account's
  /// list: https://support.pipedrive.com/en/article/lead-source-deals) and a `Source origin`
  /// (how the record got into Pipedrive: manually, by import, by API), exported with the record
  /// type first (`Lead - Source channel`, as in Pipedrive's sample import spreadsheet, "READ ME
  /// All default Pipedrive fields"). The channel is the source read; the origin says nothing of
  /// where the business came from, so it is never read, and the older `Lead - Source` only when
  /// the export has no channel column.
  static let pipedrive = CRMPreset(
    title: "Pipedrive",
    columns: ColumnNames([
      .leads: [
        .leadID: ["Person - ID", "Lead - ID"], .createdAt: ["Person - Person created", "Lead - Lead created"],
        .source: ["Person - Source", "Lead - Source channel", "Lead - Source"], .owner: ["Person - Owner", "Lead - Owner"],
        .referrerID: ["Person - Referred by", "Lead - Referred by"], .company: ["Person - Organization", "Lead - Organization"],
        .thankedAt: ["Person - Thanked on", "Lead - Thanked on"],
        // A people export's `Person - Name` (SampleData/examples/pipedrive/people.csv); a lead's
        // `Lead - Title` names the deal hoped for, not a person, so it is not read.
        .name: ["Person - Name"],
        // A person's e-mail: `Person - Email` in people and leads exports (as public code that
        // reads real leads exports has it), or the work address where the export splits them
        // by label (`Person - Email - Work`, `- Home`, `- Other`).
        .email: ["Person - Email", "Person - Email - Work"],
      ],
      // A deals export names the won and the lost deals' dates in columns of their own, the
      // value's currency as "Currency of Value" (headers are matched ignoring case), the source
      // as "Source channel"; Czech accounts write "Obchod - …".
      .deals: [
        .dealID: ["Deal - ID", "Obchod - ID"], .leadID: ["Person - ID", "Deal - Contact person ID", "Osoba - ID"],
        .stage: ["Deal - Status", "Obchod - Stav"], .amount: ["Deal - Value", "Obchod - Hodnota"],
        .currency: ["Deal - Currency of Value", "Deal - Currency", "Obchod - Měna hodnoty", "Obchod - Měna"],
        .createdAt: ["Deal - Deal created", "Obchod - Obchod vytvořen"],
        .closedAt: ["Deal - Won time", "Deal - Deal closed on", "Obchod - Čas výhry"], .lostAt: ["Deal - Lost time", "Obchod - Čas prohry"],
        .owner: ["Deal - Owner", "Obchod - Vlastník"], .source: ["Deal - Source channel", "Deal - Source", "Obchod - Zdrojový kanál"],
      ],
      // An Activities export (with Person - ID among its columns), named as the others are;
      // `[asks] activities` keeps the referral requests, by subject.
      .asks: [
        .askID: ["Activity - ID"], .askedAt: ["Activity - Due date", "Activity - Add time"], .leadID: ["Person - ID"],
        .owner: ["Activity - Assigned to user", "Activity - Owner"], .activityType: ["Activity - Subject", "Activity - Type"],
      ],
    ])
    // A deal's pipeline step, beside its outcome (Deal - Status): no stage column to offer.
    .knowingOthers([.deals: ["Deal - Stage"]]),
    dialect: ExportDialect(
      delimiter: ";", dates: .dotted, grouping: (".", ","),
      stageNames: .init(won: "won", lost: "lost", open: ["negotiation": "open", "proposal": "open", "qualification": "open"])))
}
