import CLibCSV
import CSVStream
import Glibc
import ReferralCore
import Testing

/// Property: any table written by libcsv's own writer (`csv_fwrite`) reads back field for field,
/// whatever the chunk size. 300 random tables per run, from fixed seeds so a failure repeats.
@Suite struct RoundTripPropertyTests {
  static let alphabet: [String] = ["a", "Z", "0", " ", ",", ";", "\"", "\n", "\r", "\r\n", "\t", "é", "😀", "'", "=", "x y"]

  static func table(seed: UInt64) -> [[String]] {
    var random = SplitMix(seed: seed)
    let columns = 1 + random.int(0...5)
    return (0..<(1 + random.int(0...7))).map { _ in
      (0..<columns).map { _ in (0..<random.int(0...6)).map { _ in random.pick(alphabet) }.joined() }
    }
  }

  /// The table as libcsv writes it: every field through `csv_fwrite`, commas and CRLFs between.
  static func written(_ table: [[String]]) -> [UInt8] {
    var buffer: UnsafeMutablePointer<CChar>?
    var size = 0
    let file = open_memstream(&buffer, &size)!
    for row in table {
      for (index, field) in row.enumerated() {
        if index > 0 { fputc(0x2C, file) }
        var bytes = Array(field.utf8)
        _ = csv_fwrite(file, &bytes, bytes.count)
      }
      fputs("\r\n", file)
    }
    fclose(file)
    defer { free(buffer) }
    return Array(UnsafeBufferPointer(start: UnsafeRawPointer(buffer!).assumingMemoryBound(to: UInt8.self), count: size))
  }

  @Test(arguments: 0..<300)
  func aWrittenTableReadsBackFieldForField(seed: Int) throws {
    let table = Self.table(seed: UInt64(seed))
    let bytes = Self.written(table)
    for chunk in [4, 13, 1 << 16] {
      var read: [[String]] = []
      _ = try CSVReader.read(bytes: bytes, dialect: CSVDialect(delimiter: 0x2C), chunkSize: chunk) { batch in
        for row in batch.rows {
          #expect(row.problem == nil)
          read.append(batch.strings(of: row))
        }
      }
      #expect(read == table, "seed \(seed), chunk \(chunk)")
    }
  }
}
