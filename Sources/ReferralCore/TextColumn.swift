/// Texts stored back to back in one byte buffer with their end offsets: one allocation for a
/// whole column instead of one `String` per row. Texts are UTF-8; an empty one is allowed.
struct TextColumn: Sendable {
  private var bytes: [UInt8] = []
  private var ends: [UInt32] = []

  var count: Int { ends.count }

  subscript(position: Int) -> String {
    String(decoding: bytes[range(position)], as: UTF8.self)
  }

  func isEmpty(_ position: Int) -> Bool { range(position).isEmpty }

  mutating func append(_ text: ArraySlice<UInt8>) {
    bytes.append(contentsOf: text)
    ends.append(UInt32(bytes.count))
  }

  mutating func reserveCapacity(_ count: Int) { ends.reserveCapacity(count) }

  private func range(_ position: Int) -> Range<Int> {
    (position == 0 ? 0 : Int(ends[position - 1]))..<Int(ends[position])
  }
}
