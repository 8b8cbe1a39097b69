import Foundation

/// What stands where a report folder is to go, and whether the tool may replace it.
///
/// The tool never removes, moves or overwrites a file it did not write, so the report's atomic
/// swap applies only to a folder that is recognisably its own: one holding the ``marker`` and
/// nothing but the files the marker lists (the report's, its `tables/` and `tasks/`), or a
/// missing or empty one. Anything else stops the run before a byte is written.
package enum OutputTarget: Equatable, Sendable {
  /// Nothing there yet: the report folder is made.
  case missing
  /// An empty folder: nothing of anyone's is lost by replacing it.
  case empty
  /// A report folder this tool wrote.
  case ownReport

  /// The files a report folder holds, besides the marker.
  package static let reportFiles = ["report.md", "report.html", "summary.json", "rejects.csv"]
  /// The hidden file that says a folder is this tool's report (and what happens to it).
  package static let marker = ".referral-report"
  /// The marker's text: it tells whoever opens the folder why it is there.
  static let markerText = """
    This folder is a report written by referral-report. The next run into it replaces it whole;
    a file you add here stops that run (nothing of yours is removed), so keep your own files elsewhere.

    """

  /// Every name the tool writes into a report folder whatever its data: the report's files and
  /// the marker (a marker of a version before the list names no more).
  static let ownNames: Set<String> = Set(reportFiles + [marker])

  /// The line of the marker after which it lists the report's files, one per line.
  static let listHeading = "Files of this report:"

  /// The marker's text for a report of `files` (paths inside the folder).
  static func markerText(listing files: [String]) -> String {
    markerText + "\n" + listHeading + "\n" + files.map { $0 + "\n" }.joined()
  }

  /// What a run whose data check failed adds to its folder's name (`Reports/2026-10.failed`):
  /// it writes its report beside the one that passed, never over it, so a report that passed
  /// (and the nightly job's `latest`, which points at one) stays as it was. The folder is a
  /// report like any other (its marker makes it the tool's to replace), and the next failed run
  /// of the period replaces it.
  package static let failedSuffix = ".failed"

  /// Where a run into `folder` writes its report when its data check failed.
  package static func failedFolder(of folder: String) -> String {
    var path = folder
    while path.count > 1, path.hasSuffix("/") { path.removeLast() }
    return path + failedSuffix
  }

  /// The subfolder a listed path is in (`tables` of `tables/channels.csv`), if any.
  static func subfolder(of path: String) -> String? { path.firstIndex(of: "/").map { String(path[..<$0]) } }

  /// The files `folder`'s marker lists, with the marker and the report's files (all a marker of
  /// a version before the list could mean).
  static func listedFiles(in folder: String) -> Set<String> {
    let text = (try? String(contentsOfFile: folder + "/" + marker, encoding: .utf8)) ?? ""
    let lines = text.components(separatedBy: "\n")
    let listed = lines.firstIndex(of: listHeading).map { lines[($0 + 1)...].filter { !$0.isEmpty } } ?? []
    return ownNames.union(listed)
  }

  /// Classifies `folder`, refusing whatever the tool did not make. `protected` are files the
  /// run reads (inputs, the config): a folder that holds one is never replaced.
  package static func classify(_ folder: String, protecting protected: [String] = []) throws(OutputObstacle) -> OutputTarget {
    let target = URL(fileURLWithPath: folder).standardizedFileURL.resolvingSymlinksInPath().path
    let current = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).resolvingSymlinksInPath().path
    if current == target || current.hasPrefix(target == "/" ? "/" : target + "/") { throw .currentFolder }
    for file in protected {
      let path = URL(fileURLWithPath: file).standardizedFileURL.resolvingSymlinksInPath().path
      if path.hasPrefix(target + "/") { throw .holdsInput(file) }
    }
    var info = stat()
    guard lstat(folder, &info) == 0 else {
      // A file where a parent folder should be fails at the writing, with its reason.
      if errno == ENOENT || errno == ENOTDIR { return .missing }
      throw .unreadable(String(cString: strerror(errno)))
    }
    switch info.st_mode & S_IFMT {
    case S_IFDIR: break
    case S_IFLNK: throw .symbolicLink
    default: throw .notAFolder
    }
    let names: [String]
    do {
      names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
    } catch {
      throw .unreadable("cannot list it")
    }
    if names.isEmpty { return .empty }
    // A report folder of a version before the marker holds exactly the report's files.
    guard names.contains(marker) || names == reportFiles.sorted() else {
      if let foreign = names.first(where: { !ownNames.contains($0) }) { throw .foreignFile(foreign) }
      throw .notAReport
    }
    let listed = listedFiles(in: folder)
    let subfolders = Set(listed.compactMap(subfolder))
    for name in names {
      let path = "\(folder)/\(name)"
      if subfolders.contains(name), isFolder(path) {
        // A listed subfolder holds nothing but listed files.
        let inside = (try? FileManager.default.contentsOfDirectory(atPath: path).sorted()) ?? []
        if let foreign = inside.first(where: { !listed.contains("\(name)/\($0)") || !isRegularFile("\(path)/\($0)") }) {
          throw .foreignFile("\(name)/\(foreign)")
        }
      } else if !listed.contains(name) || !isRegularFile(path) {
        throw .foreignFile(name)
      }
    }
    return .ownReport
  }

  static func isFolder(_ path: String) -> Bool {
    var info = stat()
    return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
  }

  static func isRegularFile(_ path: String) -> Bool {
    var info = stat()
    return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFREG
  }
}

/// Why the output folder is not the tool's to replace. Each says what is in the way; the fix
/// is always another `--out` (see ``RunError/description``).
package enum OutputObstacle: Error, Equatable, Sendable {
  /// `.` or a folder around it: replacing it would take the user's working folder.
  case currentFolder
  /// The folder holds a file this run reads.
  case holdsInput(String)
  /// The folder holds a file or folder the tool did not write.
  case foreignFile(String)
  /// The folder holds only report-like names but no marker and not the whole report.
  case notAReport
  /// A regular file (or a device, a socket) is in the way.
  case notAFolder
  /// A symbolic link is in the way: never replaced, never followed into a swap.
  case symbolicLink
  /// What is there cannot be read.
  case unreadable(String)

  var explanation: String {
    switch self {
    case .currentFolder: "is the current folder (or holds it)"
    case .holdsInput(let file): "holds '\(file)', which this run reads"
    case .foreignFile(let name): "holds '\(name)', which referral-report did not write"
    case .notAReport: "is not a report folder of referral-report's (it has no \(OutputTarget.marker) file)"
    case .notAFolder: "is a file, not a report folder"
    case .symbolicLink: "is a symbolic link, which referral-report never replaces or follows"
    case .unreadable(let reason): "cannot be checked (\(reason))"
    }
  }
}
