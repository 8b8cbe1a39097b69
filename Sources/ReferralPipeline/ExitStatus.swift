/// The exit codes of `referral-report`, documented in the README, `--help` and the man page
/// (from ``meaning``, so a new code is documented where it is added); distinct per kind of
/// failure so a cron job or a script can tell them apart (64 and up follow BSD's sysexits).
package enum ExitStatus: Int32, Sendable, CaseIterable {
  case success = 0
  /// An error the tool did not expect: a bug. Never returned on purpose; it is the code
  /// swift-argument-parser gives an error no other case accounts for, listed so a script
  /// reading the codes knows it.
  case internalError = 1
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

  /// What the code says, in a line of plain ASCII (the man page generator drops other
  /// characters).
  package var meaning: String {
    switch self {
    case .success: "success: the report was written (run), or the inputs and config are valid (check)"
    case .internalError: "internal error (a bug; please report it)"
    case .rejectThresholdExceeded: "the report was written, but an input's rejected share passed --max-reject-rate"
    case .usage: "wrong usage: an unknown option, --month with --from, no --leads or --deals"
    case .dataError:
      "an input's content stops the run: a missing key column, an empty file, an ambiguous date column, a period wholly outside the data"
    case .noInput: "an input or config file is missing or unreadable"
    case .unavailable: "scripts/nightly.sh cannot run at all: no binary and no swift to build one, or the binary cannot start"
    case .cannotWrite: "the output folder cannot be written, or holds something the tool did not write (nothing is written then)"
    case .config: "the config file is invalid: an unknown key, a wrong type, a value out of range"
    }
  }
}
