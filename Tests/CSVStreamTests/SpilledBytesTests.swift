import CSVStream
import Foundation
import Testing

/// Bytes past the memory limit move to an unnamed temporary file and read back the same, from
/// memory, from the file, or across the two; copies never see each other's bytes; and where no
/// file can be made, the bytes stay in memory.
@Suite struct SpilledBytesTests {
  /// Records of 10 bytes: record `n` is the byte `n` ten times.
  static func records(_ count: Int, memoryLimit: Int, directory: String? = nil) -> SpilledBytes {
    var bytes = SpilledBytes(memoryLimit: memoryLimit, directory: directory)
    for record in 0..<count {
      [UInt8](repeating: UInt8(record), count: 10).withByteView { bytes.append($0) }
      bytes.spillIfFull()
    }
    return bytes
  }

  /// One range, read once (no window kept).
  static func read(_ range: Range<Int>, of bytes: SpilledBytes) -> [UInt8] {
    var reader = SpilledBytes.Reader(window: 0)
    return reader.withBytes(range, of: bytes) { Array($0) }
  }

  /// A fresh directory of its own, removed after `body`.
  static func inDirectory<R>(_ body: (String) throws -> R) rethrows -> R {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("spill-\(UUID().uuidString)").path
    try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: false)
    defer { try? FileManager.default.removeItem(atPath: directory) }
    return try body(directory)
  }

  /// The limit is 25 bytes: after the third record the 30 bytes move to the file; records 3
  /// and 4 (20 bytes) stay in memory.
  @Test func bytesPastTheLimitMoveToAFileAndReadBackTheSame() {
    let bytes = Self.records(5, memoryLimit: 25)
    #expect(bytes.count == 50 && bytes.spilledCount == 30)
    #expect(Self.read(0..<10, of: bytes) == [UInt8](repeating: 0, count: 10))
    #expect(Self.read(25..<30, of: bytes) == [UInt8](repeating: 2, count: 5))
    #expect(Self.read(40..<50, of: bytes) == [UInt8](repeating: 4, count: 10))
    // Across the file's end and memory: 2 2 3 3.
    #expect(Self.read(28..<32, of: bytes) == [2, 2, 3, 3])
    #expect(Self.read(5..<5, of: bytes) == [])
  }

  /// The reader takes a window of the file and serves the next ranges from it, then moves on;
  /// backwards too, and with two files read in turn.
  @Test func aReaderServesRangesFromItsWindows() {
    let bytes = Self.records(40, memoryLimit: 100)  // 400 bytes, 400 in the file
    #expect(bytes.spilledCount == 400)
    var reader = SpilledBytes.Reader(window: 64)
    var firsts: [UInt8] = []
    for record in 0..<40 { reader.withBytes(record * 10..<record * 10 + 10, of: bytes) { firsts.append($0[0]) } }
    #expect(firsts == (0..<40).map(UInt8.init))
    // Back to the start, and a range longer than the window.
    #expect(reader.withBytes(0..<100, of: bytes) { Array($0) } == (0..<10).flatMap { [UInt8](repeating: UInt8($0), count: 10) })
    #expect(reader.withBytes(395..<400, of: bytes) { Array($0) } == [39, 39, 39, 39, 39])
    let other = Self.records(20, memoryLimit: 50)
    var turns: [UInt8] = []
    for record in (0..<20).reversed() {
      reader.withBytes(record * 10..<record * 10 + 10, of: bytes) { turns.append($0[9]) }
      reader.withBytes(record * 10 + 5..<record * 10 + 10, of: other) { turns.append($0[0]) }
    }
    #expect(turns == (0..<20).reversed().flatMap { [UInt8($0), UInt8($0)] })
  }

  /// A copy that adds bytes past the limit takes a file of its own (copy on write).
  @Test func copiesKeepTheirOwnBytes() {
    var first = Self.records(3, memoryLimit: 15)
    var second = first
    [UInt8](repeating: 7, count: 20).withByteView { first.append($0) }
    first.spillIfFull()
    [UInt8](repeating: 9, count: 20).withByteView { second.append($0) }
    second.spillIfFull()
    #expect(first.spilledCount == 50 && second.spilledCount == 50)
    #expect(Self.read(30..<50, of: first) == [UInt8](repeating: 7, count: 20))
    #expect(Self.read(30..<50, of: second) == [UInt8](repeating: 9, count: 20))
    #expect(Self.read(0..<30, of: first) == Self.read(0..<30, of: second))
  }

  /// The file has no name: nothing appears in its directory, then or after.
  @Test func theFileHasNoNameInItsDirectory() throws {
    try Self.inDirectory { directory in
      let bytes = Self.records(10, memoryLimit: 10, directory: directory)
      #expect(bytes.spilledCount == 100)
      let named = try FileManager.default.contentsOfDirectory(atPath: directory)
      #expect(named == [])
      #expect(Self.read(90..<100, of: bytes) == [UInt8](repeating: 9, count: 10))
    }
  }

  /// No directory to make the file in: the bytes stay in memory and read back the same.
  @Test func withoutAFileTheBytesStayInMemory() {
    let bytes = Self.records(10, memoryLimit: 10, directory: "/nonexistent/referral-report")
    #expect(bytes.count == 100 && bytes.spilledCount == 0)
    #expect(Self.read(90..<100, of: bytes) == [UInt8](repeating: 9, count: 10))
  }
}
