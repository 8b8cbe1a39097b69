import CSVStream
import ReferralCore
import TestSupport
import Testing

@testable import ReferralImport

/// The feedback input: every rejected row with its line and reason, the account against the
/// reader's own count, the answers' leads resolved, and the scale deciding which scores are read.
@Suite struct FeedbackDecoderTests {
  let folder: TemporaryFolder
  static let leads = "lead_id,created_at,source\nL1,2026-01-01,Web\nL2,2026-01-01,Web\n"
  static let deals = "deal_id,lead_id,stage,amount,currency,created_at,closed_at\nD1,L1,Closed Won,100,,2026-01-02,2026-02-01\n"

  init() throws { folder = try TemporaryFolder() }

  func load(_ feedback: String, scale: FeedbackScale = .nps) throws -> Dataset {
    var options = ImportOptions()
    options.feedbackScale = scale
    let files = InputFiles(
      leads: try folder.file("leads.csv", Self.leads), deals: try folder.file("deals.csv", Self.deals),
      feedback: try folder.file("feedback.csv", feedback))
    return try Importer.load(files, options: options)
  }

  @Test func everyRowIsAcceptedOrRejectedWithItsLineAndReason() throws {
    let text = """
      lead_id,answered_at,score,comment
      L1,2026-09-01,9,"Great, fast"
      L1,2026-09-02,11,
      ,2026-09-03,5,
      L2,,7,
      L2,2026-09-05,,
      L2,2026-09-06,9.5,
      L9,2026-09-07,0,Too slow
      L2,2026-09-08,-1,

      """
    let data = try load(text)
    let account = try #require(data.inputs.first { $0.role == .feedback })
    // Eight rows: two answers, six rejects (the reader's own count is the account's).
    var records = -1
    _ = try CSVReader.read(path: account.file) { batch in records += batch.rows.count }
    #expect(account.rows == records)
    #expect((account.rows, account.accepted, account.rejected, account.skipped) == (8, 2, 6, 0))
    let offScale = "is not a whole number from 0 to 10 (the nps scale) (if the survey is on the other scale set [feedback] scale = \"csat\")"
    #expect(
      data.rejects.map { "\($0.line): \($0.reason)" } == [
        "3: score '11' \(offScale)", "4: missing lead_id", "5: missing answered_at", "6: missing score", "7: score '9.5' \(offScale)",
        "9: score '-1' \(offScale)",
      ])
    #expect(data.hasFeedback && data.feedbackScale == .nps)
    #expect(data.answers.map(\.score) == [9, 0])
    #expect(data.answers.map(\.comment) == ["Great, fast", "Too slow"])
    #expect(data.answers.map(\.answered) == [Day(iso: "2026-09-01")!, Day(iso: "2026-09-07")!])
    // L1 is the first lead; L9 is none of them.
    #expect(data.feedbackTable.leadPosition(0, in: data.leadTable.index) == 0)
    #expect(data.feedbackTable.leadPosition(1, in: data.leadTable.index) == nil)
  }

  /// On the CSAT scale 1 to 5 are read; 0 and 9 are off it, with the NPS scale as the fix.
  @Test func theScaleDecidesWhichScoresAreRead() throws {
    let data = try load("lead_id,answered_at,score\nL1,2026-09-01,5\nL1,2026-09-02,0\nL2,2026-09-03,9\nL2,2026-09-04,1\n", scale: .csat)
    #expect(data.answers.map(\.score) == [5, 1])
    #expect(
      data.rejects.map { "\($0.line): \($0.reason)" } == [
        "3: score '0' is not a whole number from 1 to 5 (the csat scale) (if the survey is on the other scale set [feedback] scale = \"nps\")",
        "4: score '9' is not a whole number from 1 to 5 (the csat scale) (if the survey is on the other scale set [feedback] scale = \"nps\")",
      ])
    #expect(data.feedbackScale == .csat)
  }

  /// A request nobody answered (no date, no score) is skipped and counted, not rejected.
  @Test func unansweredRequestsAreSkipped() throws {
    let data = try load("lead_id,answered_at,score\nL1,2026-09-01,10\nL2,,\nL2,,7\n")
    let account = try #require(data.inputs.first { $0.role == .feedback })
    #expect((account.rows, account.accepted, account.rejected, account.skipped) == (3, 1, 1, 1))
    #expect(data.rejects.map { "\($0.line): \($0.reason)" } == ["4: missing answered_at"])
  }

  /// An export that mixes surveys names each row's in `kind` (AskNicely's `question_type`:
  /// "nps", "csat" or "fivestar"). On the NPS scale the csat and fivestar rows are skipped and
  /// counted, never banded (a CSAT 5 read as NPS would be a detractor's), and said once from the
  /// first; an empty kind is the scale's, and kinds are matched ignoring case. On the CSAT scale
  /// the two nps rows and the fivestar one are skipped, the csat 5 read, and the empty kind's 7
  /// is off the scale, a reject.
  @Test func answersToAnotherSurveyAreSkippedAndSaid() throws {
    let text = "lead_id,answered_at,score,kind\nL1,2026-09-01,9,nps\nL1,2026-09-02,5,csat\nL2,2026-09-03,4,fivestar\nL2,2026-09-04,7,\nL2,2026-09-05,10,NPS\n"
    let nps = try load(text)
    let npsAccount = try #require(nps.inputs.first { $0.role == .feedback })
    // 5 rows = 3 accepted (9, 7, 10) + 0 rejected + 2 skipped (csat, fivestar).
    #expect((npsAccount.rows, npsAccount.accepted, npsAccount.rejected, npsAccount.skipped) == (5, 3, 0, 2))
    #expect(nps.answers.map(\.score) == [9, 7, 10])
    #expect(
      nps.warnings.map { "\($0.line): \($0.message)" } == [
        "3: 2 answers to another survey skipped (kind 'csat' here, the scale is nps); set [feedback] scale = \"csat\" to read those instead"
      ])
    let csat = try load(text, scale: .csat)
    let csatAccount = try #require(csat.inputs.first { $0.role == .feedback })
    // 5 rows = 1 accepted (the csat 5) + 1 rejected (7, no kind, off 1 to 5) + 3 skipped.
    #expect((csatAccount.rows, csatAccount.accepted, csatAccount.rejected, csatAccount.skipped) == (5, 1, 1, 3))
    #expect(csat.answers.map(\.score) == [5])
    #expect(csat.rejects.map(\.line) == [5])
    // The first skipped row is line 2's nps answer: "nps" names the other scale, the fix.
    #expect(
      csat.warnings.map { "\($0.line): \($0.message)" } == [
        "2: 3 answers to another survey skipped (kind 'nps' here, the scale is csat); set [feedback] scale = \"nps\" to read those instead"
      ])
  }

  /// A kind that names no scale (AskNicely's "fivestar") has no scale to offer: the warning
  /// only says it was skipped.
  @Test func aKindOfNoScaleIsSkippedWithoutAFix() throws {
    let data = try load("lead_id,answered_at,score,kind\nL1,2026-09-01,4,fivestar\n")
    #expect(data.answers.isEmpty)
    #expect(data.warnings.map(\.message) == ["1 answer to another survey skipped (kind 'fivestar' here, the scale is nps)"])
  }

  /// AskNicely writes when a response came as a Unix timestamp (`responded`, seconds since
  /// 1970): ten digits are that instant's day in UTC. 1782920530 = 20,635 days (1,782,864,000
  /// s, 2026-07-01) + 56,530 s (15:42:10). 1782950399 is 23:59:59 the same day, 1782950400
  /// midnight, 2026-07-02. Nine or eleven digits are no timestamp: rejected as dates.
  @Test func tenDigitsAreSecondsSince1970() throws {
    let data = try load(
      "lead_id,answered_at,score\nL1,1782920530,9\nL1,1782950399,9\nL2,1782950400,8\nL2,178292053,8\nL2,17829205300,8\nL2,2026-07-03,7\n")
    #expect(data.answers.map(\.answered) == ["2026-07-01", "2026-07-01", "2026-07-02", "2026-07-03"].map { Day(iso: $0)! })
    #expect(data.rejects.map(\.line) == [5, 6])
  }

  /// A feedback export without a score column stops the import naming it (a required field).
  @Test func aMissingScoreColumnStopsTheImport() throws {
    #expect(throws: ImportError.self) { try load("lead_id,answered_at\nL1,2026-09-01\n") }
  }

  @Test(arguments: [("0", 0), ("10", 10), ("07", 7), ("9.0", nil), ("100", nil), ("+9", nil), ("", nil)])
  func aScoreIsOneOrTwoDigits(text: String, score: Int?) {
    #expect(text.withByteView { FeedbackDecoder.wholeNumber($0) } == score)
  }

  /// The bands of each scale, at their ends.
  @Test func bandsFollowTheScale() {
    #expect([0, 6, 7, 8, 9, 10].map { FeedbackScale.nps.band(of: $0) } == [.detractor, .detractor, .passive, .passive, .promoter, .promoter])
    #expect([1, 3, 4, 5].map { FeedbackScale.csat.band(of: $0) } == [.detractor, .detractor, .passive, .promoter])
  }
}
