// Public, not package: `slot`, a field's table index on the importer's per-row path, is inlined
// into other modules, which Swift 6.3 does only for public bodies; see docs/PERFORMANCE.md.

/// A field the report reads, under its generic name (the `generic` preset's column header).
public enum Field: String, Sendable, CaseIterable, Comparable {
  case leadID = "lead_id"
  case dealID = "deal_id"
  case payoutID = "payout_id"
  case createdAt = "created_at"
  case closedAt = "closed_at"
  case paidAt = "paid_at"
  case month
  case source
  case owner
  case referrerID = "referrer_id"
  case company
  case thankedAt = "thanked_at"
  case stage
  case amount
  case currency
  case kind
  case askID = "ask_id"
  case askedAt = "asked_at"
  case outcome
  case activityType = "activity_type"
  /// The close date of lost deals, for exports that keep it apart from the won deals' (Pipedrive's
  /// `Won time` and `Lost time`): read when `closed_at` is empty.
  case lostAt = "lost_at"
  /// Whether a deal is won and whether it is closed, as Salesforce keeps them beside the stage
  /// (`IsWon` and `IsClosed`, labelled `Won` and `Closed` in reports): with both, they settle
  /// every deal's outcome, whatever its stage is called.
  case isWon = "is_won"
  case isClosed = "is_closed"
  /// A feedback survey's answer: when it was given, the score, and what the customer wrote.
  case answeredAt = "answered_at"
  case score
  case comment
  /// A touch of a lead (the touches export): its id, day, channel (a raw source, campaign type
  /// or channel value, mapped through the source catalogue) and campaign.
  case touchID = "touch_id"
  case touchedAt = "touched_at"
  case channel
  case campaign
  /// Who sourced a referral lead, and their role (sales, service, support, partner manager): a
  /// referral heard by service or support staff is credited to them, not only to the owner.
  case creditedTo = "credited_to"
  case creditedRole = "credited_role"
  /// A referral the team passed on (`--referrals-given`): when, to whom (a partner or
  /// customer, by the id their own referrals name as referrer), and who passed it.
  case givenAt = "given_at"
  case partnerID = "partner_id"
  case givenBy = "given_by"
  /// A lead's person (a contact's name), to name them beside the record id in task files and
  /// the ask list: a full-name column, or, when the export splits it, its first and last names
  /// (joined with a space; `name` wins when both are mapped).
  case name
  case firstName = "first_name"
  case lastName = "last_name"
  /// A lead's e-mail address: only its domain is kept, to tell a referred company the
  /// business already knew under another name (eligibility, docs/CREDIT.md).
  case email

  public static func < (lhs: Field, rhs: Field) -> Bool { lhs.slot < rhs.slot }

  /// Position of the field in `allCases`: a table index, so per-row lookups need no hashing.
  @inlinable
  public var slot: Int {
    switch self {
    case .leadID: 0
    case .dealID: 1
    case .payoutID: 2
    case .createdAt: 3
    case .closedAt: 4
    case .paidAt: 5
    case .month: 6
    case .source: 7
    case .owner: 8
    case .referrerID: 9
    case .company: 10
    case .thankedAt: 11
    case .stage: 12
    case .amount: 13
    case .currency: 14
    case .kind: 15
    case .askID: 16
    case .askedAt: 17
    case .outcome: 18
    case .activityType: 19
    case .lostAt: 20
    case .isWon: 21
    case .isClosed: 22
    case .answeredAt: 23
    case .score: 24
    case .comment: 25
    case .touchID: 26
    case .touchedAt: 27
    case .channel: 28
    case .campaign: 29
    case .creditedTo: 30
    case .creditedRole: 31
    case .givenAt: 32
    case .partnerID: 33
    case .givenBy: 34
    case .name: 35
    case .firstName: 36
    case .lastName: 37
    case .email: 38
    }
  }
}
