import CSVStream

/// The bytes of a value of at most 16 bytes as two words and a length: two values are equal
/// exactly when their keys are, so a value seen before is recognised in a few instructions.
struct ShortKey: Equatable {
  let head: UInt64
  let tail: UInt64
  let count: Int

  /// The key of `bytes`, or `nil` when they are longer than 16 bytes. Overlapping loads cover
  /// every byte (first and last eight, first and last four, or each of up to three).
  @inline(__always)
  init?(_ bytes: ByteView) {
    count = bytes.count
    switch count {
    case 8...16:
      head = bytes.word(at: 0, as: UInt64.self)
      tail = bytes.word(at: count - 8, as: UInt64.self)
    case 4..<8:
      head = UInt64(bytes.word(at: 0, as: UInt32.self))
      tail = UInt64(bytes.word(at: count - 4, as: UInt32.self))
    case 1..<4:
      head = UInt64(bytes[0]) | UInt64(bytes[count / 2]) << 8
      tail = UInt64(bytes[count - 1])
    case 0:
      head = 0
      tail = 0
    default:
      return nil
    }
  }

  /// A slot among `mask + 1`.
  @inline(__always)
  func slot(_ mask: Int) -> Int {
    let mixed = (head ^ tail.rotated(by: 29) ^ UInt64(count)) &* 0x9E37_79B9_7F4A_7C15
    return Int(truncatingIfNeeded: mixed >> 40) & mask
  }
}

extension UInt64 {
  @inline(__always)
  fileprivate func rotated(by bits: UInt64) -> UInt64 { self << bits | self >> (64 - bits) }
}
