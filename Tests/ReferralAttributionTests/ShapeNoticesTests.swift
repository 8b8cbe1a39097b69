import ReferralAttribution
import ReferralCore
import TestSupport
import Testing

/// The notices attribution decides from the leads' values, over the period's leads only.
@Suite struct ShapeNoticesTests {
  static let october = Period(month: Month(year: 2026, month: 10)!)

  /// The notices of a leads export whose October leads have `sources` (indices into `values`)
  /// and the referrer R1 where `referred` says so, plus one September lead of source 0, which
  /// counts for nothing.
  static func notices(values: [String], sources: [Int], referred: [Bool] = []) -> [Notice] {
    let rows =
      ["S1,2026-09-30,\(values[0]),"]
      + sources.enumerated().map { index, source in
        "L\(index + 1),2026-10-0\(index + 1),\(values[source]),\(referred.indices.contains(index) && referred[index] ? "R1" : "")"
      }
    let data = try! Dataset.importing([.leads: "lead_id,created_at,source,referrer_id\n" + rows.joined(separator: "\n") + "\n"])
    // The import names the file by its path in a temporary folder: the notices by its name.
    return Attributor.attribute(data, options: AttributionOptions(period: october)).notices.map { notice in
      var notice = notice
      notice.file = String(notice.file.split(separator: "/").last ?? "")
      return notice
    }
  }

  /// Half the period's leads in Unknown is not "most": 2 of 4 says nothing; 3 of 5 (60%) does,
  /// and the September lead without a source does not count.
  @Test func mostLeadsInUnknownIsMoreThanHalf() {
    #expect(Self.notices(values: ["", "Web"], sources: [0, 0, 1, 1]).isEmpty)
    #expect(
      Self.notices(values: ["", "Web"], sources: [0, 0, 0, 1, 1])
        == [
          Notice(
            kind: .hiddenSources, file: "leads.csv",
            message:
              "3 of the period's 5 leads (60%) have no known source (Unknown): the referral share of leads and every figure by channel rest on the other 2",
            fix: "map the column the team fills in with the real source: [columns.leads] source = \"…\" (see any unread column named above)")
        ])
  }

  /// One value that says how leads were entered, not where they came from: 3 of 4 leads
  /// (75%) are noticed; 3 of 4 of a real source (`Web`) are not.
  @Test func oneOpaqueValueForMostLeads() {
    let notices = Self.notices(values: ["Web", "Offline Sources"], sources: [1, 1, 1, 0])
    #expect(notices.map(\.kind) == [.hiddenSources])
    #expect(notices.first?.message.hasPrefix("3 of the period's 4 leads (75%) have the source 'Offline Sources', which says how a lead was entered") == true)
    #expect(Self.notices(values: ["Offline Sources", "Web"], sources: [1, 1, 1, 0]).isEmpty)
  }

  /// Two leads name a referrer and none is in a referral channel: the fix maps their source
  /// (`Friend tip`, one of the two) onto Referral. One lead in Referral and nothing is said.
  @Test func referrersWithoutAReferralChannel() {
    let notices = Self.notices(values: ["Web", "Friend tip", "Customer Referral"], sources: [0, 1, 1, 0], referred: [false, true, true])
    #expect(
      notices == [
        Notice(
          kind: .referrersWithoutReferralChannel, file: "leads.csv",
          message: "2 of the period's 4 leads name a referrer, but no lead is in a referral channel, so the referral share of leads reads 0%: "
            + "their most common source, 'Friend tip', is in no referral channel",
          fix: "[channels.Referral] referral = true, aliases = [\"Friend tip\"]")
      ])
    #expect(Self.notices(values: ["Web", "Friend tip", "Customer Referral"], sources: [0, 1, 2, 0], referred: [false, true, true]).isEmpty)
  }
}
