import CLibCSV
import CSVStream
import Glibc
import Testing

/// Property: any table written by libcsv's own writer (`csv_fwrite`) reads back field for field,
/// whatever the chunk size. 300 random tables per run, from fixed seeds so a failure repeats.
@Suite struct RoundTripPropertyTests {
  /// SplitMix64, so every seed gives the same table on every machine.
  struct Random {
    var state: UInt64
    mutating func next(_ bound: Int) -> Int {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return Int((z ^ (z >> 31)) % UInt64(bound))
    }
  }

  static let alphabet: [String] = ["a", "Z", "0", " ", ",", ";", "\"", "\n", "\r", "\r\n", "\t", "é", "😀", "'", "=", "x y"]

  static func table(seed: UInt64) -> [[String]] {
    var random = Random(state: seed)
    let columns = 1 + random.next(6)
    return (0..<(1 + random.next(8))).map { _ in
      (0..<columns).map { _ in (0..<random.next(7)).map { _ in alphabet[random.next(alphabet.count)] }.joined() }
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
