import Testing

@testable import ReferralRender

/// The report folder's files as ``ReportFiles`` names and renders them.
@Suite struct ReportFilesTests {
  /// The parts make exactly the files the paths name, each once: the marker, written from the
  /// paths before anything is rendered, lists every file the run then writes and no other.
  /// (The result has the tables of every section and one task list, to call cooling referrers.)
  @Test func thePartsMakeExactlyTheFilesThePathsName() {
    let files = ReportFiles(AskTimingSectionTests.result)
    let rendered = files.parts.flatMap(files.render).map(\.path)
    #expect(rendered.sorted() == files.paths.sorted())
    #expect(Set(rendered).count == rendered.count)
    #expect(files.paths.prefix(4) == ["report.md", "report.html", "summary.json", "rejects.csv"])
    #expect(files.paths.contains("tables/ask-timing.csv") && files.paths.contains("tasks/call-cooling-referrers.csv"))
  }
}
