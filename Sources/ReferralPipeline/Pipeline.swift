import Dispatch
import Foundation
import ReferralAttribution
import ReferralCore
import ReferralImport
import ReferralRender

/// What one run is asked to do.
public struct RunPlan: Sendable {
  public var files: InputFiles
  /// `nil`: the month of the latest date in the data.
  public var period: Period?
  /// `nil`: `<outputRoot>/<period>`.
  public var outputFolder: String?
  public var configuration: Configuration

  public init(files: InputFiles, period: Period? = nil, outputFolder: String? = nil, configuration: Configuration = Configuration()) {
    self.files = files
    self.period = period
    self.outputFolder = outputFolder
    self.configuration = configuration
  }
}

/// What a run did: its result, where it wrote, and the inputs over the reject threshold.
public struct RunOutcome: Sendable {
  public var result: AttributionResult
  public var folder: String?
  public var overThreshold: [InputAccount]
  public var maxRejectRate: Double

  public var exitStatus: ExitStatus { overThreshold.isEmpty ? .success : .rejectThresholdExceeded }

  /// One line per input over the threshold, naming the file and its share.
  public var thresholdMessages: [String] {
    overThreshold.map {
      "\($0.file): error: \(Format.rate($0.rejectRate)) of rows rejected (\($0.rejected) of \($0.accepted + $0.rejected)), "
        + "above the \(Format.rate(maxRejectRate)) limit; see rejects.csv, fix the export or raise --max-reject-rate"
    }
  }
}

/// The write failures of the jobs rendering side by side, by file: each job sets its own
/// slot, under a lock (once per file at most).
private final class WriteFailures: @unchecked Sendable {
  private let lock = NSLock()
  private var failures: [RunError?]

  init(count: Int) { failures = Array(repeating: nil, count: count) }

  func record(_ file: Int, _ error: RunError) { lock.withLock { failures[file] = error } }

  /// The failure of the first file in report order (the same one whichever job failed first).
  var first: RunError? { lock.withLock { failures.lazy.compactMap { $0 }.first } }
}

/// The whole job: Import → Attribute → Render → write. Files are touched only here.
public enum Pipeline {
  /// Imports and attributes, writing nothing (`referral-report check`).
  public static func analyse(_ plan: RunPlan, progress: (@Sendable (InputRole, Int, Int?) -> Void)? = nil) throws(RunError) -> RunOutcome {
    let config = plan.configuration
    let dataset: Dataset
    do {
      dataset = try Importer.load(plan.files, options: config.importOptions, progress: progress)
    } catch {
      throw .input(error)
    }
    var options = config.attribution
    options.period = plan.period
    if plan.period == nil, dataset.latestDay == nil { throw .noDates(files: plan.files.all) }
    let result = Attributor.attribute(dataset, options: options)
    let over = result.quality.inputs.filter { $0.rejectRate > config.maxRejectRate }
    return RunOutcome(result: result, folder: nil, overThreshold: over, maxRejectRate: config.maxRejectRate)
  }

  /// The report folder's files, in order, with what renders each from the result (the
  /// Markdown and HTML reports share the document built from it).
  private static let reportFiles: [(name: String, render: @Sendable (AttributionResult, ReportDocument) -> [UInt8])] = [
    ("report.md", { Array(MarkdownRenderer.render($1).utf8) }),
    ("report.html", { Array(HTMLRenderer.render($1).utf8) }),
    ("summary.json", { result, _ in JSONRenderer.bytes(result) }),
    ("rejects.csv", { result, _ in RejectsCSV.bytes(result) }),
  ]

  /// Renders every file of the report folder, side by side (the renderers only read the
  /// result), handing each to `deliver` on the thread that rendered it.
  private static func renderEach(_ result: AttributionResult, _ deliver: @Sendable (_ file: Int, _ bytes: [UInt8]) -> Void) {
    let document = ReportBuilder.build(result)
    DispatchQueue.concurrentPerform(iterations: reportFiles.count) { file in
      deliver(file, reportFiles[file].render(result, document))
    }
  }

  /// Analyses, renders and writes the report folder atomically.
  public static func run(_ plan: RunPlan, progress: (@Sendable (InputRole, Int, Int?) -> Void)? = nil) throws(RunError) -> RunOutcome {
    var outcome = try analyse(plan, progress: progress)
    let folder = plan.outputFolder ?? "\(plan.configuration.outputRoot)/\(outcome.result.current.period.label)"
    // Each file is written by the job that rendered it, while the others still render.
    let report = try ReportFolder(replacing: folder)
    let failures = WriteFailures(count: reportFiles.count)
    renderEach(outcome.result) { file, bytes in
      do throws(RunError) {
        try report.write(reportFiles[file].name, bytes)
      } catch {
        failures.record(file, error)
      }
    }
    if let failure = failures.first {
      report.discard()
      throw failure
    }
    try report.commit()
    outcome.folder = folder
    return outcome
  }
}
