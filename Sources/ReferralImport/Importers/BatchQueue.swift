import CSVStream
import Foundation

/// Hands parsed batches from the thread that reads a file to the thread that decodes it, so
/// libcsv and the decoders run at the same time, and hands decoded batches back to be filled
/// again. Bounded: the reader waits when `capacity` batches are queued, so memory stays a few
/// chunks whatever the file size, and the same few arenas serve the whole file.
final class BatchQueue: @unchecked Sendable {
  enum Item: Sendable {
    case batch(CSVBatch)
    case progress(bytesRead: Int, totalBytes: Int?)
    /// The reader read the whole file.
    case finished(CSVReadSummary)
    /// The reader stopped on this error.
    case failed(any Error)
  }

  struct Cancelled: Error {}

  private let condition = NSCondition()
  private var items: [Item] = []
  private var recycled: [CSVBatch] = []
  private var cancelled = false
  private let capacity: Int

  init(capacity: Int = 4) { self.capacity = capacity }

  /// Queues `item`, waiting for room; throws ``Cancelled`` once the consumer has given up.
  func put(_ item: Item) throws {
    condition.lock()
    defer { condition.unlock() }
    while items.count >= capacity && !cancelled { condition.wait() }
    if cancelled { throw Cancelled() }
    items.append(item)
    condition.broadcast()
  }

  /// The next item, waiting for one.
  func take() -> Item {
    condition.lock()
    defer { condition.unlock() }
    while items.isEmpty { condition.wait() }
    let item = items.removeFirst()
    condition.broadcast()
    return item
  }

  /// A batch the consumer is done with, for the reader to fill again.
  func recycle(_ batch: CSVBatch) {
    condition.lock()
    recycled.append(batch)
    condition.unlock()
  }

  /// A batch to fill: a recycled one, or a new one while the decoder still holds them all.
  func emptyBatch() -> CSVBatch {
    condition.lock()
    defer { condition.unlock() }
    return recycled.popLast() ?? CSVBatch()
  }

  /// The consumer stopped: the reader's next `put` throws and it ends.
  func cancel() {
    condition.lock()
    cancelled = true
    items.removeAll()
    condition.broadcast()
    condition.unlock()
  }
}
