import Scheduler

/// A large UTF-8 file read by two readers at once (#39): libcsv on one core bounded the import
/// of a large leads file while the other core waited.
///
/// The file is cut into segments of about ``CSVReader/defaultSegmentBytes``, each starting at a
/// line start. This thread parses the even segments and a second reader (a thread of the
/// ``Scheduler``) the odd ones, each from a fresh parser as if the file began there; the rows go
/// on in file order, the second reader's batches held (a segment or so) until this thread has
/// handed on the segment before them. A line start need not be a row start: a quoted field may
/// hold line breaks. So a segment's rows are kept only when the segment before it ended exactly
/// at a row's end, with no quote, broken line or row open (``RowFeeder/atRowStart``), which the
/// reader of that segment knows once it gets there; then the next segment starts where one
/// reader would have started a row, and parses to the same rows. When a segment ends inside a
/// row, its reader goes on alone to the end of the file with the parser it has (one reader, as
/// if the file were not cut) and the other's work is dropped. The second reader counts lines
/// from 1; its rows are moved to their file lines when they are handed on.
extension CSVReader {
  /// Bytes per segment when a file is read by two readers: the batches held for order are at
  /// most about two segments' worth whatever the file size (10 to 25 MB more peak memory at 1M
  /// leads, docs/PERFORMANCE.md). Files under two segments are read by one reader.
  package static let defaultSegmentBytes = 1 << 22

  /// What the second reader hands over, in file order.
  enum SegmentOutput: Sendable {
    /// Rows of a segment, lines counted from the segment's start (line 1), and the file offset
    /// parsed up to (for progress).
    case batch(CSVBatch, parsedTo: Int)
    /// The segment ended at a row's end: the next segment starts on its line `nextLine`.
    case segmentEnd(nextLine: Int)
  }

  /// Thrown inside the merge when this thread has read to the end of the file: the second
  /// reader has nothing more to give.
  private struct ReadToEnd: Error {}

