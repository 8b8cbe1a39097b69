/// What reading a whole file found out about it.
package struct CSVReadSummary: Sendable, Equatable {
  /// The encoding and delimiter actually used (detected or configured).
  package var dialect: CSVDialect
  /// Whether the lines end in a bare CR (Excel for Mac), read as line ends all the same.
  package var carriageReturnLines = false
  /// Lines before the header that are no rows: Excel's `sep=;` hint (0 or 1). They count as
  /// skipped rows of the file.
  package var skippedLines = 0
  /// Whether the file was read as Windows-1252 because the whole of it is Windows-1252 and no
  /// UTF-8 (see ``Windows1252Detection``), with no encoding configured.
  package var detectedWindows1252 = false
}

/// Streams a CSV file through libcsv in fixed-size chunks and hands on batches of rows.
///
/// Memory stays bounded by the chunk size and the longest row, whatever the file size.
package enum CSVReader {
  /// Default size of one read from disk. Every chunk's rows fill one batch, and a few batches
  /// are in flight per file: 256 KiB keeps them to a few MB while `csv_parse` still gets long runs.
  package static let defaultChunkSize = 1 << 18
  /// Rows longer than this are rejected and their bytes dropped (no CRM row comes close).
  package static let defaultMaxRowBytes = 1 << 20

  /// Reads the file at `path`, calling `onBatch` for every chunk's completed rows, in order.
  package static func read(
    path: String,
    dialect: CSVDialect = CSVDialect(),
    chunkSize: Int = defaultChunkSize,
    maxRowBytes: Int = defaultMaxRowBytes,
    segmentBytes: Int = defaultSegmentBytes,
    progress: ((_ bytesRead: Int, _ totalBytes: Int?) -> Void)? = nil,
    onBatch: (CSVBatch) throws -> Void
  ) throws -> CSVReadSummary {
    try readBatches(path: path, dialect: dialect, chunkSize: chunkSize, maxRowBytes: maxRowBytes, segmentBytes: segmentBytes, progress: progress) { batch in
      try onBatch(batch)
      return batch
    }
  }

  /// Reads the file at `path`, handing on every chunk's completed rows; `handOff` returns the
  /// batch to fill next, so a consumer on another thread can keep the one it was given until
  /// it is done and give back one it has finished with (see ``LibCSVParser/drain(_:)``). A
  /// UTF-8 file of two `segmentBytes` or more is parsed by two readers (see
  /// ``readSegments(source:feeder:position:starts:total:delimiter:chunkSize:maxRowBytes:progress:handOff:)``);
  /// 0 reads with one.
  package static func readBatches(
    path: String,
    dialect: CSVDialect = CSVDialect(),
    chunkSize: Int = defaultChunkSize,
    maxRowBytes: Int = defaultMaxRowBytes,
    segmentBytes: Int = defaultSegmentBytes,
    progress: ((_ bytesRead: Int, _ totalBytes: Int?) -> Void)? = nil,
    handOff: (CSVBatch) throws -> CSVBatch
  ) throws -> CSVReadSummary {
    var source = try FileSource(path: path)
    return try read(
      from: &source, path: path, dialect: dialect, chunkSize: chunkSize,
      maxRowBytes: maxRowBytes, segmentBytes: segmentBytes, progress: progress, handOff: handOff)
  }

  /// Reads CSV from bytes in memory (a workbook's sheet, made CSV), named `path` in errors,
  /// handing batches on as ``readBatches(path:dialect:chunkSize:maxRowBytes:progress:handOff:)``.
  package static func readBatches(
    bytes: [UInt8],
    path: String,
    dialect: CSVDialect = CSVDialect(),
    chunkSize: Int = defaultChunkSize,
    maxRowBytes: Int = defaultMaxRowBytes,
    segmentBytes: Int = defaultSegmentBytes,
    progress: ((_ bytesRead: Int, _ totalBytes: Int?) -> Void)? = nil,
    handOff: (CSVBatch) throws -> CSVBatch
  ) throws -> CSVReadSummary {
    var source = MemorySource(bytes: bytes)
    return try read(
      from: &source, path: path, dialect: dialect, chunkSize: chunkSize,
      maxRowBytes: maxRowBytes, segmentBytes: segmentBytes, progress: progress, handOff: handOff)
  }

  /// Reads CSV from bytes in memory; the same path as files, for tests and fuzzing.
  package static func read(
    bytes: [UInt8],
    dialect: CSVDialect = CSVDialect(),
    chunkSize: Int = defaultChunkSize,
    maxRowBytes: Int = defaultMaxRowBytes,
    segmentBytes: Int = defaultSegmentBytes,
    onBatch: (CSVBatch) throws -> Void
  ) throws -> CSVReadSummary {
    try readBatches(bytes: bytes, path: "<memory>", dialect: dialect, chunkSize: chunkSize, maxRowBytes: maxRowBytes, segmentBytes: segmentBytes) { batch in
      try onBatch(batch)
      return batch
    }
  }

  private static func read<Source: ByteSource & ~Copyable>(
    from source: inout Source,
    path: String,
    dialect: CSVDialect,
    chunkSize: Int,
    maxRowBytes: Int,
    segmentBytes: Int,
    progress: ((Int, Int?) -> Void)?,
    handOff: (CSVBatch) throws -> CSVBatch
  ) throws -> CSVReadSummary {
    precondition(chunkSize >= 4, "chunk size too small to hold a byte-order mark")
    let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 16)
    defer { buffer.deallocate() }
    var decoded: [UInt8] = []
    decoded.reserveCapacity(chunkSize)

    var count = try source.read(into: buffer)
    var bytesRead = count
    var (encoding, bomLength) = TextDecoder.detect(
      prefix: UnsafeRawBufferPointer(rebasing: buffer[0..<count]), configured: dialect.encoding)
    // Without a mark or a configured encoding, a first chunk that is no UTF-8 has the whole file
    // scanned: Windows-1252 throughout is read as such (a file that is no UTF-8 costs the pass).
    var detectedWindows1252 = false
    if dialect.encoding == nil, encoding == .utf8, bomLength == 0,
      Windows1252Detection.hasInvalidUTF8(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
    {
      var detection = Windows1252Detection()
      try source.rescan { detection.scan($0) }
      detection.finish()
      if detection.isWindows1252 { (encoding, detectedWindows1252) = (.windows1252, true) }
    }
    var decoder = TextDecoder(encoding: encoding)
    decoder.decode(UnsafeRawBufferPointer(rebasing: buffer[bomLength..<count]), into: &decoded)
    // The first line decides how lines end and, unless configured, the delimiter: it is read
    // whole (with the byte after it), however many reads that takes.
    var carriageReturns = TextDecoder.endsLinesWithCarriageReturns(decoded, complete: count == 0)
    while carriageReturns == nil, decoded.count < 1 << 20 {
      count = try source.read(into: buffer)
      bytesRead += count
      decoder.decode(UnsafeRawBufferPointer(rebasing: buffer[0..<count]), into: &decoded)
      carriageReturns = TextDecoder.endsLinesWithCarriageReturns(decoded, complete: count == 0)
    }
    if carriageReturns == true {
      decoder.endsLinesWithLineFeeds = true
      decoder.endLinesWithLineFeeds(&decoded, from: 0)
    }
    let hint = Self.separatorHint(in: decoded)
    let delimiter = dialect.delimiter ?? hint?.delimiter ?? detectDelimiter(in: decoded[(hint?.length ?? 0)...])
    var feeder = RowFeeder(delimiter: delimiter, maxRowBytes: maxRowBytes, firstLine: hint == nil ? 1 : 2)
    // UTF-8 needs no decoding: after the first chunk, reads go straight into the bytes libcsv
    // is fed from (no copy of every byte on the thread that bounds the import).
    let direct = encoding == .utf8 && carriageReturns != true
    var directBytes: [UInt8] = direct ? Array(repeating: 0, count: chunkSize) : []
    var chunk = decoded[(hint?.length ?? 0)...]
    let summary = CSVReadSummary(
      dialect: CSVDialect(encoding: encoding, delimiter: delimiter), carriageReturnLines: carriageReturns == true,
      skippedLines: hint == nil ? 0 : 1, detectedWindows1252: detectedWindows1252)
    if direct, segmentBytes > 0, let total = source.totalBytes, total >= 2 * segmentBytes, count > 0 {
      let starts = try segmentStarts(in: source, total: total, after: bytesRead, segmentBytes: segmentBytes)
      if starts.count > 1 {
        feeder.feed(chunk)
        try feeder.parser.drain(handOff)
        progress?(bytesRead, total)
        try readSegments(
          source: &source, feeder: &feeder, position: bytesRead, starts: starts, total: total, delimiter: delimiter, chunkSize: chunkSize,
          maxRowBytes: maxRowBytes, progress: progress, handOff: handOff)
        return summary
      }
    }
    while true {
      feeder.feed(chunk)
      try feeder.parser.drain(handOff)
      progress?(bytesRead, source.totalBytes)
      if count == 0 { break }
      chunk = []  // the buffers below are refilled in place: no other reference may hold them
      if direct {
        count = try directBytes.withUnsafeMutableBytes { bytes throws(CSVReadError) in try source.read(into: bytes) }
        chunk = directBytes[..<count]
      } else {
        decoded.removeAll(keepingCapacity: true)
        count = try source.read(into: buffer)
        if count == 0 {
          decoder.finish(into: &decoded)
        } else {
          decoder.decode(UnsafeRawBufferPointer(rebasing: buffer[0..<count]), into: &decoded)
        }
        chunk = decoded[...]
      }
      bytesRead += count
    }
    feeder.finish()
    try feeder.parser.drain(handOff)
    return summary
  }

  /// Excel's delimiter hint, a first line `sep=;` (any delimiter byte, quoted or not): the
  /// delimiter and the bytes of the line with its line end.
  static func separatorHint(in text: [UInt8]) -> (delimiter: UInt8, length: Int)? {
    var line = text.prefix { $0 != 0x0A }[...]
    let length = line.count + (line.count < text.count ? 1 : 0)
    if line.last == 0x0D { line = line.dropLast() }
    if line.count == 7, line.first == 0x22, line.last == 0x22 { line = line.dropFirst().dropLast() }
    guard line.count == 5, String(decoding: line.prefix(4), as: UTF8.self).lowercased() == "sep=" else { return nil }
    let delimiter = line[line.startIndex + 4]
    guard delimiter != 0x22, delimiter != 0x0D, delimiter < 0x80 else { return nil }
    return (delimiter, length)
  }

  /// The most frequent of `,` `;` and tab outside quotes in the first line that has any of
  /// them (of the first 20: a report's title lines above its header have none); `,` on a tie
  /// or when none has any.
  static func detectDelimiter(in bytes: ArraySlice<UInt8>) -> UInt8 {
    var counts: [UInt8: Int] = [0x2C: 0, 0x3B: 0, 0x09: 0]
    var quoted = false
    var lines = 0
    for byte in bytes {
      if byte == 0x22 { quoted.toggle() }
      if quoted { continue }
      if byte == 0x0A {
        lines += 1
        if counts.values.contains(where: { $0 > 0 }) || lines == 20 { break }
        continue
      }
      counts[byte]? += 1
    }
    return [UInt8(0x2C), 0x3B, 0x09].max { counts[$0]! < counts[$1]! } ?? 0x2C
  }
}
