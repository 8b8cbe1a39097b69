import CSVStream
import ReferralCore

/// Feedback survey answers: the customer (a lead) who answered, when, the score on the survey's
/// scale (`[feedback] scale`: NPS 0 to 10, CSAT 1 to 5), and optionally what they wrote. A score
/// off the scale is rejected, never clamped: a CSAT export read as NPS would make every happy
/// customer a detractor.
struct FeedbackDecoder: RowDecoder {
  static let role = InputRole.feedback
  static let fields: [(field: Field, required: Bool)] = [(.leadID, true), (.answeredAt, true), (.score, true), (.comment, false)]
  /// A score column that is absent would leave nothing to band; a comment column is only words.
  static let keyColumns: [[Field]] = []
  private let layout: ColumnLayout
  private let scale: FeedbackScale
  private var answered: DateColumn?
  private(set) var answers = FeedbackTable()
  let warnings: [Warning] = []

  init(layout: ColumnLayout, options: ImportOptions, file: String) {
    self.layout = layout
    scale = options.feedbackScale
    answered = .make(.answeredAt, layout, options, Self.role)
  }

  mutating func decode(_ row: CSVRowView) -> RowProblem? {
    let fields = RowFields(row: row)
    guard let lead = fields.value(layout[.leadID]) else { return .missing(.leadID) }
    let day: Day
    switch fields.date(layout[.answeredAt], &answered) {
    case .failure(let problem): return problem
    case .success(nil): return .missing(.answeredAt)
    case .success(let value?): day = value
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

  /// A survey export lists the requests sent beside the answers (Medallia's has a delivery
  /// status per request): a row with neither a date nor a score is a request nobody answered,
  /// no answer at all, so it is skipped and counted, not rejected.
  static let skipsRows = true

  mutating func skips(_ row: CSVRowView) -> Bool {
    let fields = RowFields(row: row)
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
