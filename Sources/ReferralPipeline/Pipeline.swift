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

  /// The report folder's files, in order (``renderEach(_:_:)`` delivers each by its index).
  private static let reportFiles = OutputTarget.reportFiles

  /// Renders every file of the report folder side by side (the renderers only read the
  /// result), handing each to `deliver`, as runs of bytes, on the thread that rendered it. The
  /// pieces of `summary.json`'s long lists are jobs of their own (the file was the last to be
  /// ready by far), and the job that finishes the last of them renders the rest around them.
  private static func renderEach(_ result: AttributionResult, _ deliver: @escaping @Sendable (_ file: Int, _ runs: [[UInt8]]) -> Void) {
    let lists = JSONLongLists(result)
    let pieces = RenderedPieces(count: lists.count)
    let queue = DispatchQueue.global()
    let files = DispatchGroup()
    let json: @Sendable () -> Void = { deliver(2, JSONRenderer.runs(result, splicing: lists.spliced(pieces.all))) }
    if lists.count == 0 { queue.async(group: files, execute: json) }
    for piece in 0..<lists.count {
      queue.async(group: files) {
        if pieces.store(lists.render(piece), at: piece) { json() }
      }
    }
    queue.async(group: files) { deliver(3, [RejectsCSV.bytes(result)]) }
    queue.async(group: files) {
      let document = ReportBuilder.build(result)
      deliver(0, [Array(MarkdownRenderer.render(document).utf8)])
      deliver(1, [Array(HTMLRenderer.render(document).utf8)])
    }
    files.wait()
  }

  /// Analyses, renders and writes the report folder atomically.
  public static func run(_ plan: RunPlan, progress: (@Sendable (InputRole, Int, Int?) -> Void)? = nil) throws(RunError) -> RunOutcome {
    var outcome = try analyse(plan, progress: progress)
    let folder = plan.outputFolder ?? "\(plan.configuration.outputRoot)/\(outcome.result.current.period.label)"
    // Each file is written by the job that rendered it, while the others still render.
    let report = try ReportFolder(replacing: folder, protecting: plan.files.all + [plan.configuration.file].compactMap { $0 })
    let failures = WriteFailures(count: reportFiles.count)
    renderEach(outcome.result) { file, runs in
      do throws(RunError) {
        try report.write(reportFiles[file], runs)
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

/// The rendered pieces of `summary.json`'s long lists, stored by the jobs that render them.
private final class RenderedPieces: @unchecked Sendable {
  private let lock = NSLock()
  private var pieces: [JSONItems?]
  private var missing: Int

  init(count: Int) {
    pieces = Array(repeating: nil, count: count)
    missing = count
  }

  /// Stores piece `index`; whether it was the last one missing.
  func store(_ piece: JSONItems, at index: Int) -> Bool {
    lock.withLock {
      pieces[index] = piece
      missing -= 1
      return missing == 0
    }
  }

  /// Every piece, once all are stored.
  var all: [JSONItems] { lock.withLock { pieces.map { $0! } } }
}
