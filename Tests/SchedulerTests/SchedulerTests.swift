import Foundation
import Scheduler
import Testing

@Suite struct SchedulerTests {
  /// Typed jobs of different result types come back as a tuple, in the order given.
  @Test func runReturnsEachJobsResultInOrder() {
    let (number, text, list) = Scheduler.run({ 6 * 7 }, { "forty-two" }, { (1...3).map { $0 * 2 } })
    #expect(number == 42)
    #expect(text == "forty-two")
    #expect(list == [2, 4, 6])
  }

  @Test func mapReturnsResultsByIndexWhicheverFinishesFirst() {
    let squares = Scheduler.map(64) { index in
      if index % 7 == 0 { Thread.sleep(forTimeInterval: 0.001) }  // some finish late
      return index * index
    }
    #expect(squares == (0..<64).map { $0 * $0 })
    #expect(Scheduler.map(0) { $0 }.isEmpty)
  }

  /// Every item arrives in order through a queue of 2, and spares go back to the producer.
  @Test func streamDeliversEveryItemInOrderAndRecyclesSpares() throws {
    let reused = Counter()
    var received: [Int] = []
    try Scheduler.stream(capacity: 2) { (sender: Scheduler.Sender<Int, Int>) in
      for item in 0..<1000 {
        if sender.spare() != nil { reused.add() }
        try sender.send(item)
      }
    } consume: { item, recycler in
      received.append(item)
      recycler.giveBack(item)
    }
    #expect(received == Array(0..<1000))
    #expect(reused.value > 0)
  }

  struct Stop: Error, Equatable {}

  /// A consumer that gives up stops the producer (its next send throws), and its error is
  /// what the stream throws; a producer's own error comes after the items it made.
  @Test func streamErrorsReachTheCaller() {
    let sentAfterStop = Counter()
    #expect(throws: Stop.self) {
      try Scheduler.stream(capacity: 1) { (sender: Scheduler.Sender<Int, Int>) in
        for item in 0..<1_000_000 {
          try sender.send(item)
          if item > 10 { sentAfterStop.add() }
        }
      } consume: { item, _ in
        if item == 3 { throw Stop() }
      }
    }
    #expect(sentAfterStop.value < 1_000)
    var received: [Int] = []
    #expect(throws: Stop.self) {
      try Scheduler.stream(capacity: 4) { (sender: Scheduler.Sender<Int, Int>) in
        try sender.send(1)
        throw Stop()
      } consume: { item, _ in
        received.append(item)
      }
    }
    #expect(received == [1])
  }

  @Test func alongsideRunsBothAndReturnsBoth() {
    let (theirs, mine) = Scheduler.alongside {
      (1...100).reduce(0, +)
    } meanwhile: {
      "here"
    }
    #expect(theirs == 5050)
    #expect(mine == "here")
  }
}

/// A count several threads add to.
struct Counter: Sendable {
  private let count = Scheduler.Shared(0)
  func add() { count.update { $0 += 1 } }
  var value: Int { count.update { $0 } }
}

extension SchedulerTests {
  /// Updates from many jobs at once each run alone: none is lost.
  @Test func sharedStateLosesNoUpdate() {
    let counter = Counter()
    _ = Scheduler.map(64) { _ in for _ in 0..<1_000 { counter.add() } }
    // 64 jobs × 1,000 additions each.
    #expect(counter.value == 64_000)
  }
}
