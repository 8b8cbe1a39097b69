import CSystemShims
import Foundation

/// Writes a report folder all at once: files go to a hidden sibling folder that then takes the
/// place of the old one in a single rename, so a crash, a kill or a failed run leaves the
/// previous report whole.
///
/// Each file is written by the job that rendered it, while the others are still rendering,
/// and its writing to disk is started there; the swap flushes them all (side by side, so one
/// journal commit serves them) before it makes them the report.
public struct ReportFolder: Sendable {
  /// The report folder, as given.
  public let path: String
  private let target: URL
  private let staging: URL
  private let written = Gathered<Int32>()

  /// Starts the new report for `folder` in its hidden sibling, creating the parent folders
  /// and removing the staging folders of runs that were killed.
  public init(replacing folder: String) throws(RunError) {
    path = folder
    target = URL(fileURLWithPath: folder).standardizedFileURL
    let parent = target.deletingLastPathComponent()
    staging = parent.appendingPathComponent(".\(target.lastPathComponent).tmp-\(getpid())")
    let manager = FileManager.default
    do {
      try manager.createDirectory(at: parent, withIntermediateDirectories: true)
      // Staging folders of runs that were killed are garbage: nothing else reads them.
      let prefix = ".\(target.lastPathComponent).tmp-"
      for leftover in (try? manager.contentsOfDirectory(atPath: parent.path)) ?? [] where leftover.hasPrefix(prefix) {
        try? manager.removeItem(at: parent.appendingPathComponent(leftover))
      }
      try manager.createDirectory(at: staging, withIntermediateDirectories: false)
    } catch {
      throw .output(path: folder, reason: Self.reason(error))
    }
  }

  /// Writes file `name` of the new report, the bytes of `runs` one after another, and starts
  /// writing it to disk (``commit()`` waits for that). Safe to call from several threads, for
  /// different files.
  public func write(_ name: String, _ runs: [[UInt8]]) throws(RunError) {
    let file = staging.appendingPathComponent(name).path
    let descriptor = open(file, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { throw .output(path: path, reason: String(cString: strerror(errno))) }
    var failure: Int32 = 0
    for run in runs where failure == 0 {
      run.withUnsafeBytes { bytes in
        var written = 0
        while written < bytes.count {
          let count = Glibc.write(descriptor, bytes.baseAddress! + written, bytes.count - written)
          if count < 0 {
            if errno == EINTR { continue }
            failure = errno
            return
          }
          written += count
        }
      }
    }
    if failure == 0, shims_start_writeback(descriptor) != 0 { failure = errno }
    if failure != 0 {
      close(descriptor)
      throw .output(path: path, reason: String(cString: strerror(failure)))
    }
    written.add(descriptor)
  }

  /// Flushes every file written to disk, side by side; the first failure, if any.
  private func flush() -> Int32? {
    let descriptors = written.takeAll()
    let failures = Gathered<Int32>()
    DispatchQueue.concurrentPerform(iterations: descriptors.count) { index in
      var failure: Int32 = 0
      if fsync(descriptors[index]) != 0 { failure = errno }
      if close(descriptors[index]) != 0, failure == 0 { failure = errno }
      if failure != 0 { failures.add(failure) }
    }
    return failures.takeAll().first
  }

  /// Flushes the new report's files to disk, puts the report in place of the old one in one
  /// step (a plain rename when there was none), then removes the old one.
  public func commit() throws(RunError) {
    if let failure = flush() {
      discard()
      throw .output(path: path, reason: String(cString: strerror(failure)))
    }
    let manager = FileManager.default
    if manager.fileExists(atPath: target.path) {
      guard shims_exchange_paths(staging.path, target.path) == 0 else {
        let reason = String(cString: strerror(errno))
        discard()
        throw .output(path: path, reason: reason)
      }
      Self.remove(staging)  // now the previous report
    } else if rename(staging.path, target.path) != 0 {
      let reason = String(cString: strerror(errno))
      discard()
      throw .output(path: path, reason: reason)
    }
  }

  /// Removes the new report's folder, after a failure: the old report stays as it was.
  public func discard() {
    for descriptor in written.takeAll() { close(descriptor) }
    try? FileManager.default.removeItem(at: staging)
  }

  /// Removes `folder`: its files side by side first (freeing a large file's blocks takes
  /// milliseconds), then whatever is left.
  private static func remove(_ folder: URL) {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    DispatchQueue.concurrentPerform(iterations: names.count) { index in
      _ = unlink(folder.appendingPathComponent(names[index]).path)
    }
    try? FileManager.default.removeItem(at: folder)
  }

  private static func reason(_ error: any Error) -> String {
    let nsError = error as NSError
    if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
      return String(cString: strerror(Int32(underlying.code)))
    }
    return nsError.localizedDescription
  }
}

/// Values gathered from several threads (open files, error numbers).
private final class Gathered<Value: Sendable>: @unchecked Sendable {
  private let lock = NSLock()
  private var values: [Value] = []

  func add(_ value: Value) { lock.withLock { values.append(value) } }

  func takeAll() -> [Value] {
    lock.withLock {
      defer { values = [] }
      return values
    }
  }
}
