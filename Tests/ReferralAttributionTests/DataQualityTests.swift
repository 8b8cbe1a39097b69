@testable import ReferralAttribution
import Testing

@Suite struct DataQualityTests {
  @Test(arguments: [
    ("duplicate lead_id 'L7' (first on line 3)", "duplicate lead_id"),
    ("bad created_at 'Zoë's birthday'", "bad created_at"),
    ("ragged row (5 fields, expected 7)", "ragged row"),
    ("unterminated quote: a quoted field never closes", "unterminated quote: a quoted field never closes"),
    ("'", "'"),
    ("", ""),
  ])
  func rejectsAreGroupedByTheReasonWithoutTheValueItQuotes(reason: String, kind: String) {
    #expect(DataQuality.kind(of: reason) == kind)
  }
}
