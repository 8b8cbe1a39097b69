import CSVStream
import ReferralAttribution
import ReferralCore
import ReferralRender
import TestSupport
import Testing

/// CRM text can never become markup: hostile and unusual text goes through every place that
/// shows CRM text (channels, owners, companies, referrers, ids, file names).
@Suite struct HTMLEscapingTests {
  static let payloads = ["<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "&amp;", "שלום עולם", "Acme 😀 Ltd", "' onmouseover='x"]

  /// The exports, one row per payload: lead i is payload i in every text column and deal
  /// `D` + payload i wins $10 × (i + 1) from it. A seventh lead, its id missing, is rejected
  /// whole with its hostile fields; the first deal was created after it closed, a warning that
  /// quotes its id. (Rows are written by the tool's own CSV writer, which quotes the payload
  /// holding a `"`.)
  static let dataset: Dataset = {
    func row(_ fields: [String]) -> String { CSVWriting.record(fields, terminator: "\n") }
    var leads = row(["lead_id", "created_at", "source", "owner", "referrer_id", "company"])
    for payload in payloads { leads += row([payload, "2026-10-05", payload, payload, payload, payload]) }
    leads += row(["", "2026-10-05"] + payloads.prefix(4))
    var deals = row(["deal_id", "lead_id", "stage", "amount", "created_at", "closed_at"])
    for (i, payload) in payloads.enumerated() {
      deals += row(["D" + payload, payload, "won", "\(10 * (i + 1)).00", i == 0 ? "2026-10-25" : "", "2026-10-20"])
    }
    var data = try! Dataset.importing([.leads: leads, .deals: deals])
    // A file's name is no part of its text (TestSupport saves each export as `<input>.csv`), so
    // the hostile name a run given `--leads '<b>leads</b>.csv'` shows is set by hand, on the
    // leads file's account and on its rejects alike.
    let name = "<b>leads</b>.csv"
    data.inputs = data.inputs.map { account in
      var account = account
      if account.role == .leads { account.file = name }
      return account
    }
    data.rejects = RejectedRows(
      data.rejects.map { reject in
        var reject = reject
        reject.file = name
        return reject
      })
    return data
  }()

  @Test func hostileTextIsEscapedEverywhere() {
    let result = Attributor.attribute(Self.dataset, options: AttributionOptions(period: Period(month: Month(year: 2026, month: 10)!)))
    let html = HTMLRenderer.render(ReportBuilder.build(result))
    #expect(!html.contains("<script"))
    #expect(!html.contains("<img"))
    #expect(!html.contains("<b>"))
    #expect(!html.contains("' onmouseover"))
    #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    #expect(html.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"))
    #expect(html.contains("&amp;amp;"))
    #expect(html.contains("שלום עולם"))
    #expect(html.contains("Acme 😀 Ltd"))
    #expect(html.contains("&lt;b&gt;leads&lt;/b&gt;.csv"))
  }

  @Test func attributesAreEscapedToo() {
    let node = HTMLNode.element("a", [("title", "\"><script>")], [.text("<x>")])
    #expect(node.rendered == "<a title=\"&quot;&gt;&lt;script&gt;\">&lt;x&gt;</a>")
  }

  @Test func thePageIsSelfContained() {
    let result = Attributor.attribute(Self.dataset, options: AttributionOptions())
    let html = HTMLRenderer.render(ReportBuilder.build(result))
    #expect(!html.contains("<script"))
    #expect(html.split(separator: "http://").dropFirst().allSatisfy { $0.hasPrefix("www.w3.org/2000/svg") })  // the SVG namespace only
    #expect(!html.contains("https://"))
    #expect(!html.contains("<link"))
    #expect(!html.contains("@import"))
    #expect(!html.contains("url("))
  }
}
