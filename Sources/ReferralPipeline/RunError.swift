import ReferralCore
import ReferralImport

/// Why a run stopped, carrying what the one-line message needs.
package enum RunError: Error, Equatable, Sendable {
  case input(ImportError)
  case output(path: String, reason: String)
  /// Something the tool did not write stands where the report folder goes: nothing was written.
  case outputInTheWay(path: String, OutputObstacle)
  case config(ConfigError)
  case usage(String)
  /// No period was given and the exports hold no dates to choose one from.
  case noDates(files: [String])
  /// The period asked for lies wholly before the data's first day or after its end (`data`:
  /// from the one to the other; `nil` when the exports hold no dated rows), and
  /// `--allow-empty-period` was not given: a report of nothing is far more often a wrong
  /// `--month` than a wish.
  case periodOutsideData(file: String, period: Period, data: Period?)

  package var exitStatus: ExitStatus {
    switch self {
    case .input(.unreadable): return .noInput
    case .input, .noDates, .periodOutsideData: return .dataError
    case .output, .outputInTheWay: return .cannotWrite
    case .config(let error): return error.unreadable ? .noInput : .config
    case .usage: return .usage
    }
  }
}

extension RunError: CustomStringConvertible {
  package var description: String {
    switch self {
    case .input(let error): return error.description
    case .output(let path, let reason):
      return "\(path): error: cannot write the report (\(reason)); check that the folder is writable or choose another with --out"
    case .outputInTheWay(let path, let obstacle):
      return "\(path): error: \(obstacle.explanation); only a report folder the tool wrote is ever replaced, "
        + "so nothing was written; choose another --out (a new or empty folder)"
    case .config(let error): return error.description
    case .usage(let message): return "error: \(message)"
    case .noDates(let files):
      return "\(files[0]): error: the exports hold no dated rows, so no period can be chosen; check the exports or pass --month YYYY-MM"
    case .periodOutsideData(let file, let period, nil):
      return "\(file): error: the exports hold no dated rows, so the period \(period) holds no data; "
        + "check the exports, or pass --allow-empty-period to report on it anyway"
    case .periodOutsideData(let file, let period, let data?):
      return "\(file): error: the period \(period) is \(period.to < data.from ? "before" : "after") the data, which runs from \(data.from) to \(data.to); "
        + "choose a period within it (e.g. --month \(data.to.month)), or pass --allow-empty-period to report on it anyway"
    }
  }
}
