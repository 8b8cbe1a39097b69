import Dispatch
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

/// The renderers' outputs, each written by one job only.
private final class RenderedFiles: @unchecked Sendable {
  var markdown: [UInt8] = []
  var html: [UInt8] = []
  var json: [UInt8] = []
  var rejects: [UInt8] = []
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

  /// The files of the report folder, rendered from one result.
  /// The four renderers only read the result: they run side by side.
  public static func render(_ result: AttributionResult) -> [(name: String, contents: [UInt8])] {
    let document = ReportBuilder.build(result)
    let files = RenderedFiles()
    DispatchQueue.concurrentPerform(iterations: 4) { job in
      switch job {
      case 0: files.markdown = Array(MarkdownRenderer.render(document).utf8)
      case 1: files.html = Array(HTMLRenderer.render(document).utf8)
      case 2: files.json = JSONRenderer.bytes(result)
      default: files.rejects = RejectsCSV.bytes(result)
      }
    }
    return [("report.md", files.markdown), ("report.html", files.html), ("summary.json", files.json), ("rejects.csv", files.rejects)]
  }

  /// Analyses, renders and writes the report folder atomically.
  public static func run(_ plan: RunPlan, progress: (@Sendable (InputRole, Int, Int?) -> Void)? = nil) throws(RunError) -> RunOutcome {
    var outcome = try analyse(plan, progress: progress)
    let folder = plan.outputFolder ?? "\(plan.configuration.outputRoot)/\(outcome.result.current.period.label)"
    try ReportFolder.write(render(outcome.result), to: folder)
    outcome.folder = folder
    return outcome
  }
}
