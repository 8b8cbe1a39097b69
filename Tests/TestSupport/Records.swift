import CSVStream
import ReferralCore

// The records of the inputs of many rows as one value each, for tests only: the stages read
// the tables column by column and never make these. A test builds a table from them where it
// needs what no export can say (``Dataset/leads`` and its siblings), and reads a table back
// as them to compare it whole.

/// One lead, contact or MQL, as imported.
package struct Lead: Sendable, Equatable {
  package var id: String
  package var created: Day
  /// Raw source value, in ``Dataset/sources``.
  package var source: TextID
  package var owner: TextID?
  /// The id of whoever referred this lead, in ``Dataset/referrers``.
  package var referrer: TextID?
  package var company: String
  package var thanked: Day?
  package var line: Int
  /// Who sourced the referral (`credited_to`) and their role (`credited_role`); `nil`: not said.
  package var credited: String?
  package var creditedRole: String?
  /// The person's name (empty: the export names nobody).
  package var name: String
  /// The domain of the lead's e-mail address (after its last `@`), as written; `nil`: none, or
  /// a value that is no address.
  package var emailDomain: String?

  package init(
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

/// One opportunity or deal, as imported; amounts already in the reporting currency.
package struct Deal: Sendable, Equatable {
  package var id: String
  /// The lead it came from, as written in the export.
  package var leadID: String?
  package var outcome: DealOutcome
  package var amount: Money?
  package var created: Day?
  package var closed: Day?
  package var owner: TextID?
  /// The deal's own source, in ``Dataset/sources``.
  package var source: TextID?
  package var line: Int

  package init(
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
package struct Ask: Sendable, Equatable {
  /// What came of the ask, when the export says, as written.
  package var outcome: String?
  package var id: String
  package var asked: Day
  /// The lead who was asked, as written.
  package var leadID: String
  package var owner: TextID?
  package var line: Int

  package init(id: String, asked: Day, leadID: String, owner: TextID? = nil, outcome: String? = nil, line: Int = 0) {
    self.id = id
    self.asked = asked
    self.leadID = leadID
    self.owner = owner
    self.outcome = outcome
    self.line = line
  }
}

/// A referral fee or thank-you gift paid to a referrer.
package struct Payout: Sendable, Equatable {
  package var id: String
  package var paid: Day
  package var referrer: TextID?
  package var dealID: String?
  package var kind: PayoutKind
  package var amount: Money
  package var line: Int

  package init(id: String, paid: Day, referrer: TextID?, dealID: String?, kind: PayoutKind, amount: Money, line: Int = 0) {
    self.id = id
    self.paid = paid
    self.referrer = referrer
    self.dealID = dealID
    self.kind = kind
    self.amount = amount
    self.line = line
  }
}

/// One answer to a feedback survey: the customer (a lead) who answered, when, the score, and
/// what they wrote.
package struct Answer: Sendable, Equatable {
  /// The lead who answered, as written.
  package var leadID: String
  package var answered: Day
  package var score: Int
  /// What they wrote beside the score (`nil`: nothing).
  package var comment: String?
  package var line: Int

  package init(leadID: String, answered: Day, score: Int, comment: String? = nil, line: Int = 0) {
    self.leadID = leadID
    self.answered = answered
    self.score = score
    self.comment = comment
    self.line = line
  }
}

/// One marketing or sales touch of a lead.
package struct Touch: Sendable, Equatable {
  /// The lead touched, as written.
  package var leadID: String
  package var touched: Day
  /// The raw channel value, as a position in the dataset's `sources`.
  package var channel: TextID

  package init(leadID: String, touched: Day, channel: TextID) {
    self.leadID = leadID
    self.touched = touched
    self.channel = channel
  }
}

extension LeadTable {
  /// The table of `leads`, filled as the importer fills it; a repeated id keeps its first lead.
  package init(_ leads: [Lead]) {
    self.init()
    reserveCapacity(leads.count)
    for lead in leads where lead.id.withByteView({ claim($0) }) == nil {
      lead.company.withByteView { company in
        withBytes(of: lead.credited) { credited in
          withBytes(of: lead.creditedRole) { role in
            lead.name.withByteView { name in
              withBytes(of: lead.emailDomain) { domain in
                fill(
                  created: lead.created, source: lead.source, owner: lead.owner, referrer: lead.referrer,
                  company: company, thanked: lead.thanked, line: lead.line, credited: credited, creditedRole: role, name: name,
                  emailDomain: domain)
              }
            }
          }
        }
      }
    }
  }

  /// Lead number `position`, as one value.
  package subscript(position: Int) -> Lead {
    Lead(
      id: id(position), created: created(position), source: source(position), owner: owner(position),
      referrer: referrer(position), company: company(position), thanked: thanked(position), line: line(position),
      credited: credited(position).map { creditedNames[$0] }, creditedRole: creditedRole(position).map { creditedRoleNames[$0] },
      name: name(position), emailDomain: emailDomain(position))
  }
}

extension DealTable {
  /// The table of `deals`, filled as the importer fills it; a repeated id keeps its first deal.
  package init(_ deals: [Deal]) {
    self.init()
    reserveCapacity(deals.count)
    for deal in deals where deal.id.withByteView({ claim($0) }) == nil {
      (deal.leadID ?? "").withByteView { leadID in
        fill(
          leadID: leadID, outcome: deal.outcome, amount: deal.amount, created: deal.created,
          closed: deal.closed, owner: deal.owner, source: deal.source, line: deal.line)
      }
    }
  }

  /// Deal number `position`, as one value.
  package subscript(position: Int) -> Deal {
    Deal(
      id: id(position), leadID: leadID(position), outcome: outcome[position], amount: amount(position),
      created: created(position), closed: closed(position), owner: owner(position), source: source(position),
      line: line(position))
  }
}

extension AskTable {
  /// The table of `asks`, in order.
  package init(_ asks: [Ask]) {
    self.init()
    for ask in asks {
      let outcome = ask.outcome.map { number(ofOutcome: $0) }
      ask.id.withByteView { id in
        ask.leadID.withByteView { lead in append(id: id, asked: ask.asked, leadID: lead, owner: ask.owner, outcome: outcome, line: ask.line) }
      }
    }
  }

  /// Ask number `position`, as one value.
  package subscript(position: Int) -> Ask {
    Ask(id: id(position), asked: asked(position), leadID: leadID(position), owner: owner(position), outcome: outcome(position), line: line(position))
  }
}

extension PayoutTable {
  /// The table of `payouts`, filled as the importer fills it; a repeated id keeps its first payout.
  package init(_ payouts: [Payout]) {
    self.init()
    reserveCapacity(payouts.count)
    for payout in payouts where payout.id.withByteView({ claim($0) }) == nil {
      (payout.dealID ?? "").withByteView { dealID in
        fill(paid: payout.paid, referrer: payout.referrer, dealID: dealID, kind: payout.kind, amount: payout.amount, line: payout.line)
      }
    }
  }

  /// Payout number `position`, as one value.
  package subscript(position: Int) -> Payout {
    Payout(
      id: id(position), paid: paid(position), referrer: referrer(position), dealID: dealID(position), kind: kinds[position],
      amount: amount(position), line: line(position))
  }
}

extension FeedbackTable {
  /// The table of `answers`, in order.
  package init(_ answers: [Answer]) {
    self.init()
    for answer in answers {
      answer.leadID.withByteView { lead in
        (answer.comment ?? "").withByteView { comment in
          append(answered: answer.answered, leadID: lead, score: answer.score, comment: comment, line: answer.line)
        }
      }
    }
  }

  /// Answer number `position`, as one value.
  package subscript(position: Int) -> Answer {
    Answer(leadID: leadID(position), answered: answered(position), score: score(position), comment: comment(position), line: line(position))
  }
}

extension TouchTable {
  /// The table of `touches`, in file order.
  package init(_ touches: [Touch]) {
    self.init()
    for touch in touches {
      touch.leadID.withByteView { append(leadID: $0, touched: touch.touched, channel: touch.channel) }
    }
  }
}

/// `body` with the bytes of `text`, or with `nil` when there is no text.
private func withBytes(of text: String?, _ body: (ByteView?) -> Void) {
  guard let text else { return body(nil) }
  text.withByteView { body($0) }
}
