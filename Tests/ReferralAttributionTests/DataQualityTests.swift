import ReferralAttribution
import ReferralCore
import TestSupport
import Testing

@Suite struct DataQualityTests {
  static func quality(_ problems: [RowProblem]) -> DataQuality {
    var data = Dataset()
    data.inputs = [InputAccount(role: .leads, file: "l.csv", accepted: 0, rejected: problems.count)]
    data.rejects = RejectedRows(
      problems.enumerated().map { Reject(file: "l.csv", role: .leads, line: $0.offset + 2, problem: $0.element, fields: []) })
    return Attributor.attribute(data, options: AttributionOptions(period: Period(month: Month(year: 2026, month: 10)!))).quality
  }

  /// A 4-row file whose rows have 2, 4 and 5 fields against a header of 3 has one reason,
  /// counted three times (it was three reasons while they were grouped by their text).
  @Test func raggedRowsAreOneReasonWhateverTheirFieldCount() {
    let quality = Self.quality([.ragged(found: 2, expected: 3), .ragged(found: 4, expected: 3), .ragged(found: 5, expected: 3)])
    #expect(quality.rejectReasons == [DataQuality.ReasonCount(file: "l.csv", reason: "wrong number of fields", count: 3)])
  }

  /// Rejects are counted by the kind of problem, without the values of one row, most
  /// frequent first: 2 duplicates, 1 bad date, 1 bad date of another field.
  @Test func rejectsAreGroupedByKindMostFrequentFirst() {
    let quality = Self.quality([
      .duplicate(.leadID, "L7", firstLine: 3), .badDate(.createdAt, "Zoë's birthday", expected: nil),
      .duplicate(.leadID, "L8", firstLine: 4), .badDate(.thankedAt, "x", expected: "YYYY-MM-DD"),
    ])
    #expect(
      quality.rejectReasons.map { "\($0.reason): \($0.count)" } == [
        "duplicate lead_id: 2", "unparseable or impossible created_at: 1", "unparseable or impossible thanked_at: 1",
      ])
  }

  /// Every raw value is listed under the channel it went into, so a built-in merge shows:
  /// "Google" into Organic Search, "" and "n/a" into Unknown, "Podcast" as its own channel.
  @Test func rawSourceValuesAreListedByChannel() {
    var data = Dataset()
    data.sources = ["Google", "SEO", "", "n/a", "Podcast", "Customer Referral"]
    data.leads = (0..<6).map { Lead(id: "L\($0)", created: Day(iso: "2026-10-0\($0 + 1)")!, source: TextID($0)) }
    let quality = Attributor.attribute(data, options: AttributionOptions(period: Period(month: Month(year: 2026, month: 10)!))).quality
    #expect(
      quality.sourceValues.map { "\($0.channel): \($0.values.joined(separator: ", "))" } == [
        "Organic Search: Google, SEO", "Podcast: Podcast", "Referral: Customer Referral", "Unknown: (empty), n/a",
      ])
  }

  /// October's won amounts $100, $200, $300 and $50,000: revenue $50,600, median (200 + 300) / 2
  /// = $250. D4 is 50,000 / 50,600 = 98.8% of revenue and 200× the median; D3 is 1.2×: not one.
  @Test func aDealThatDwarfsThePeriodIsAnOutlier() throws {
    var data = Dataset()
    data.sources = ["Web"]
    data.leads = [Lead(id: "L1", created: Day(iso: "2026-10-01")!, source: 0)]
    data.deals = [100, 200, 300, 50_000].enumerated().map {
      Deal(id: "D\($0.offset + 1)", leadID: "L1", outcome: .won, amount: Money(minorUnits: Int64($0.element) * 100), closed: Day(iso: "2026-10-20"))
    }
    let quality = Attributor.attribute(data, options: AttributionOptions(period: Period(month: Month(year: 2026, month: 10)!))).quality
    let outlier = try #require(quality.outliers.first)
    #expect(quality.outliers.count == 1)
    #expect(outlier.dealID == "D4" && outlier.channel == "Direct" && outlier.amount == Money(minorUnits: 5_000_000))
    #expect(outlier.shareOfRevenue == 50_000.0 / 50_600.0)
    #expect(outlier.timesMedian == 200)
  }

  /// Two of three requests and one of two answers name ids no lead has (a survey tool's own
  /// contact id mapped as lead_id looks like this): one warning per file, the count and the
  /// first such line, so "never asked" and "no answer" are not read as facts.
  @Test func requestsAndAnswersThatNameNoLeadAreCountedOncePerFile() throws {
    let data = try Dataset.importing([
      .leads: "lead_id,created_at,source\nL1,2026-09-01,Referral\nL2,2026-09-02,Web\n",
      .asks: "asked_at,lead_id\n2026-10-01,L1\n2026-10-02,C-77\n2026-10-03,C-78\n",
      .feedback: "lead_id,answered_at,score\nC-90,2026-10-04,9\nL2,2026-10-05,3\n",
    ])
    let warnings = Attributor.attribute(data, options: AttributionOptions(period: Period(month: Month(year: 2026, month: 10)!))).quality.warnings
      .filter { $0.message.contains("matches no lead") }
    // asks: lines 3 and 4 (C-77, C-78) are unmatched, the first is line 3; feedback: line 2 (C-90).
    #expect(warnings.map { "\($0.file.split(separator: "/").last!):\($0.line)" } == ["asks.csv:3", "feedback.csv:2"])
    #expect(warnings[0].message.hasPrefix("2 referral requests name a lead_id that matches no lead of the leads export and are left out"))
    #expect(warnings[1].message.hasPrefix("1 feedback answer names a lead_id that matches no lead of the leads export and is left out"))
    #expect(warnings[1].message.hasSuffix("or map it under [columns.feedback]"))
  }
}
