import Foundation
import ReferralCore
import ReferralPipeline
import Scheduler

/// A progress bar on standard error while large exports are read (bytes read of the total, rate
/// and time left), then the stage the run is in, ended with a line of its own so what follows
/// starts on a fresh line. Only when standard error is a terminal that can redraw a line (not
/// `TERM=dumb`) and the inputs are large; the leads and the other files are read on two threads,
/// so the bar's state is a ``Scheduler/Shared`` value.
struct ProgressBar: Sendable {
  /// Inputs smaller than this finish before a bar would be worth drawing.
  static let threshold = 20_000_000

  /// What has been read, and when the bar was last drawn.
  private struct Progress: Sendable {
    var read: [InputRole: Int] = [:]
    var lastDraw = Date.distantPast
    /// Once reading is over, the stage the run is in (the bytes no longer move).
    var stage: RunStage?
    var finished = false
  }

  private let total: Int
  private let start = Date()
  private let progress = Scheduler.Shared(Progress())

  /// A bar for `files`, or `nil` when none should be shown (`quiet`, no terminal, a dumb one).
  /// `always`: whatever the inputs' size (`--progress`).
  static func make(for files: [String], quiet: Bool, always: Bool = false) -> ProgressBar? {
    guard !quiet, isatty(STDERR_FILENO) == 1, ProcessInfo.processInfo.environment["TERM"] != "dumb" else { return nil }
    let total = files.reduce(0) { $0 + ((try? FileManager.default.attributesOfItem(atPath: $1)[.size] as? Int) ?? 0) }
    return total >= threshold || always ? ProgressBar(total: total) : nil
  }

  private init(total: Int) { self.total = total }

  func update(_ role: InputRole, bytesRead: Int) {
    progress.update { progress in
      progress.read[role] = bytesRead
      guard progress.stage == nil || progress.stage == .reading else { return }
      let now = Date()
      guard now.timeIntervalSince(progress.lastDraw) >= 0.1 else { return }
      progress.lastDraw = now
      draw(progress.read.values.reduce(0, +), now: now)
    }
  }

  /// Shows the stage the run is now in (after reading, the bytes stand still for seconds).
  func enter(_ stage: RunStage) {
    progress.update { progress in
      progress.stage = stage
      guard stage != .reading, !progress.finished else { return }
      let elapsed = Date().timeIntervalSince(start)
      let done = Double(progress.read.values.reduce(0, +))
      let line = String(format: "\r\u{1B}[2Kread %.0f MB, %@…  %.1fs", done / 1e6, stage.rawValue, elapsed)
      FileHandle.standardError.write(Data(line.utf8))
    }
  }

  /// Replaces the bar with one line saying what was done, ended with a newline, before the
  /// final message is printed.
  func finish() {
    progress.update { progress in
      guard !progress.finished else { return }
      progress.finished = true
      let elapsed = Date().timeIntervalSince(start)
      let done = Double(progress.read.values.reduce(0, +))
      FileHandle.standardError.write(Data(String(format: "\r\u{1B}[2Kread %.0f MB; done in %.1fs\n", done / 1e6, elapsed).utf8))
    }
  }

  private func draw(_ done: Int, now: Date) {
    let fraction = min(1, Double(done) / Double(max(total, 1)))
    let elapsed = max(now.timeIntervalSince(start), 0.001)
    let rate = Double(done) / elapsed
    let left = rate > 0 ? Double(total - done) / rate : 0
    let width = 30
    let filled = Int(fraction * Double(width))
    let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
    let line = String(
      format: "\r\u{1B}[2Kreading %@ %3.0f%%  %.0f/%.0f MB  %.0f MB/s  ETA %.0fs", bar, fraction * 100, Double(done) / 1e6, Double(total) / 1e6,
      rate / 1e6, left)
    FileHandle.standardError.write(Data(line.utf8))
  }
}
