import CLibCSV

/// libcsv's own speed on a file: a count-only pass with empty callbacks, the floor against
/// which `make bench` measures the whole pipeline.
package enum CSVCounter {
  /// Rows and fields of the file at `path`, parsed with libcsv and nothing else.
  package static func count(path: String, chunkSize: Int = 1 << 20) throws -> (rows: Int, fields: Int, bytes: Int) {
    var source = try FileSource(path: path)
    let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 16)
    defer { buffer.deallocate() }
    var parser = csv_parser()
    guard csv_init(&parser, UInt8(CSV_REPALL_NL)) == 0 else { return (0, 0, 0) }
    defer { csv_free(&parser) }
    var counts = (rows: 0, fields: 0)
    var bytes = 0
    while true {
      let count = try source.read(into: buffer)
      if count == 0 { break }
      bytes += count
      _ = withUnsafeMutablePointer(to: &counts) { context in
        csv_parse(&parser, buffer.baseAddress, count, countField, countRow, context)
      }
    }
    _ = withUnsafeMutablePointer(to: &counts) { csv_fini(&parser, countField, countRow, $0) }
    return (counts.rows, counts.fields, bytes)
  }
}

private func countField(_: UnsafeMutableRawPointer?, _: Int, _ context: UnsafeMutableRawPointer?) {
  context!.assumingMemoryBound(to: (rows: Int, fields: Int).self).pointee.fields += 1
}

private func countRow(_: Int32, _ context: UnsafeMutableRawPointer?) {
  context!.assumingMemoryBound(to: (rows: Int, fields: Int).self).pointee.rows += 1
}
