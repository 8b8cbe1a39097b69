import CSVStream

/// Texts gathered row by row and interned all at once, after reading: the referrers' ids.
///
/// Interned one by one, the referrers of ten million leads (two million referrals, 1.7 million
/// distinct ids in no order) missed the processor's cache on nearly every row, in a hash table
/// of 16 MB: 1.4 s on the leads' decoding thread, the one that sets the pace of reading
/// (2026-12-07). Gathered, they are appended back to back; then hashed in one pass, ordered by
/// the top bits of their hashes (equal texts side by side) and numbered, in passes that read
/// memory in order (0.4–0.5 s at 10M leads, on one core once the file is read).
///
/// A text's number is the one interning them one by one in the same order gives: distinct
/// texts are numbered in the order they first appear. Past ``chunkBytes`` of texts (a column's
/// 32-bit offsets hold 4 GiB, and every referral is kept, not only distinct ids), those gathered
/// are interned and the next ones gathered afresh.
package struct DeferredTexts: Sendable {
  /// The texts gathered since the last ``flush()``.
  private var texts = TextColumn()
  /// The texts interned so far, and the position of each text added before ``texts``.
  private var index = IDIndex()
  private var positions: [Int32] = []
  private let chunkBytes: Int

  /// `chunkBytes`: how many bytes of texts are gathered before they are interned (smaller only
  /// in tests).
  package init(chunkBytes: Int = 1 << 30) { self.chunkBytes = chunkBytes }

  private var count: Int { positions.count + texts.count }

  /// Adds `text`; returns how many texts came before it, its place until ``interned()``.
  package mutating func append(_ text: ByteView) -> Int32 {
    if texts.byteCount + text.count > chunkBytes { flush() }
    texts.append(text)
    return Int32(count - 1)
  }

  /// The distinct texts, in the order they first appear, as an index, and for each text added,
  /// the position of its value in that index.
  package mutating func interned() -> (index: IDIndex, positions: [Int32]) {
    flush()
    return (index, positions)
  }

  /// Interns the texts gathered: the distinct ones, in order, make the index at once when it is
  /// empty (no text compared with another), or are inserted into it (past ``chunkBytes``).
  private mutating func flush() {
    let first = firstOccurrences()
    let (before, atOnce) = (positions.count, index.count == 0)
    var distinct = TextColumn()
    positions.reserveCapacity(before + texts.count)
    for text in 0..<texts.count {
      let earliest = Int(first[text])
      if earliest != text {
        positions.append(positions[before + earliest])
      } else if atOnce {
        positions.append(Int32(distinct.count))
        texts.withBytes(at: text) { distinct.append($0) }
      } else {
        positions.append(Int32(texts.withBytes(at: text) { index.insert($0) } ?? index.count - 1))
      }
    }
    if atOnce, distinct.count > 0 { index = IDIndex(distinct: distinct) }
    texts = TextColumn()
  }

  /// For each text, the first one with the same bytes (itself when it is the first): the texts
  /// ordered by the high bits of their hashes (in their own order within equal bits), then each
  /// run of equal bits split by hash and bytes. A run holds one distinct text but for the rare
  /// collision, so a text is compared with its run's distinct texts, not with every one before.
  private func firstOccurrences() -> [Int32] {
    let hashed = (0..<texts.count).map { text in (hash: texts.withBytes(at: text) { IDIndex.hash($0) }, text: Int32(text)) }
    let ordered = Self.byHighBits(hashed)
    var first = [Int32](repeating: 0, count: texts.count)
    var heads: [(hash: UInt64, text: Int32)] = []
    var start = 0
    while start < ordered.count {
      let bits = ordered[start].hash >> Self.firstShift
      var end = start + 1
      while end < ordered.count, ordered[end].hash >> Self.firstShift == bits { end += 1 }
      defer { start = end }
      if end == start + 1 {
        // Alone in its run (most texts): the first of its bytes.
        first[Int(ordered[start].text)] = ordered[start].text
        continue
      }
      heads.removeAll(keepingCapacity: true)
      // (By index: a slice of `ordered` per run retained the array two million times.)
      for entry in start..<end {
        let (hash, text) = ordered[entry]
        let same = heads.first { $0.hash == hash && texts.withBytes(at: Int($0.text)) { texts.equals(Int(text), $0) } }
        if same == nil { heads.append((hash, text)) }
        first[Int(text)] = same?.text ?? text
      }
    }
    return first
  }

  /// Bits of the hash sorted on: two passes of eleven (2,048 counters, which stay in the
  /// processor's cache, where one pass of 22 would miss it on every text).
  private static let digitBits = 11
  private static let firstShift = 64 - 2 * digitBits

  /// `entries` in the order of their hashes' top 22 bits, stable: a radix sort, each pass a
  /// count and a scatter that read the entries in order.
  private static func byHighBits(_ entries: [(hash: UInt64, text: Int32)]) -> [(hash: UInt64, text: Int32)] {
    var entries = entries
    var scratch = entries
    let digits = 1 << digitBits
    for shift in [firstShift, firstShift + digitBits] {
      var starts = [Int](repeating: 0, count: digits)
      for entry in entries { starts[Int(entry.hash >> UInt64(shift)) & (digits - 1)] += 1 }
      var total = 0
      for digit in 0..<digits { (starts[digit], total) = (total, total + starts[digit]) }
      for entry in entries {
        let digit = Int(entry.hash >> UInt64(shift)) & (digits - 1)
        scratch[starts[digit]] = entry
        starts[digit] += 1
      }
      swap(&entries, &scratch)
    }
    return entries
  }
}