  /// The starts of the segments of a file of `total` bytes: 0, then the first line start at or
  /// after every multiple of `segmentBytes` past `after` (the bytes the first read took).
  /// Fewer than two segments when no such line start is found.
  static func segmentStarts<Source: ByteSource & ~Copyable>(
    in source: borrowing Source, total: Int, after: Int, segmentBytes: Int
  ) throws(CSVReadError) -> [Int] {
    var starts = [0]
    let window = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 16)
    defer { window.deallocate() }
    var target = max(segmentBytes, after + 1)
    while target < total {
      // The byte before `target` may itself end a line.
      var offset = target - 1
      var found: Int?
      while found == nil, offset < total {
        let count = try source.read(into: window, at: offset)
        if count == 0 { break }
        if let index = UnsafeRawBufferPointer(rebasing: window[0..<count]).firstIndex(of: 0x0A) { found = offset + index + 1 }
        offset += count
      }
      guard let start = found, start < total else { break }
      starts.append(start)
      target = max(start + 1, target + segmentBytes)
    }
    return starts
  }

  /// Reads `source` from `position` on (its bytes before are in `feeder` already) as segments
  /// starting at `starts` (two or more), handing batches on in file order.
  static func readSegments<Source: ByteSource & ~Copyable>(
    source: inout Source,
    feeder: inout RowFeeder,
    position: Int,
    starts: [Int],
    total: Int,
    delimiter: UInt8,
    chunkSize: Int,
    maxRowBytes: Int,
    progress: ((Int, Int?) -> Void)?,
    handOff: (CSVBatch) throws -> CSVBatch
  ) throws {
    let ends = Array(starts.dropFirst()) + [total]
    let origin = source.origin
    var buffer = [UInt8](repeating: 0, count: chunkSize)
    var line = 0  // the first line of the second reader's current segment
    var ownIndex = 0
    // This thread's segment `ownIndex` with `feeder`, from `from`: whether it ended at a row's
    // end with more to come (else it read on to the end of the file).
    func parseOwn(from: Int) throws -> Bool {
      let more = try parseSegment(
        &source, from: from, end: ends[ownIndex], total: total, buffer: &buffer, feeder: &feeder, at: { progress?($0, total) }, handOff: handOff)
      line = feeder.nextLine
      return more
    }
    do {
      // The second reader may run a segment and a half ahead: its batches wait for this one's.
      let capacity = max(8, 2 * (ends[0] - starts[0]) / max(1, chunkSize) + 4)
      try Scheduler.stream(capacity: capacity) { (sender: Scheduler.Sender<SegmentOutput, CSVBatch>) in
        try readOddSegments(
          origin: origin, starts: starts, ends: ends, total: total, delimiter: delimiter, chunkSize: chunkSize, maxRowBytes: maxRowBytes, sender: sender)
      } consume: { output, recycler in
        // The first segment is parsed here once the second reader is under way.
        if line == 0, try !parseOwn(from: position) { throw ReadToEnd() }
        switch output {
        case .batch(let batch, let parsedTo):
          batch.shiftLines(by: line - 1)
          recycler.giveBack(try handOff(batch))
          progress?(parsedTo, total)
        case .segmentEnd(let nextLine):
          line += nextLine - 1
          ownIndex += 2
          feeder = RowFeeder(delimiter: delimiter, maxRowBytes: maxRowBytes, firstLine: line)
          if try !parseOwn(from: starts[ownIndex]) { throw ReadToEnd() }
        }
      }
      // A second reader that handed nothing over (its one segment only blank lines) never
      // started this thread's first segment.
      if line == 0 { _ = try parseOwn(from: position) }
    } catch is ReadToEnd {}
  }

  /// Feeds `feeder` the bytes `from..<end` of `source`, handing rows on (`at` is told how far
  /// the file is parsed before each hand-off). Returns whether the segment ended at a row's end
  /// with more of the file to come; otherwise it read on to the end of the file and finished.
  static func parseSegment<Source: ByteSource & ~Copyable>(
    _ source: inout Source, from: Int, end: Int, total: Int, buffer: inout [UInt8], feeder: inout RowFeeder, at: (Int) -> Void,
    handOff: (CSVBatch) throws -> CSVBatch
  ) throws -> Bool {
    var offset = from
    var end = end
    while true {
      while offset < end {
        let wanted = min(buffer.count, end - offset)
        let count = try buffer.withUnsafeMutableBytes { bytes throws(CSVReadError) in
          try source.read(into: UnsafeMutableRawBufferPointer(rebasing: bytes[0..<wanted]), at: offset)
        }
        if count == 0 { break }
        offset += count
        feeder.feed(buffer[..<count])
        at(offset)
        try feeder.parser.drain(handOff)
      }
      if end < total, feeder.atRowStart { return true }
      // The last segment, or one that ended inside a row: this reader goes on alone.
      if end < total {
        end = total
        continue
      }
      feeder.finish()
      try feeder.parser.drain(handOff)
      return false
    }
  }

  /// The second reader: segments 1, 3, 5… of the input, each from a fresh parser counting
  /// lines from 1, until one ends inside a row (then on to the end of the file) or none is left.
  private static func readOddSegments(
    origin: ByteOrigin, starts: [Int], ends: [Int], total: Int, delimiter: UInt8, chunkSize: Int, maxRowBytes: Int,
    sender: Scheduler.Sender<SegmentOutput, CSVBatch>
  ) throws {
    switch origin {
    case .file(let path):
      var source = try FileSource(path: path)
      try readOddSegments(
        of: &source, starts: starts, ends: ends, total: total, delimiter: delimiter, chunkSize: chunkSize, maxRowBytes: maxRowBytes, sender: sender)
    case .memory(let bytes):
      var source = MemorySource(bytes: bytes)
      try readOddSegments(
        of: &source, starts: starts, ends: ends, total: total, delimiter: delimiter, chunkSize: chunkSize, maxRowBytes: maxRowBytes, sender: sender)
    }
  }

  private static func readOddSegments<Source: ByteSource & ~Copyable>(
    of source: inout Source, starts: [Int], ends: [Int], total: Int, delimiter: UInt8, chunkSize: Int, maxRowBytes: Int,
    sender: Scheduler.Sender<SegmentOutput, CSVBatch>
  ) throws {
    var buffer = [UInt8](repeating: 0, count: chunkSize)
    var parsedTo = 0
    let handOff = { (batch: CSVBatch) throws -> CSVBatch in
      try sender.send(.batch(batch, parsedTo: parsedTo))
      return sender.spare() ?? CSVBatch()
    }
    for index in stride(from: 1, to: starts.count, by: 2) {
      var feeder = RowFeeder(delimiter: delimiter, maxRowBytes: maxRowBytes)
      let more = try parseSegment(
        &source, from: starts[index], end: ends[index], total: total, buffer: &buffer, feeder: &feeder, at: { parsedTo = $0 }, handOff: handOff)
      guard more else { return }
      try sender.send(.segmentEnd(nextLine: feeder.nextLine))
    }
  }
}
