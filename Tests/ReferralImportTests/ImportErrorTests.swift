import ReferralCore
import Testing

@testable import ReferralImport

/// What a missing key column's error says declaring it absent would mean: each input's own
/// words (``RowDecoder/absenceMeaning(_:)``), and none for an input that does not say.
@Suite struct ImportErrorTests {
  func message(_ role: InputRole, _ fields: [Field]) -> String {
    ImportError.missingKeyColumn(
      file: "\(role.rawValue).csv", role: role, fields: fields, expected: fields.map(\.rawValue), found: ["id"], closest: nil
    ).description
  }

  @Test(arguments: [
    (InputRole.deals, [Field.stage], "a won-deals export: every row is a won deal, and win rates are n/a"),
    (.deals, [.closedAt], "an open pipeline: a won or lost deal without a close date is rejected"),
    (.deals, [.amount], "revenue figures are n/a"),
    (.deals, [.leadID, .source], "every deal is in the Unknown channel"),
    // The channel's group with lead_id declared absent already: the rest of it, same meaning.
    (.deals, [.source], "every deal is in the Unknown channel"),
    (.leads, [.source], "every lead is in the Unknown channel"),
  ])
  func eachInputSaysWhatItsKeyColumnsAbsenceMeans(role: InputRole, fields: [Field], meaning: String) {
    #expect(role.decoder.absenceMeaning(fields) == meaning)
    #expect(message(role, fields).contains(" (\(meaning)), declare "))
  }

  /// An input that gives no meaning (the asks have no key columns): the error says how to
  /// declare the column absent, and claims nothing about figures it does not know.
  @Test func anInputThatSaysNothingGetsNoMeaningGuessed() {
    #expect(AskDecoder.absenceMeaning([.leadID]) == nil)
    #expect(
      message(.asks, [.leadID])
        == "asks.csv:1: error: no column for lead_id (looked for 'lead_id'); found 'id'; "
        + "map the column that holds it: [columns.asks] lead_id = \"…\"; "
        + "if the export has none, declare it: [columns.asks] lead_id = false")
  }
}
