import ReferralAttribution
import ReferralCore
import ReferralRender
import TestSupport
import Testing

/// CRM text can never become markup: hostile and unusual text goes through every place that
/// shows CRM text (channels, owners, companies, referrers, ids, file names).
@Suite struct HTMLEscapingTests {
  static let payloads = ["<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "&amp;", "שלום עולם", "Acme 😀 Ltd", "' onmouseover='x"]

  static var dataset: Dataset {
    var data = Dataset()
    data.sources = payloads
    data.owners = payloads
    data.referrers = TextList(payloads)
    let day = Day(iso: "2026-10-05")!
    data.leads = payloads.indices.map { i in
      Lead(id: payloads[i], created: day, source: TextID(i), owner: TextID(i), referrer: TextID(i), company: payloads[i])
    }
    data.deals = payloads.indices.map { i in
      Deal(id: "D" + payloads[i], leadID: payloads[i], outcome: .won, amount: Money(minorUnits: 1000 * Int64(i + 1)), closed: Day(iso: "2026-10-20"))
    }
    data.inputs = [InputAccount(role: .leads, file: "<b>leads</b>.csv", accepted: 6)]
    data.rejects = [Reject(file: "<b>leads</b>.csv", role: .leads, line: 2, problem: .missing(.leadID), fields: payloads)]
    data.warnings = [Warning(file: "x.csv", line: 3, message: payloads[0])]
    return data
  }

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
