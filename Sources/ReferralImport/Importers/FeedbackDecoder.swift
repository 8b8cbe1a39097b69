import CSVStream
import ReferralCore

/// Feedback survey answers: the customer (a lead) who answered, when, the score on the survey's
/// scale (`[feedback] scale`: NPS 0 to 10, CSAT 1 to 5), optionally what they wrote, and the
/// survey a row answers (`kind`, for an export that mixes surveys). A score off the scale is
/// rejected, never clamped: a CSAT export read as NPS would make every happy customer a
/// detractor.
struct FeedbackDecoder: RowDecoder {
  static let role = InputRole.feedback
  static let fields: [(field: Field, required: Bool)] = [(.leadID, true), (.answeredAt, true), (.score, true), (.comment, false), (.kind, false)]
  /// A score column that is absent would leave nothing to band; a comment column is only words.
  static let keyColumns: [[Field]] = []
  private let layout: ColumnLayout
  private let scale: FeedbackScale
  private let file: String
  private var answered: DateColumn?
  private(set) var answers = FeedbackTable()
  /// The rows of another survey than the scale's, skipped: how many, and the first one's kind
  /// and line (for the warning that says so).
  private var otherSurveys: (count: Int, kind: String, line: Int)?

  init(layout: ColumnLayout, options: ImportOptions, file: String) {
    self.layout = layout
    scale = options.feedbackScale
    self.file = file
    answered = .make(.answeredAt, layout, options, Self.role)
  }

  /// Rows of another survey are skipped, not rejected: nothing is wrong with them, but a CSAT
  /// answer of 5 read on the NPS scale would be a detractor's. Said once, with the scale that
  /// would read them when there is one.
  var warnings: [Warning] {
    guard let other = otherSurveys else { return [] }
    let rows = other.count == 1 ? "1 answer" : "\(other.count) answers"
    let fix = FeedbackScale(rawValue: compactKey(other.kind.utf8)).map { "; set [feedback] scale = \"\($0.rawValue)\" to read those instead" } ?? ""
    let kind = ImportError.shown(other.kind)
    return [Warning(file: file, line: other.line, message: "\(rows) to another survey skipped (kind '\(kind)' here, the scale is \(scale.rawValue))\(fix)")]
  }

  mutating func decode(_ row: CSVRowView) -> RowProblem? {
    let fields = RowFields(row: row)
    guard let lead = fields.value(layout[.leadID]) else { return .missing(.leadID) }
    let day: Day
    if let seconds = fields.value(layout[.answeredAt]).flatMap(Self.unixDay) {
      day = seconds
    } else {
      switch fields.date(layout[.answeredAt], &answered) {
      case .failure(let problem): return problem
      case .success(nil): return .missing(.answeredAt)
      case .success(let value?): day = value
      }
    }
    guard let text = fields.value(layout[.score]) else { return .missing(.score) }
    guard let score = Self.wholeNumber(text), scale.scores.contains(score) else {
      return .badScore(text.string, scale: scale.rawValue, lowest: scale.scores.lowerBound, highest: scale.scores.upperBound)
    }
    answers.append(answered: day, leadID: lead, score: score, comment: fields.value(layout[.comment]) ?? .empty, line: fields.line)
    return nil
  }

  /// One or two ASCII digits (no scale goes past 10), else `nil`: "9.5", "-1" and "nine" are no score.
  static func wholeNumber(_ bytes: ByteView) -> Int? {
    guard (1...2).contains(bytes.count) else { return nil }
    var value = 0
    for index in 0..<bytes.count {
      let byte = bytes[index]
      guard (0x30...0x39).contains(byte) else { return nil }
      value = value * 10 + Int(byte - 0x30)
    }
    return value
  }

  /// The day of a time written as ten digits, seconds since 1970 (AskNicely's `responded`, a
  /// "Unix timestamp" in its API reference), in UTC; `nil` for anything else, which is read as
  /// every date column is. Ten digits are the times from September 2001 to 2286.
  static func unixDay(_ bytes: ByteView) -> Day? {
    guard bytes.count == 10 else { return nil }
    var seconds = 0
    for index in 0..<bytes.count {
      let byte = bytes[index]
      guard (0x30...0x39).contains(byte) else { return nil }
      seconds = seconds * 10 + Int(byte - 0x30)
    }
    return Day(ordinal: Int32(seconds / 86_400))
  }

  /// A survey export lists the requests sent beside the answers (Medallia's has a delivery
  /// status per request): a row with neither a date nor a score is a request nobody answered,
  /// no answer at all, so it is skipped and counted, not rejected. So is an answer to another
  /// survey than the scale's (its `kind` is not the scale's name, as AskNicely's
  /// `question_type` "csat" is not "nps"); an empty kind is the scale's.
  static let skipsRows = true

  mutating func skips(_ row: CSVRowView) -> Bool {
    let fields = RowFields(row: row)
    if let kind = fields.value(layout[.kind]), compactKey(kind) != scale.rawValue {
      let first = otherSurveys ?? (0, kind.string, fields.line)
      otherSurveys = (first.count + 1, first.kind, first.line)
      return true
    }
    return fields.value(layout[.answeredAt]) == nil && fields.value(layout[.score]) == nil
  }

  mutating func reserve(rows: Int) {}

  consuming func assemble(into dataset: inout Dataset, file: String) {
    dataset.feedbackTable = answers
    dataset.hasFeedback = true
    dataset.feedbackScale = scale
  }

  mutating func finish(file: String) throws(ImportError) {
    let fix = try answered.resolution(file: file)
    if fix != .asRead { answers.correctDays(fix.apply) }
  }
}
