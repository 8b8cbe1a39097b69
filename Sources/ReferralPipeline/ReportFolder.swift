import CSystemShims
import Foundation
import ReferralRender
import Scheduler

/// Writes a report folder all at once: files go to a hidden sibling folder that then takes the
/// place of the old one in a single rename, so a crash, a kill or a failed run leaves the
/// previous report whole.
///
/// Each file is written by the job that rendered it, while the others are still rendering,
/// and its writing to disk is started there (a file from 1 MiB on goes straight to the disk,
/// not through the page cache: `shims_write_file`); it stays open until the swap flushes them
/// all (side by side, so one journal commit serves them) before it makes them the report.
package struct ReportFolder: Sendable {
  /// A file of the new report, written and still open until ``commit(_:)`` or ``discard(_:)``.
  package struct WrittenFile: Sendable {
    fileprivate let descriptor: Int32
  }

  /// The report folder, as given.
  package let path: String
  private let target: URL
  private let staging: URL
  /// The marker, written first.
  private var marker: WrittenFile?

  /// Starts the new report for `folder` in its hidden sibling, creating the parent folders
  /// and removing the staging folders of runs that were killed. Stops before anything is
  /// written when `folder` is not the tool's to replace (see ``OutputTarget``); `protected`
  /// are the files the run reads; `files` are those the report will hold (paths inside it, in
  /// subfolders too), which the marker lists so the next run knows them for the tool's.
  package init(replacing folder: String, protecting protected: [String] = [], files: [String] = OutputTarget.reportFiles) throws(RunError) {
    path = folder
    target = URL(fileURLWithPath: folder).standardizedFileURL
    do {
      _ = try OutputTarget.classify(folder, protecting: protected)
    } catch {
      throw .outputInTheWay(path: folder, error)
    }
    let parent = target.deletingLastPathComponent()
    staging = parent.appendingPathComponent("\(Self.stagingPrefix(of: target))\(getpid())")
    let manager = FileManager.default
    do {
      try manager.createDirectory(at: parent, withIntermediateDirectories: true)
      Self.removeLeftovers(of: target)
      try manager.createDirectory(at: staging, withIntermediateDirectories: false)
      for subfolder in Set(files.compactMap(OutputTarget.subfolder)).sorted() {
        try manager.createDirectory(at: staging.appendingPathComponent(subfolder), withIntermediateDirectories: false)
      }
    } catch {
      throw .output(path: folder, reason: Self.reason(error))
    }
    // Written first: a staging folder left by a kill is recognisable as the tool's.
    marker = try write(RenderedFile(OutputTarget.marker, text: OutputTarget.markerText(listing: files)))
  }

  /// The name of a staging folder of `target` but for the process id that ends it.
  private static func stagingPrefix(of target: URL) -> String { ".\(target.lastPathComponent).tmp-" }

  /// Removes the staging folders that runs into `target` left when they were killed: only
  /// those named for a process that no longer runs and holding nothing but the tool's files
  /// (a run in progress keeps its own).
  private static func removeLeftovers(of target: URL) {
    let parent = target.deletingLastPathComponent()
    let prefix = stagingPrefix(of: target)
    for name in (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? [] where name.hasPrefix(prefix) {
      guard let pid = Int32(name.dropFirst(prefix.count)), pid > 0, pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else { continue }
      let leftover = parent.appendingPathComponent(name)
      guard case .ownReport? = try? OutputTarget.classify(leftover.path) else { continue }
      remove(leftover)
    }
  }

  /// Writes `file` into the new report and starts writing it to disk (``commit(_:)`` waits for
  /// that). Safe to call from several threads, for different files.
  package func write(_ file: RenderedFile) throws(RunError) -> WrittenFile {
    let descriptor = open(staging.appendingPathComponent(file.path).path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { throw .output(path: path, reason: String(cString: strerror(errno))) }
    var failure: Int32 = 0
    // Piece by piece as the renderer hands them on (a multiple of 4 KiB but the last, see
    // `shims_write_file`); after a failure the rest is not written.
    file.pieces { bytes, count in
      if failure == 0, shims_write_file(descriptor, bytes, count) != 0 { failure = errno }
    }
    if failure == 0, shims_start_writeback(descriptor) != 0 { failure = errno }
    if failure != 0 {
      close(descriptor)
      throw .output(path: path, reason: String(cString: strerror(failure)))
    }
    return WrittenFile(descriptor: descriptor)
  }

  /// `files` and the marker.
  private func all(_ files: [WrittenFile]) -> [WrittenFile] { (marker.map { [$0] } ?? []) + files }

  /// Flushes `files` to disk side by side and closes them; the first failure, if any.
  private func flush(_ files: [WrittenFile]) -> Int32? {
    let failures = Scheduler.map(files.count) { index in
      var failure: Int32 = 0
      if fsync(files[index].descriptor) != 0 { failure = errno }
      if close(files[index].descriptor) != 0, failure == 0 { failure = errno }
      return failure
    }
    return failures.first { $0 != 0 }
  }

  /// Flushes the new report's files to disk, puts the report in place of the old one in one
  /// step (a plain rename when there was none), then removes the old one. What is in the way
  /// is checked again first: a file dropped into the old report meanwhile stops the swap.
  /// `files` are those ``write(_:)`` made.
  package func commit(_ files: [WrittenFile]) throws(RunError) {
    if let failure = flush(all(files)) {
      Self.remove(staging)
      throw .output(path: path, reason: String(cString: strerror(failure)))
    }
    // Two runs may both find no report there; the one that loses the rename swaps instead.
    for attempt in 1...2 {
      let found: OutputTarget
      do {
        found = try OutputTarget.classify(path)
      } catch {
        Self.remove(staging)
        throw .outputInTheWay(path: path, error)
      }
      if found == .missing {
        if rename(staging.path, target.path) == 0 { return }
        if attempt == 1, errno == ENOTEMPTY || errno == EEXIST { continue }
      } else if shims_exchange_paths(staging.path, target.path) == 0 {
        break
      }
      let reason = String(cString: strerror(errno))
      Self.remove(staging)
      throw .output(path: path, reason: reason)
    }
    Self.remove(staging)  // now the previous report
  }

  /// Removes the report a failed run left beside `folder` (``OutputTarget/failedFolder(of:)``)
  /// once a run into `folder` passed, so no stale failure stands beside a report that passed;
  /// only when it is the tool's own report (anything else there, or added to it, stays).
  package static func removeFailedReport(beside folder: String) {
    let failed = OutputTarget.failedFolder(of: folder)
    guard case .ownReport? = try? OutputTarget.classify(failed) else { return }
    remove(URL(fileURLWithPath: failed).standardizedFileURL)
  }

  /// Closes `files` and removes the new report's folder, after a failure: the old report
  /// stays as it was.
  package func discard(_ files: [WrittenFile]) {
    for file in all(files) { close(file.descriptor) }
    Self.remove(staging)
  }

  /// Removes the tool's own files from `folder` (those its marker lists), side by side (freeing
  /// a large file's blocks takes milliseconds), the marker last, then its subfolders and the
  /// folder itself if that left them empty: a file someone added meanwhile stays where it is.
  private static func remove(_ folder: URL) {
    let listed = OutputTarget.listedFiles(in: folder.path)
    let names = listed.filter { $0 != OutputTarget.marker }.sorted()
    _ = Scheduler.map(names.count) { index in unlink(folder.appendingPathComponent(names[index]).path) }
    _ = unlink(folder.appendingPathComponent(OutputTarget.marker).path)
    for subfolder in Set(names.compactMap(OutputTarget.subfolder)) {
      _ = rmdir(folder.appendingPathComponent(subfolder).path)
    }
    _ = rmdir(folder.path)
  }

  private static func reason(_ error: any Error) -> String {
    let nsError = error as NSError
    if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
      return String(cString: strerror(Int32(underlying.code)))
    }
    return nsError.localizedDescription
  }
}
