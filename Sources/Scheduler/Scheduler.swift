import Dispatch
import Foundation

/// The one place the run goes parallel. A stage hands it typed jobs and gets their results
/// back, in order: no boxes of optionals, no locks, no job-number switches in the stages.
///
/// Jobs run side by side on the machine's cores (the calling thread takes part) and should be
/// given longest first, so that no long job is left to run alone at the end. A job must not
/// start jobs of its own: a pool started from inside a job runs its jobs one after another.
package enum Scheduler {
  /// Runs the jobs side by side and returns their results, in the order given.
  package static func run<each Result: Sendable>(_ job: repeat @escaping @Sendable () -> each Result) -> (repeat each Result) {
    var jobs: [@Sendable () -> any Sendable] = []
    for job in repeat each job { jobs.append { job() } }
    let results = Results(count: jobs.count)
    let all = jobs
    DispatchQueue.concurrentPerform(iterations: all.count) { index in results.store(all[index](), at: index) }
    var next = 0
    func take<Value>(_: Value.Type) -> Value {
      defer { next += 1 }
      return results.value(at: next) as! Value
    }
    return (repeat take((each Result).self))
  }

  /// Runs job `0..<count` side by side and returns their results, in order.
  package static func map<Result: Sendable>(_ count: Int, _ job: @escaping @Sendable (Int) -> Result) -> [Result] {
    let results = Results(count: count)
    DispatchQueue.concurrentPerform(iterations: count) { index in results.store(job(index), at: index) }
    return (0..<count).map { results.value(at: $0) as! Result }
  }

  /// Runs `produce` on a thread of its own, handing what it makes to `consume` on this thread
  /// through a queue of at most `capacity` items (the producer waits while it is full), so
  /// memory stays bounded whatever the producer makes. The consumer can give back spares (a
  /// buffer it is done with) for the producer to fill again, so the same few serve a whole
  /// stream. `consume` gets each item in order; once it throws, the producer's next
  /// ``Sender/send(_:)`` throws ``Cancelled`` and the error is rethrown here. The producer's
  /// own error is thrown after the items it made.
  package static func stream<Item: Sendable, Spare: Sendable>(
    capacity: Int,
    produce: @escaping @Sendable (Sender<Item, Spare>) throws -> Void,
    consume: (Item, Recycler<Item, Spare>) throws -> Void
  ) throws {
    let channel = Channel<Item, Spare>(capacity: capacity)
    let done = DispatchSemaphore(value: 0)
    let producer = Thread {
      do {
        try produce(Sender(channel: channel))
        try? channel.put(.end(nil))
      } catch is Cancelled {
      } catch {
        try? channel.put(.end(error))
      }
      done.signal()
    }
    producer.stackSize = 1 << 23
    producer.start()
    defer { done.wait() }
    do {
      while true {
        switch channel.take() {
        case .item(let item): try consume(item, Recycler(channel: channel))
        case .end(let error?): throw error
        case .end(nil): return
        }
      }
    } catch {
      channel.cancel()
      throw error
    }
  }

  /// The producer's end of a ``stream(capacity:produce:consume:)``.
  package struct Sender<Item: Sendable, Spare: Sendable>: Sendable {
    fileprivate let channel: Channel<Item, Spare>

    /// Queues `item`, waiting for room; throws once the consumer has given up.
    package func send(_ item: Item) throws(Cancelled) { try channel.put(.item(item)) }

    /// A spare the consumer gave back, if there is one.
    package func spare() -> Spare? { channel.takeSpare() }
  }

  /// The consumer's end of a ``stream(capacity:produce:consume:)``: gives spares back.
  package struct Recycler<Item: Sendable, Spare: Sendable> {
    fileprivate let channel: Channel<Item, Spare>

    package func giveBack(_ spare: Spare) { channel.putSpare(spare) }
  }

  /// Runs `job` on a thread of its own while the caller does `meanwhile`, and returns both
  /// results: for two long jobs that each block on streams of their own (a shared pool could
  /// make one wait for the other).
  package static func alongside<First: Sendable, Second>(
    _ job: @escaping @Sendable () -> First, meanwhile: () throws -> Second
  ) rethrows -> (First, Second) {
    let result = Results(count: 1)
    let done = DispatchSemaphore(value: 0)
    let thread = Thread {
      result.store(job(), at: 0)
      done.signal()
    }
    thread.stackSize = 1 << 23
    thread.start()
    let second: Second
    do {
      second = try meanwhile()
    } catch {
      done.wait()
      throw error
    }
    done.wait()
    return (result.value(at: 0) as! First, second)
  }

  /// Thrown to a producer whose consumer has given up.
  package struct Cancelled: Error {}
}

/// The results of jobs run side by side: each job stores its own once.
private final class Results: @unchecked Sendable {
  private let lock = NSLock()
  private var values: [(any Sendable)?]

  init(count: Int) { values = Array(repeating: nil, count: count) }

  func store(_ value: any Sendable, at index: Int) { lock.withLock { values[index] = value } }

  func value(at index: Int) -> any Sendable {
    lock.withLock {
      defer { values[index] = nil }  // the caller becomes the only owner: no copy on write
      return values[index]!
    }
  }
}

/// A bounded queue from one producer thread to one consumer, with spares going back.
private final class Channel<Item: Sendable, Spare: Sendable>: @unchecked Sendable {
  enum Message {
    case item(Item)
    case end((any Error)?)
  }

  private let condition = NSCondition()
  private var messages: [Message] = []
  private var head = 0
  private var spares: [Spare] = []
  private var cancelled = false
  private let capacity: Int

  init(capacity: Int) { self.capacity = capacity }

  func put(_ message: Message) throws(Scheduler.Cancelled) {
    condition.lock()
    defer { condition.unlock() }
    while messages.count - head >= capacity && !cancelled { condition.wait() }
    if cancelled { throw Scheduler.Cancelled() }
    messages.append(message)
    condition.broadcast()
  }

  func take() -> Message {
    condition.lock()
    defer { condition.unlock() }
    while messages.count == head { condition.wait() }
    let message = messages[head]
    head += 1
    if head == messages.count {
      messages.removeAll(keepingCapacity: true)
      head = 0
    }
    condition.broadcast()
    return message
  }

  func putSpare(_ spare: Spare) {
    condition.lock()
    spares.append(spare)
    condition.unlock()
  }

  func takeSpare() -> Spare? {
    condition.lock()
    defer { condition.unlock() }
    return spares.popLast()
  }

  /// The consumer stopped: the producer's next `put` throws and it ends.
  func cancel() {
    condition.lock()
    cancelled = true
    messages.removeAll()
    head = 0
    condition.broadcast()
    condition.unlock()
  }
}
