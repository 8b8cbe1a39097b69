import Testing

@testable import ReferralImport

/// The one rule behind the closest header of a missing column and the unread columns noticed.
@Suite struct HeaderLikenessTests {
  @Test(arguments: [
    ("Deal Stage Name", ["deal", "stage", "name"]),
    ("StageName", ["stage", "name"]),
    ("Referred by (Record ID)", ["referred", "by", "record", "id"]),
    ("Lead - Source channel", ["lead", "source", "channel"]),
    ("referrer_id", ["referrer", "id"]),
  ])
  func wordsSplitAtPunctuationAndCase(_ header: String, _ words: [String]) {
    #expect(HeaderLikeness.words(header) == words)
  }

  /// `Deal Stage Name` shares deal and stage with `Deal Stage`: 2 × 2 ÷ (3 + 2) = 0.8. `Deal
  /// Name` shares only deal, a word every deals header has: no likeness at all.
  @Test func recordWordsAloneMakeNoMatch() {
    #expect(HeaderLikeness.score("Deal Stage Name", "Deal Stage") == 0.8)
    #expect(HeaderLikeness.score("Deal Name", "Deal Stage") == 0)
    #expect(HeaderLikeness.score("Create Date", "Close Date") == 0)
  }

  /// Inflections are one word: referred, referrer; close, closing. A referral is no referrer.
  @Test func inflectedWordsAreOne() {
    #expect(HeaderLikeness.score("Referred by (Record ID)", "referrer_id") > 0)
    #expect(HeaderLikeness.score("Closing Date", "Close Date") == 1)
    #expect(HeaderLikeness.score("Referral Type", "referrer_id") == 0)
  }

  @Test func theClosestHeaderIsTheBestScoreFirstOfEquals() {
    let found = ["Record ID", "Deal Name", "Associated Contact IDs", "Deal Stage Name", "Amount"]
    #expect(HeaderLikeness.closest(to: ["Deal Stage", "stage"], among: found) == "Deal Stage Name")
    #expect(HeaderLikeness.closest(to: ["Close Date", "closed_at"], among: found) == nil)
  }
}
