/// Why a CSV file could not be read at all (row-level problems never throw: they become rejects).
package enum CSVReadError: Error, Equatable, Sendable {
  /// The file does not exist or cannot be opened.
  case unreadable(path: String, reason: String)
  /// A read failed part-way through.
  case ioFailure(path: String, reason: String)
}

extension CSVReadError: CustomStringConvertible {
  package var description: String {
    switch self {
    case .unreadable(let path, let reason):
      return "\(path): error: cannot open file (\(reason)); check the path and its permissions"
    case .ioFailure(let path, let reason):
      return "\(path): error: read failed (\(reason)); check the disk and re-run"
    }
  }
}
