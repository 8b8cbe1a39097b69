// Public, not package: the tables' public per-row API returns these types, and is inlined into
// other modules, which Swift 6.3 does only for public bodies; see docs/PERFORMANCE.md.

// The records of the inputs of a few rows (the spend, the referrals given), kept as arrays of
// values, and the values the tables share. The inputs of many rows are kept column by column
// in their tables (`LeadTable`, `DealTable`, …), which are read column by column.

/// Interned text: the index of a value in one of the dataset's string tables.
public typealias TextID = Int32

/// What a deal's stage means for the report.
public enum DealOutcome: String, Sendable, Equatable, CaseIterable {
  case won, lost, open
}

/// A referral the team passed to a partner or customer: referral programmes run both ways.
package struct ReferralGiven: Sendable, Equatable {
  package var given: Day
  /// Whom the referral went to, as their own referrals name them (`referrer_id`).
  package var partner: String
  /// The company referred to them.
  package var company: String
  package var givenBy: String?
  package var line: Int

  package init(given: Day, partner: String, company: String = "", givenBy: String? = nil, line: Int = 0) {
    self.given = given
    self.partner = partner
    self.company = company
    self.givenBy = givenBy
    self.line = line
  }
}

/// Marketing spend of one source in one month.
package struct SpendEntry: Sendable, Equatable {
  package var month: Month
  package var source: TextID
  package var amount: Money
  package var line: Int

  package init(month: Month, source: TextID, amount: Money, line: Int = 0) {
    self.month = month
    self.source = source
    self.amount = amount
    self.line = line
  }
}

/// What a payout to a referrer is: a referral fee or a thank-you gift.
public enum PayoutKind: String, Sendable, Equatable { case fee, gift }
