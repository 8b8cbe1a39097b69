import CSVStream
import ReferralAttribution
import ReferralCore

/// The action lists as CSV files shaped for a CRM's task import: one task per row, with its
/// subject, owner, due date and the record it is about. A list the exports cannot give (no
/// `thanked_at` column, no payouts export) has no file.
///
/// A task is due on the period's last day, except a thank-you, which was due when its window
/// ended. Owners are the CRM's own (a lead's owner); a fee to pay or a loop to close has none.
public enum TaskFiles {
  /// The folder of the report the task lists go into.
  public static let folder = "tasks"
  static let header = ["Subject", "Owner", "Due Date", "Related Record Type", "Related Record ID", "Description"]

  /// A list of tasks, as one file: `tasks/thank-referrers.csv`, `tasks/pay-fees.csv`,
  /// `tasks/close-the-loop.csv`, `tasks/ask-customers.csv`, `tasks/ask-lost-prospects.csv`.
  public enum List: String, Sendable, CaseIterable {
    case thankReferrers = "thank-referrers"
    case payFees = "pay-fees"
    case closeTheLoop = "close-the-loop"
    case askCustomers = "ask-customers"
    case askLostProspects = "ask-lost-prospects"

    /// The file's path in the report folder.
    public var file: String { "\(TaskFiles.folder)/\(rawValue).csv" }
  }

  /// The lists `result` can give, in order (known before any is rendered: the report's marker
  /// lists the files first).
  public static func lists(_ result: AttributionResult) -> [List] {
    let programme = result.programme
    return List.allCases.filter { list in
      switch list {
      case .thankReferrers: result.leadsKnown && programme.thankYous.known && !result.undated
      case .payFees: programme.fees.unpaid != nil
      case .closeTheLoop: result.leadsKnown && programme.closingTheLoop.open != nil
      case .askCustomers, .askLostProspects: result.leadsKnown && !result.undated
      }
    }
  }

  /// The CSV file of `list`: a header, then one task per row.
  public static func bytes(_ list: List, _ result: AttributionResult) -> [UInt8] {
    var out: [UInt8] = []
    CSVWriting.append(record: header, to: &out)
    for row in rows(list, result) { CSVWriting.append(record: row, to: &out) }
    return out
  }

  private static func rows(_ list: List, _ result: AttributionResult) -> [[String]] {
    let programme = result.programme
    let due = result.current.period.to.description
    let currency = result.money
    switch list {
    case .thankReferrers:
      let window = programme.thankYous.windowDays
      return programme.thankYous.missed.map { miss in
        [
          "Thank \(miss.referrer) for referring \(miss.company.isEmpty ? miss.leadID : miss.company)", miss.owner ?? "",
          miss.created.adding(days: window).description, "Lead", miss.leadID,
          "Referred lead created \(miss.created); " + (miss.thanked.map { "thanked late, on \($0)" } ?? "not thanked yet"),
        ]
      }
    case .payFees:
      return (programme.fees.unpaid ?? []).map { fee in
        [
          "Pay the referral fee for deal \(fee.dealID)" + (fee.referrer.map { " to \($0)" } ?? ""), "", due, "Deal", fee.dealID,
          "Won \(fee.closed); owed \(Format.money(fee.owed, currency: currency)), paid \(Format.money(fee.paid, currency: currency)), "
            + "outstanding \(Format.money(fee.outstanding, currency: currency))",
        ]
      }
    case .closeTheLoop:
      return (programme.closingTheLoop.open ?? []).map { deal in
        [
          "Tell \(deal.referrer) their referral was won, and thank them", "", due, "Deal", deal.dealID,
          "Lead \(deal.leadID), won \(deal.won)" + (deal.amount.map { ", \(Format.money($0, currency: currency))" } ?? ""),
        ]
      }
    case .askCustomers:
      return programme.askList.customers.map { customer in
        [
          "Ask \(customer.company.isEmpty ? customer.leadID : customer.company) for a referral", customer.owner ?? "", due, "Lead", customer.leadID,
          "First win \(customer.firstWin), \(customer.daysSinceFirstWin) days ago"
            + (customer.revenue.map { "; won revenue \(Format.money($0, currency: currency))" } ?? ""),
        ]
      }
    case .askLostProspects:
      return programme.askList.lostProspects.map { prospect in
        [
          "Ask \(prospect.company.isEmpty ? prospect.leadID : prospect.company) who would be a better fit", prospect.owner ?? "", due, "Lead",
          prospect.leadID, "Deal \(prospect.dealID) lost \(prospect.lost)",
        ]
      }
    }
  }
}
