import ReferralAttribution
import ReferralCore
import TestSupport
import Testing

@Suite struct DataQualityTests {
  static let october = AttributionOptions(period: Period(month: Month(year: 2026, month: 10)!))

  /// The data quality of October 2026 for a leads export alone.
  static func quality(leads: String) throws -> DataQuality {
    Attributor.attribute(try Dataset.importing([.leads: leads]), options: october).quality
  }

  /// A 4-row file whose rows have 2, 4 and 5 fields against a header of 3 has one reason,
  /// counted three times (it was three reasons while they were grouped by their text).
  @Test func raggedRowsAreOneReasonWhateverTheirFieldCount() throws {
    let quality = try Self.quality(
      leads: """
        lead_id,created_at,source
        L1,2026-10-01
        L2,2026-10-02,Web,x
        L3,2026-10-03,Web,x,y

        """)
    #expect(quality.rejectReasons.map { "\($0.file.split(separator: "/").last!): \($0.reason): \($0.count)" } == ["leads.csv: wrong number of fields: 3"])
  }

  /// Rejects are counted by the kind of problem, without the values of one row, most
  /// frequent first: 2 duplicates, 1 bad date, 1 bad date of another field.
  @Test func rejectsAreGroupedByKindMostFrequentFirst() throws {
    // L7 again (first on line 3), a birthday for a date, L8 again (first on line 4), "x" thanked.
    let quality = try Self.quality(
      leads: """
        lead_id,created_at,source,thanked_at
        L1,2026-10-01,Web,
        L7,2026-10-02,Web,
        L8,2026-10-03,Web,
        L7,2026-10-04,Web,
        L9,Zoë's birthday,Web,
        L8,2026-10-05,Web,
        L10,2026-10-06,Web,x

        """)
    #expect(
      quality.rejectReasons.map { "\($0.reason): \($0.count)" } == [
        "duplicate lead_id: 2", "unparseable or impossible created_at: 1", "unparseable or impossible thanked_at: 1",
      ])
  }

  /// Every raw value is listed under the channel it went into, so a built-in merge shows:
  /// "Google" into Organic Search, "" and "n/a" into Unknown, "Podcast" as its own channel.
  @Test func rawSourceValuesAreListedByChannel() throws {
    let quality = try Self.quality(
      leads: """
        lead_id,created_at,source
        L0,2026-10-01,Google
        L1,2026-10-02,SEO
        L2,2026-10-03,
        L3,2026-10-04,n/a
        L4,2026-10-05,Podcast
        L5,2026-10-06,Customer Referral

        """)
    #expect(
      quality.sourceValues.map { "\($0.channel): \($0.values.joined(separator: ", "))" } == [
        "Organic Search: Google, SEO", "Podcast: Podcast", "Referral: Customer Referral", "Unknown: (empty), n/a",
      ])
  }

  /// October's won amounts $100, $200, $300 and $50,000: revenue $50,600, median (200 + 300) / 2
  /// = $250. D4 is 50,000 / 50,600 = 98.8% of revenue and 200× the median; D3 is 1.2×: not one.
  @Test func aDealThatDwarfsThePeriodIsAnOutlier() throws {
    let data = try Dataset.importing([
      .leads: """
      lead_id,created_at,source
      L1,2026-10-01,Web

      """,
      .deals: """
      deal_id,lead_id,stage,amount,closed_at
      D1,L1,won,100.00,2026-10-20
      D2,L1,won,200.00,2026-10-20
      D3,L1,won,300.00,2026-10-20
      D4,L1,won,50000.00,2026-10-20

      """,
    ])
    let quality = Attributor.attribute(data, options: Self.october).quality
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
    let warnings = Attributor.attribute(data, options: Self.october).quality.warnings
      .filter { $0.message.contains("matches no lead") }
    // asks: lines 3 and 4 (C-77, C-78) are unmatched, the first is line 3; feedback: line 2 (C-90).
    #expect(warnings.map { "\($0.file.split(separator: "/").last!):\($0.line)" } == ["asks.csv:3", "feedback.csv:2"])
    #expect(warnings[0].message.hasPrefix("2 referral requests name a lead_id that matches no lead of the leads export and are left out"))
    #expect(warnings[1].message.hasPrefix("1 feedback answer names a lead_id that matches no lead of the leads export and is left out"))
    #expect(warnings[1].message.hasSuffix("or map it under [columns.feedback]"))
  }
}
