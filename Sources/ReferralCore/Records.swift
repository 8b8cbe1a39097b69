/// Interned text: the index of a value in one of the dataset's string tables.
public typealias TextID = Int32

/// One lead, contact or MQL, as imported.
public struct Lead: Sendable, Equatable {
  public var id: String
  public var created: Day
  /// Raw source value, in ``Dataset/sources``; attribution maps it onto a channel.
  public var source: TextID
  public var owner: TextID?
  /// The id of whoever referred this lead (usually the referrer's own lead or contact id).
  public var referrer: TextID?
  public var company: String
  public var thanked: Day?
  /// Line of the lead in its file, for action lists.
  public var line: Int
  /// Who sourced the referral (`credited_to`) and their role (`credited_role`); `nil`: not said.
  public var credited: String?
  public var creditedRole: String?
  /// The person's name (empty: the export names nobody).
  public var name: String
  /// The domain of the lead's e-mail address (after its last `@`), as written; `nil`: none, or
  /// a value that is no address.
  package var emailDomain: String?

  public init(
    id: String, created: Day, source: TextID, owner: TextID? = nil, referrer: TextID? = nil,
    company: String = "", thanked: Day? = nil, line: Int = 0, credited: String? = nil, creditedRole: String? = nil, name: String = "",
    emailDomain: String? = nil
  ) {
    self.credited = credited
    self.creditedRole = creditedRole
    self.id = id
    self.created = created
    self.source = source
    self.owner = owner
    self.referrer = referrer
    self.company = company
    self.thanked = thanked
    self.line = line
    self.name = name
    self.emailDomain = emailDomain
  }
}

/// What a deal's stage means for the report.
public enum DealOutcome: String, Sendable, Equatable, CaseIterable {
  case won, lost, open
}

/// One opportunity or deal, as imported; amounts already in the reporting currency.
public struct Deal: Sendable, Equatable {
  public var id: String
  /// The lead it came from, as written in the export (resolved by attribution).
  public var leadID: String?
  public var outcome: DealOutcome
  public var amount: Money?
  public var created: Day?
  public var closed: Day?
  public var owner: TextID?
  /// The deal's own source, in ``Dataset/sources``.
  public var source: TextID?
  public var line: Int

  public init(
    id: String, leadID: String? = nil, outcome: DealOutcome, amount: Money? = nil,
    created: Day? = nil, closed: Day? = nil, owner: TextID? = nil, source: TextID? = nil,
    line: Int = 0
  ) {
    self.id = id
    self.leadID = leadID
    self.outcome = outcome
    self.amount = amount
    self.created = created
    self.closed = closed
    self.owner = owner
    self.source = source
    self.line = line
  }
}

/// One referral request: someone in the company asked a customer or contact for a referral.
public struct Ask: Sendable, Equatable {
  /// What came of the ask, when the export says (`referred`, `declined`, `later`); other
  /// values are kept as free text.
  public var outcome: String?
  public var id: String
  public var asked: Day
  /// The lead (customer or contact) who was asked, as written.
  public var leadID: String
  public var owner: TextID?
  public var line: Int

  public init(id: String, asked: Day, leadID: String, owner: TextID? = nil, outcome: String? = nil, line: Int = 0) {
    self.id = id
    self.asked = asked
    self.leadID = leadID
    self.owner = owner
    self.outcome = outcome
    self.line = line
  }
}

/// A referral the team passed to a partner or customer: referral programmes run both ways.
public struct ReferralGiven: Sendable, Equatable {
  public var given: Day
  /// Whom the referral went to, as their own referrals name them (`referrer_id`).
  public var partner: String
  /// The company referred to them.
  public var company: String
  public var givenBy: String?
  public var line: Int

  public init(given: Day, partner: String, company: String = "", givenBy: String? = nil, line: Int = 0) {
    self.given = given
    self.partner = partner
    self.company = company
    self.givenBy = givenBy
    self.line = line
  }
}

/// Marketing spend of one source in one month.
public struct SpendEntry: Sendable, Equatable {
  public var month: Month
  public var source: TextID
  public var amount: Money
  public var line: Int

  public init(month: Month, source: TextID, amount: Money, line: Int = 0) {
    self.month = month
    self.source = source
    self.amount = amount
    self.line = line
  }
}

/// A referral fee or thank-you gift paid to a referrer.
public struct Payout: Sendable, Equatable {
  public enum Kind: String, Sendable, Equatable { case fee, gift }

  public var id: String
  public var paid: Day
  public var referrer: TextID?
  public var dealID: String?
  public var kind: Kind
  public var amount: Money
  public var line: Int

  public init(
    id: String, paid: Day, referrer: TextID?, dealID: String?, kind: Kind, amount: Money,
    line: Int = 0
  ) {
    self.id = id
    self.paid = paid
    self.referrer = referrer
    self.dealID = dealID
    self.kind = kind
    self.amount = amount
    self.line = line
  }
}
