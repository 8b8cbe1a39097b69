/// SplitMix64: a tiny, fast, seedable generator, so the same seed always gives the same files
/// on every platform (the standard library's generator is neither seedable nor stable). For
/// the sample generator and the property tests: package-wide, not public.
package struct SplitMix: RandomNumberGenerator {
  private var state: UInt64

  package init(seed: UInt64) { state = seed }

  package mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// True with probability `p`.
  package mutating func chance(_ p: Double) -> Bool { Double(next() >> 11) / Double(1 << 53) < p }

  /// An integer in `range`.
  package mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }

  /// One of `items`, chosen with the given weights.
  package mutating func pick<T>(_ items: [(T, Double)]) -> T {
    let total = items.reduce(0) { $0 + $1.1 }
    var point = Double(next() >> 11) / Double(1 << 53) * total
    for (item, weight) in items {
      point -= weight
      if point < 0 { return item }
    }
    return items[items.count - 1].0
  }

  package mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }
}
