/// The exit codes of `referral-report`, documented in the README; distinct per kind of failure
/// so a cron job or a script can tell them apart (64 and up follow BSD's sysexits).
public enum ExitStatus: Int32, Sendable, CaseIterable {
  case success = 0
  /// The report was written, but an input's rejected share passed `--max-reject-rate`.
  case rejectThresholdExceeded = 2
  /// Wrong command-line usage.
  case usage = 64
  /// An input's content stops the run: missing column, empty file, ambiguous date column.
  case dataError = 65
  /// An input file is missing or unreadable.
  case noInput = 66
  /// The job cannot run at all: `scripts/nightly.sh` finds no binary and no swift to build one,
  /// or the binary cannot start (a library missing). Never a verdict on the exports.
  case unavailable = 69
  /// The output folder cannot be written.
  case cannotWrite = 73
  /// The configuration file is invalid.
  case config = 78
}
