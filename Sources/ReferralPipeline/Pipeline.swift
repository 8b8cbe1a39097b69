import Foundation
import ReferralAttribution
import ReferralCore
import ReferralImport
import ReferralRender
import Scheduler

/// What one run is asked to do.
package struct RunPlan: Sendable {
  package var files: InputFiles
  /// `nil`: the month where the data ends (see ``DataSpan``), or all of it with ``wholeData``.
  package var period: Period?
  /// Report on every date the data holds, from its first day to its end (`--all`; rows dated
  /// far past the rest are left out of it, as of the default period).
  package var wholeData = false
  /// Report on a ``period`` that lies wholly outside the data (`--allow-empty-period`) instead
  /// of stopping: only on purpose, as a report of nothing is otherwise a wrong `--month`.
  package var allowEmptyPeriod = false
  /// `nil`: `<outputRoot>/<period>`.
  package var outputFolder: String?
  package var configuration: Configuration

  package init(files: InputFiles, period: Period? = nil, outputFolder: String? = nil, configuration: Configuration = Configuration()) {
    self.files = files
    self.period = period
    self.outputFolder = outputFolder
    self.configuration = configuration
  }
}

/// A stage of the run, as `--verbose` and the progress bar name it.
package enum RunStage: String, Sendable, CaseIterable {
  case reading = "reading the exports"
  case attributing = "attributing"
  case writing = "writing the report"
}

/// What a run did: its result, where it wrote, the inputs over the reject threshold, and how
/// long each stage took.
package struct RunOutcome: Sendable {
  package var result: AttributionResult
  /// Where the report was written: the report folder when the data check passed, the folder
  /// beside it (``OutputTarget/failedFolder(of:)``) when it failed.
  package var folder: String?
  /// The report folder a passing run writes, which a failed run leaves as it was.
  package var passingFolder: String?
  /// Seconds per stage, in the order they ran.
  package var timings: [(stage: RunStage, seconds: Double)] = []
  /// The inputs over the reject threshold (decided in attribution, see ``DataQuality/passed``).
  package var overThreshold: [InputAccount] { result.quality.overThreshold }
  package var maxRejectRate: Double { result.quality.maxRejectRate }

  package var exitStatus: ExitStatus { overThreshold.isEmpty ? .success : .rejectThresholdExceeded }

  /// Where a failed run's report went instead, and why; `nil` when the run passed (or wrote
  /// nothing).
  package var failedFolderMessage: String? {
    guard let folder, let passingFolder, folder != passingFolder else { return nil }
    return "the data check failed, so the report went to \(folder)/, beside \(passingFolder)/, which only a run that passes replaces"
  }

  /// One line per input over the threshold, naming the file, its share, and its most frequent
  /// reason with that reason's fix (reasons come most frequent first).
  package var thresholdMessages: [String] {
    overThreshold.map { input in
      let top = result.quality.rejectReasons.first { $0.file == input.file }
      let reason = top.map { top in
        let rows = Format.counted(top.count, "row")
        return "; most often \(top.reason) (\(rows.count) \(rows.noun))" + (top.fix.map { ": \($0)" } ?? "")
      }
      return "\(input.file): error: \(Format.rate(input.rejectRate)) of rows rejected (\(input.rejected) of \(input.accepted + input.rejected)), "
        + "above the \(Format.rate(maxRejectRate)) limit\(reason ?? ""); see rejects.csv, fix the export or raise --max-reject-rate"
    }
  }
}

