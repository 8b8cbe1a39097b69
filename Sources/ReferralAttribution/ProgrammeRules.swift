import ReferralCore

/// What a referral channel owes its referrers, per the programme's terms.
package struct FeeRule: Sendable, Equatable {
  /// Owed for every referred lead created.
  package var perLead: Money
  /// Owed for every referred deal won.
  package var perWonDeal: Money
  /// Share of each won referred deal's amount (0.1 = 10%).
  package var shareOfWon: Double
  /// Most owed per deal under `shareOfWon`; `nil` for no cap.
  package var capPerDeal: Money?

  package init(perLead: Money = .zero, perWonDeal: Money = .zero, shareOfWon: Double = 0, capPerDeal: Money? = nil) {
    self.perLead = perLead
    self.perWonDeal = perWonDeal
    self.shareOfWon = shareOfWon
    self.capPerDeal = capPerDeal
  }

  /// Owed for one won deal of `amount`; `nil` when part of it is a share of an amount the deal
  /// does not have (a win with unknown revenue has an unknown percentage fee, not a fee of 0).
  package func owed(forWon amount: Money?) -> Money? {
    guard shareOfWon != 0 else { return perWonDeal }
    guard let amount else { return nil }
    var share = amount.multiplied(by: shareOfWon)
    if let capPerDeal, share > capPerDeal { share = capPerDeal }
    return perWonDeal + share
  }
}

/// What the staff who sourced a won referred deal are owed, per role (`[fees.staff."Role"]`):
/// a share of its amount, a flat amount per deal, or both.
package struct StaffShareRule: Sendable, Equatable {
  package var shareOfWon: Double
  package var perWonDeal: Money

  package init(shareOfWon: Double = 0, perWonDeal: Money = .zero) {
    self.shareOfWon = shareOfWon
    self.perWonDeal = perWonDeal
  }

  /// Owed for one won deal of `amount`; `nil` when the share is of an amount it does not have.
  package func owed(forWon amount: Money?) -> Money? {
    guard shareOfWon != 0 else { return perWonDeal }
    return amount.map { perWonDeal + $0.multiplied(by: shareOfWon) }
  }
}

/// The programme's yearly and monthly targets.
package struct Targets: Sendable, Equatable {
  /// Referral leads each rep should bring in per month (default 5).
  package var referralLeadsPerRepPerMonth: Int
  /// Referral leads for the fiscal year; `nil` when not set.
  package var referralLeadsPerYear: Int?
  /// Referral revenue for the fiscal year; `nil` when not set.
  package var referralRevenuePerYear: Money?
  /// Share of customers to ask for a referral at least once a year (default 1: every one).
  package var customersAskedPerYear = 1.0
  /// Revenue plan per rep (owner, as the exports write it) for the fiscal year (`[targets.reps]`).
  package var repRevenuePerYear: [String: Money] = [:]

  package init(referralLeadsPerRepPerMonth: Int = 5, referralLeadsPerYear: Int? = nil, referralRevenuePerYear: Money? = nil) {
    self.referralLeadsPerRepPerMonth = referralLeadsPerRepPerMonth
    self.referralLeadsPerYear = referralLeadsPerYear
    self.referralRevenuePerYear = referralRevenuePerYear
  }
}
