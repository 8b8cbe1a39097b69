import Foundation

extension Scheduler {
  /// State that callbacks from the scheduler's threads update (a progress bar fed by the
  /// readers of two files): each update runs alone, so the state's owner needs no lock of its own.
  package final class Shared<State: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var state: State

    package init(_ state: State) { self.state = state }

    /// Runs `body` on the state, with no other update running.
    package func update<Result>(_ body: (inout State) -> Result) -> Result {
      lock.withLock { body(&state) }
    }
  }
}
