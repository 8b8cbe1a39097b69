import ReferralAttribution

/// A file of the report folder as a renderer made it: its path inside the folder
/// (`summary.json`, `tables/channels.csv`) and its bytes. Renderers make files and write
/// nothing; the pipeline writes them, all through one writer.
package struct RenderedFile: Sendable {
  package let path: String
  /// Hands the file's bytes, in order, to the drain it is given: each piece the first `count`
  /// of `bytes`. A rendered file in one piece; `summary.json` in pieces while it is rendered
  /// (see ``JSONRenderer/write(_:into:)``).
  package let pieces: @Sendable (_ drain: @escaping (_ bytes: [UInt8], _ count: Int) -> Void) -> Void

  package init(_ path: String, bytes: [UInt8]) {
    self.init(path) { drain in drain(bytes, bytes.count) }
  }

  /// A file whose bytes `pieces` renders as it hands them on.
  package init(_ path: String, pieces: @escaping @Sendable (_ drain: @escaping (_ bytes: [UInt8], _ count: Int) -> Void) -> Void) {
    self.path = path
    self.pieces = pieces
  }

  /// A text file, as its UTF-8 bytes.
  package init(_ path: String, text: String) { self.init(path, bytes: Array(text.utf8)) }

  /// The file's bytes, whole.
  package var bytes: [UInt8] {
    var whole: [UInt8] = []
    pieces { bytes, count in whole.append(contentsOf: bytes[..<count]) }
    return whole
  }
}

/// The report folder of one result: the paths of its files, known before any is rendered (the
/// folder's marker lists them first), and its parts, each rendered by a pure function of the
/// result or of the report document built from it.
package struct ReportFiles: Sendable {
  /// What one renderer makes: a job of its own when the parts are rendered side by side.
  package enum Part: Sendable, Equatable {
    /// `report.md`.
    case markdown
    /// `report.html`.
    case html
    /// `summary.json`.
    case summary
    /// `rejects.csv`.
    case rejects
    /// `tables/<section>.csv`, every table of the report.
    case tables
    /// `tasks/<list>.csv`, one list of tasks.
    case tasks(TaskFiles.List)
  }

  package let result: AttributionResult
  /// The report as a document, built once: both reports and the tables are rendered from it.
  package let document: ReportDocument
  private let taskLists: [TaskFiles.List]

  package init(_ result: AttributionResult) {
    self.result = result
    document = ReportBuilder.build(result)
    taskLists = TaskFiles.lists(result)
  }

  /// Every part, the longest to render first: `summary.json` (49 MB at 1M leads, with every
  /// unpaid fee, missed thank-you and customer to ask), then the reports.
  package var parts: [Part] { [.summary, .html, .markdown, .rejects, .tables] + taskLists.map(Part.tasks) }

  /// Every file's path, in report order: the report's own files, its tables, its task lists.
  package var paths: [String] { ["report.md", "report.html", "summary.json", "rejects.csv"] + TableFiles.paths(document) + taskLists.map(\.file) }

  /// The files of `part` (any thread, any order: the renderers only read the result).
  package func render(_ part: Part) -> [RenderedFile] {
    switch part {
    case .markdown: [RenderedFile("report.md", text: MarkdownRenderer.render(document))]
    case .html: [RenderedFile("report.html", text: HTMLRenderer.render(document))]
    case .summary: [RenderedFile("summary.json") { [result] drain in JSONRenderer.write(result, into: drain) }]
    case .rejects: [RenderedFile("rejects.csv", bytes: RejectsCSV.bytes(result))]
    case .tables: TableFiles.files(document)
    case .tasks(let list): [RenderedFile(list.file, bytes: TaskFiles.bytes(list, result))]
    }
  }
}
