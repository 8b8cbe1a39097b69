import ReferralAttribution
import ReferralCore
import Testing

@Suite struct DataQualityTests {
  static func quality(_ problems: [RowProblem]) -> DataQuality {
    var data = Dataset()
    data.inputs = [InputAccount(role: .leads, file: "l.csv", accepted: 0, rejected: problems.count)]
    data.rejects = problems.enumerated().map { Reject(file: "l.csv", line: $0.offset + 2, problem: $0.element, fields: []) }
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
}
