import CSVStream
import ReferralAttribution
import ReferralCore

/// The action lists as CSV files shaped for a CRM's task import: one task per row, with its
/// subject, owner, due date and the record it is about. A list the exports cannot give (no
/// `thanked_at` column, no payouts export) has no file.
///
/// A task is due on the period's last day, except a thank-you, which was due when its window
/// ended. Owners are the CRM's own, as attribution found them (a deal's owner, else its lead's;
/// a lead's owner), so the import assigns each task without a hand in between. Only work still
/// to do is a task: a referrer thanked late was thanked. Referrers and leads are named with
/// the person's name and company beside the id when the exports have them, so whoever does the task knows whom
/// it is about without looking the id up.
package enum TaskFiles {
  /// The folder of the report the task lists go into.
  package static let folder = "tasks"
  static let header = ["Subject", "Owner", "Due Date", "Related Record Type", "Related Record ID", "Description"]

  /// A list of tasks, as one file: `tasks/thank-referrers.csv`, `tasks/pay-fees.csv`,
  /// `tasks/close-the-loop.csv`, `tasks/ask-customers.csv` (the customers whose next step is
  /// the ask), `tasks/ask-for-feedback.csv` and `tasks/fix-first.csv` (with a feedback export),
  /// `tasks/ask-lost-prospects.csv`,
  /// `tasks/call-cooling-referrers.csv`, `tasks/pay-staff-share.csv`, `tasks/return-the-favour.csv`.
  package enum List: String, Sendable, CaseIterable {
    case thankReferrers = "thank-referrers"
    case payFees = "pay-fees"
    case closeTheLoop = "close-the-loop"
    case askCustomers = "ask-customers"
    case askForFeedback = "ask-for-feedback"
    case fixFirst = "fix-first"
    case askLostProspects = "ask-lost-prospects"
    case callCoolingReferrers = "call-cooling-referrers"
    case payStaffShare = "pay-staff-share"
    case returnTheFavour = "return-the-favour"

    /// The file's path in the report folder.
    package var file: String { "\(TaskFiles.folder)/\(rawValue).csv" }
  }

  /// The lists `result` can give, in order (known before any is rendered: the report's marker
  /// lists the files first).
  package static func lists(_ result: AttributionResult) -> [List] {
    let programme = result.programme
    return List.allCases.filter { list in
      switch list {
      case .thankReferrers: result.unknown(needing: [.leads, .dates]) == nil && programme.thankYous.known
      case .payFees: programme.fees.unpaid != nil
      case .closeTheLoop: result.unknown(needing: .leads) == nil && programme.closingTheLoop.open != nil
      case .askCustomers, .askLostProspects, .callCoolingReferrers: result.unknown(needing: [.leads, .dates]) == nil
      case .askForFeedback, .fixFirst: result.unknown(needing: [.leads, .dates]) == nil && programme.askList.feedbackKnown
      case .payStaffShare: result.unknown(needing: .leads) == nil && programme.credit.staff.owed != nil
      case .returnTheFavour: result.unknown(needing: [.leads, .dates]) == nil && programme.credit.reciprocity != nil
      }
    }
  }

  /// The CSV file of `list`: a header, then one task per row. Cells are built in place
  /// (``CSVBuilder``): the ask lists of a large export are tens of thousands of rows.
  package static func bytes(_ list: List, _ result: AttributionResult) -> [UInt8] {
    let programme = result.programme
    let due = result.current.period.to.description
    let currency = result.money
    var out = CSVBuilder(capacity: 160 * (count(list, programme) + 1))
    out.record(header)
    /// The cells every task has after its subject: owner, due date, record type and id.
    func task(owner: String?, due: String, _ type: String, _ id: String) {
      out.cell(owner ?? "")
      out.cell(due)
      out.cell(type)
      out.cell(id)
    }
    /// How a task names a lead: its person and company (the record id is the task's own
    /// column), or its id without either.
    func lead(name: String?, company: String, id: String) -> String {
      let label = RecordName.label(person: name, company: company)
      return label.isEmpty ? id : label
    }
    /// An ask's subject: "Ask", the lead, then what to ask.
    func ask(name: String?, company: String, leadID: String, _ question: String) {
      out.append("Ask ")
      out.append(lead(name: name, company: company, id: leadID))
      out.cell(question)
    }
    switch list {
    case .thankReferrers:
      let window = programme.thankYous.windowDays
      for miss in programme.thankYous.unthanked {
        out.append("Thank ")
        out.append(miss.referrer)
        out.append(" for referring ")
        out.cell(lead(name: miss.name, company: miss.company, id: miss.leadID))
        task(owner: miss.owner, due: miss.created.adding(days: window).description, "Lead", miss.leadID)
        out.append("Referred lead created ")
        out.append(miss.created.description)
        out.cell("; not thanked yet")
        out.endRecord()
      }
    case .payFees:
      for fee in programme.fees.unpaid ?? [] {
        out.append("Pay the referral fee for deal ")
        out.append(fee.dealID)
        if let referrer = fee.referrerName {
          out.append(" to ")
          out.append(referrer)
        }
        out.endCell()
        task(owner: fee.owner, due: due, "Deal", fee.dealID)
        out.append("Won ")
        out.append(fee.closed.description)
        out.append("; owed ")
        out.append(Format.money(fee.owed, currency: currency))
        out.append(", paid ")
        out.append(Format.money(fee.paid, currency: currency))
        out.append(", outstanding ")
        out.append(Format.money(fee.outstanding, currency: currency))
        out.endCell()
        out.endRecord()
      }
    case .closeTheLoop:
      for deal in programme.closingTheLoop.open ?? [] {
        out.append("Tell ")
        out.append(deal.referrer)
        out.cell(" their referral was won, and thank them")
        task(owner: deal.owner, due: due, "Deal", deal.dealID)
        out.append("Lead ")
        out.append(deal.leadName)
        out.append(", won ")
        out.append(deal.won.description)
        if let amount = deal.amount {
          out.append(", ")
          out.append(Format.money(amount, currency: currency))
        }
        out.endCell()
        out.endRecord()
      }
    case .askCustomers, .askForFeedback, .fixFirst:
      let asks = programme.askList
      let (customers, question) =
        switch list {
        case .askCustomers: (asks.customers(to: .ask), " for a referral")
        case .askForFeedback: (asks.customers(to: .askForFeedback), " how it is going")
        default: (asks.customers(to: .fixFirst), ": fix what they raised before asking for a referral")
        }
      for customer in customers {
        ask(name: customer.name, company: customer.company, leadID: customer.leadID, question)
        task(owner: customer.owner, due: due, "Lead", customer.leadID)
        out.append("First win ")
        out.append(customer.firstWin.description)
        out.append(", ")
        out.append(customer.daysSinceFirstWin)
        out.append(" days ago")
        if let revenue = customer.revenue {
          out.append("; won revenue ")
          out.append(Format.money(revenue, currency: currency))
        }
        if let feedback = customer.feedback {
          out.append("; latest feedback: ")
          out.append(feedback.rawValue)
        }
        if let comment = customer.comment {
          out.append(": ")
          out.append(comment)
        }
        out.endCell()
        out.endRecord()
      }
    case .askLostProspects:
      for prospect in programme.askList.lostProspects {
        ask(name: prospect.name, company: prospect.company, leadID: prospect.leadID, " who would be a better fit")
        task(owner: prospect.owner, due: due, "Lead", prospect.leadID)
        out.append("Deal ")
        out.append(prospect.dealID)
        out.append(" lost ")
        out.append(prospect.lost.description)
        out.endCell()
        out.endRecord()
      }
    case .callCoolingReferrers:
      for referrer in programme.referrerWatch.coolingReferrers {
        out.append("Call ")
        out.append(referrer.name)
        out.cell(", a top referrer going quiet")
        // The referrer's own lead when they are one of the leads; else the task names no record.
        task(owner: referrer.owner, due: due, referrer.isLead ? "Lead" : "", referrer.isLead ? referrer.id : "")
        out.append("Referrals: ")
        out.append(referrer.last90)
        out.append(" in the last 90 days, ")
        out.append(referrer.previous90)
        out.append(" in the 90 before; last ")
        out.append(referrer.lastReferral.description)
        out.append(", ")
        out.append(referrer.daysSinceLastReferral)
        out.append(" days ago; ")
        out.append(referrer.cooling.map(ReportBuilder.coolingReason).joined(separator: "; "))
        out.endCell()
        out.endRecord()
      }
    case .payStaffShare:
      // One task per person owed a share; the task is finance's, so it has no CRM owner.
      for person in programme.credit.staff.people {
        guard let owed = person.owed, owed > .zero else { continue }
        out.append("Pay the referral staff share to ")
        out.cell(person.name)
        task(owner: nil, due: due, "User", person.name)
        out.append(person.role)
        out.append("; won referred deals: ")
        out.append(person.won)
        if let revenue = person.revenue {
          out.append("; revenue ")
          out.append(Format.money(revenue, currency: currency))
        }
        out.append("; owed ")
        out.append(Format.money(owed, currency: currency))
        out.endCell()
        out.endRecord()
      }
    case .returnTheFavour:
      // The partner is no CRM user: the task has no owner, for whoever looks after partners.
      for partner in programme.credit.reciprocity?.owed ?? [] {
        out.append("Return the favour: pass a referral to ")
        out.cell(partner.name)
        task(owner: nil, due: due, "Contact", partner.partnerID)
        out.append("Referred ")
        out.append(partner.received)
        out.append(" leads to us in the 12 months, the latest ")
        out.append(partner.lastReceived?.description ?? "")
        out.append("; given none")
        out.endCell()
        out.endRecord()
      }
    }
    return out.bytes
  }

  /// How many tasks `list` has (to size its file).
  private static func count(_ list: List, _ programme: Programme) -> Int {
    switch list {
    case .thankReferrers: programme.thankYous.unthanked.count
    case .payFees: programme.fees.unpaid?.count ?? 0
    case .closeTheLoop: programme.closingTheLoop.open?.count ?? 0
    case .askCustomers: programme.askList.count(to: .ask)
    case .askForFeedback: programme.askList.count(to: .askForFeedback)
    case .fixFirst: programme.askList.count(to: .fixFirst)
    case .askLostProspects: programme.askList.lostProspects.count
    case .callCoolingReferrers: programme.referrerWatch.coolingReferrers.count
    case .payStaffShare: programme.credit.staff.people.count
    case .returnTheFavour: programme.credit.reciprocity?.owed.count ?? 0
    }
  }
}