/// The whole job: Import → Attribute → Render → write. The report folder is written only here.
package enum Pipeline {
  /// Imports and attributes, writing nothing (`referral-report check`).
  /// `stage` is told when each stage starts.
  package static func analyse(
    _ plan: RunPlan, progress: (@Sendable (InputRole, Int, Int?) -> Void)? = nil, stage: ((RunStage) -> Void)? = nil
  ) throws(RunError) -> RunOutcome {
    let config = plan.configuration
    let clock = ContinuousClock()
    var started = clock.now
    stage?(.reading)
    let dataset: Dataset
    var importOptions = config.importOptions
    importOptions.undatedLeads = plan.wholeData
    do {
      dataset = try Importer.load(plan.files, options: importOptions, progress: progress)
    } catch {
      throw .input(error)
    }
    var options = config.attribution
    options.period = plan.period
    if dataset.leadsUndated {
      // All the data is one period without dates: the month of the day its leads are filed under.
      options.period = Period(month: Day.undated.month)
      options.undated = true
    } else {
      let span = dataset.span
      if let period = plan.period {
        let data = span.flatMap { Period(from: $0.first, to: $0.end) }
        let outside = data.map { period.to < $0.from || period.from > $0.to } ?? true
        if outside, !plan.allowEmptyPeriod { throw .periodOutsideData(file: plan.files.all[0], period: period, data: data) }
      } else if span == nil {
        throw .noDates(files: plan.files.all)
      }
      if plan.wholeData, let span { options.period = Period(from: span.first, to: span.end) }
    }
    let read = clock.now - started
    started = clock.now
    stage?(.attributing)
    let result = Attributor.attribute(dataset, options: options)
    var outcome = RunOutcome(result: result, folder: nil)
    outcome.timings = [(.reading, read.seconds), (.attributing, (clock.now - started).seconds)]
    return outcome
  }

  /// Renders the report's parts side by side and writes each file as soon as its part is
  /// rendered, while the others still render: the one place a report's files are written.
  /// The files written, and the failure of the first file in report order (the same whichever
  /// part failed first).
  private static func write(_ files: ReportFiles, into report: ReportFolder) -> ([ReportFolder.WrittenFile], RunError?) {
    let parts = files.parts
    let outcomes = Scheduler.map(parts.count) { index in
      files.render(parts[index]).map { file in (path: file.path, outcome: Result { () throws(RunError) in try report.write(file) }) }
    }
    let order = Dictionary(uniqueKeysWithValues: files.paths.enumerated().map { ($1, $0) })
    let inOrder = outcomes.joined().sorted { order[$0.path, default: .max] < order[$1.path, default: .max] }.map(\.outcome)
    let written = inOrder.compactMap { try? $0.get() }
    let failure = inOrder.lazy.compactMap { if case .failure(let error) = $0 { error } else { nil } }.first
    return (written, failure)
  }

  /// Analyses, renders and writes the report folder atomically.
  package static func run(
    _ plan: RunPlan, progress: (@Sendable (InputRole, Int, Int?) -> Void)? = nil, stage: ((RunStage) -> Void)? = nil
  ) throws(RunError) -> RunOutcome {
    var outcome = try analyse(plan, progress: progress, stage: stage)
    let clock = ContinuousClock()
    let started = clock.now
    stage?(.writing)
    // An undated report has no period to be named after: it is all the data.
    let name = outcome.result.undated ? "all-data" : outcome.result.current.period.label
    let passingFolder = plan.outputFolder ?? "\(plan.configuration.outputRoot)/\(name)"
    let passed = outcome.exitStatus == .success
    let folder = passed ? passingFolder : OutputTarget.failedFolder(of: passingFolder)
    // The files' paths are known before any is rendered: the marker lists them first.
    let files = ReportFiles(outcome.result)
    let report = try ReportFolder(
      replacing: folder, protecting: plan.files.all + [plan.configuration.file].compactMap { $0 }, files: files.paths)
    let (written, failure) = write(files, into: report)
    if let failure {
      report.discard(written)
      throw failure
    }
    try report.commit(written)
    if passed { ReportFolder.removeFailedReport(beside: folder) }
    outcome.folder = folder
    outcome.passingFolder = passingFolder
    outcome.timings.append((.writing, (clock.now - started).seconds))
    return outcome
  }
}

extension Duration {
  /// The duration in seconds.
  var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
