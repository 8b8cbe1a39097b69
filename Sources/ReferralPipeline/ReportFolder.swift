import CSystemShims
import Foundation

/// Writes a report folder all at once: files go to a hidden sibling folder that then takes the
/// place of the old one in a single rename, so a crash, a kill or a failed run leaves the
/// previous report whole.
public enum ReportFolder {
  /// Replaces `folder` with `files`, in one step.
  public static func write(_ files: [(name: String, contents: [UInt8])], to folder: String) throws(RunError) {
    let manager = FileManager.default
    let target = URL(fileURLWithPath: folder).standardizedFileURL
    let parent = target.deletingLastPathComponent()
    let staging = parent.appendingPathComponent(".\(target.lastPathComponent).tmp-\(getpid())")
    do {
      try manager.createDirectory(at: parent, withIntermediateDirectories: true)
      // Staging folders of runs that were killed are garbage: nothing else reads them.
      let prefix = ".\(target.lastPathComponent).tmp-"
      for leftover in (try? manager.contentsOfDirectory(atPath: parent.path)) ?? [] where leftover.hasPrefix(prefix) {
        try? manager.removeItem(at: parent.appendingPathComponent(leftover))
      }
      try manager.createDirectory(at: staging, withIntermediateDirectories: false)
      for file in files {
        try Data(file.contents).write(to: staging.appendingPathComponent(file.name))
      }
    } catch {
      try? manager.removeItem(at: staging)
      throw .output(path: folder, reason: Self.reason(error))
    }
    // Swap in one step when the old folder exists; a plain rename when it does not.
    if manager.fileExists(atPath: target.path) {
      guard shims_exchange_paths(staging.path, target.path) == 0 else {
        let reason = String(cString: strerror(errno))
        try? manager.removeItem(at: staging)
        throw .output(path: folder, reason: reason)
      }
      try? manager.removeItem(at: staging)  // now the previous report
    } else if rename(staging.path, target.path) != 0 {
      let reason = String(cString: strerror(errno))
      try? manager.removeItem(at: staging)
      throw .output(path: folder, reason: reason)
    }
  }

  private static func reason(_ error: any Error) -> String {
    let nsError = error as NSError
    if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
      return String(cString: strerror(Int32(underlying.code)))
    }
    return nsError.localizedDescription
  }
}
