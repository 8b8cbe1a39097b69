import CSVStream

/// How a feedback survey's scores read: the scale decides which score is a promoter, a passive
/// or a detractor (`[feedback] scale`).
package enum FeedbackScale: String, Sendable, CaseIterable {
  /// Net Promoter Score: 0 to 10; 9 and 10 promote, 7 and 8 are passive, 0 to 6 detract.
  case nps
  /// Customer satisfaction: 1 to 5; 5 promotes, 4 is passive, 1 to 3 detract.
  case csat

  /// The scores an answer may give on this scale.
  package var scores: ClosedRange<Int> {
    switch self {
    case .nps: 0...10
    case .csat: 1...5
    }
  }

  /// The band of `score`, which must be one of ``scores``.
  package func band(of score: Int) -> FeedbackBand {
    precondition(scores.contains(score), "score \(score) is not on the \(rawValue) scale")
    switch self {
    case .nps: return score >= 9 ? .promoter : score >= 7 ? .passive : .detractor
    case .csat: return score == 5 ? .promoter : score == 4 ? .passive : .detractor
    }
  }
}

/// What a customer's answer says of them: happy enough to ask, lukewarm, or unhappy.
package enum FeedbackBand: String, Sendable, CaseIterable {
  case promoter, passive, detractor
}

/// The feedback answers, column by column like ``AskTable``: the lead ids in a ``TextColumn``
/// until resolved, then the lead positions; a byte per score; the comments in a ``TextColumn``
/// (most are empty, which costs a bit each).
package struct FeedbackTable: Sendable {
  private var answeredDays = PackedColumn<Int32>()
  private var leadIDs = TextColumn()
  private var scores: [UInt8] = []
  private var comments = TextColumn()
  private var lines = LineColumn()

  package init() {}

  package var count: Int { scores.count }
  package var indices: Range<Int> { 0..<count }

  package func answered(_ position: Int) -> Day { Day(ordinal: answeredDays[position]!) }
  package func score(_ position: Int) -> Int { Int(scores[position]) }
  package func comment(_ position: Int) -> String? { comments.isEmpty(position) ? nil : comments[position] }
  package func line(_ position: Int) -> Int { lines[position] }
  /// The lead id as written (kept whole: answers are a few per customer).
  package func leadID(_ position: Int) -> String { leadIDs[position] }

  /// The position in `index` (the leads') of the lead answer `position` names, looked up by its
  /// bytes; `nil` when none has its id.
  package func leadPosition(_ position: Int, in index: IDIndex) -> Int? { index.position(ofText: position, in: leadIDs) }

  /// Adds an answer; `score` is on the export's scale (0 to 10 at most), an empty `comment` is none.
  package mutating func append(answered: Day, leadID: ByteView, score: Int, comment: ByteView, line: Int) {
    precondition((0...10).contains(score), "a feedback score is 0 to 10 on every scale")
    answeredDays.append(answered.ordinal)
    leadIDs.append(leadID)
    scores.append(UInt8(score))
    comments.append(comment)
    lines.append(line)
  }

  /// Corrects every answer's day (once the date column's format is known).
  package mutating func correctDays(_ fix: (Day) -> Day) {
    answeredDays.update { fix(Day(ordinal: $0)).ordinal }
  }
}
