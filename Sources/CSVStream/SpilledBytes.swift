import CSystemShims

#if canImport(Glibc)
  import Glibc
#endif

/// Bytes added at the end and read back by range, which leave memory once there are many: past
/// the memory limit they move to an unnamed temporary file (in `$TMPDIR`, else `/tmp`), gone
/// when the last copy is. For what a run must keep to the end but seldom reads: the fields of
/// rejected rows, which a 10M-lead export without a currency's rate makes by the hundred
/// megabytes, while memory should grow with distinct leads, not with file size.
///
/// Where no temporary file can be made or written (no such directory, a full disk) the bytes
/// simply stay in memory: the run never fails for it.
///
/// A value: copies share what was moved to the file, which is only ever added to, and a copy
/// that moves bytes into a shared file first takes a file of its own (copy on write, as an
/// array does), so no copy ever sees another's bytes.
public struct SpilledBytes: Sendable {
  /// A few megabytes per list: a run that rejects a few rows never makes a file.
  public static let defaultMemoryLimit = 4 << 20

  /// The bytes from ``spilled`` on.
  private var memory: [UInt8] = []
  private var file: SpillFile?
  /// How many of the first bytes are in `file`.
  private var spilled = 0
  private let memoryLimit: Int
  /// Where the file is made: `$TMPDIR`, else `/tmp`, unless told otherwise.
  private let directory: String?
  /// Set once no file could be made or written: the bytes stay in memory from then on.
  private var keptInMemory = false

  public init(memoryLimit: Int = defaultMemoryLimit, directory: String? = nil) {
    self.memoryLimit = memoryLimit
    self.directory = directory
  }

  public var count: Int { spilled + memory.count }

  /// How many bytes are in the temporary file (0 while there is none).
  public var spilledCount: Int { spilled }

  public mutating func append(_ byte: UInt8) { memory.append(byte) }

  public mutating func append(_ bytes: ByteView) {
    guard let base = bytes.base, bytes.count > 0 else { return }
    memory.append(contentsOf: UnsafeRawBufferPointer(start: base, count: bytes.count))
  }

  /// Moves the bytes held in memory to the file once they pass the limit. Called between
  /// records (a rejected row's fields), so that a record is read back in one piece.
  public mutating func spillIfFull() {
    guard memory.count >= memoryLimit, !keptInMemory else { return }
    // Asked before anything else holds the file: only a file this value alone holds is added to.
    let alone = isKnownUniquelyReferenced(&file)
    let target = alone ? file : file.map { SpillFile(copying: spilled, of: $0) } ?? SpillFile(in: directory)
    guard let target, memory.withUnsafeBytes({ target.write($0, at: spilled) }) else {
      // Whatever reached the file stays readable there; the rest stays here from now on.
      keptInMemory = true
      return
    }
    file = target
    spilled += memory.count
    memory.removeAll(keepingCapacity: true)
  }

  /// Reads ranges of one or more ``SpilledBytes`` (`rejects.csv`, row after row): the file is
  /// read a window at a time, not once per range. Windows are aligned, so ranges read in
  /// either direction share them, and there is one per file, so rows of two lists that come in
  /// turn (one export read as two inputs) do not take each other's.
  public struct Reader {
    private let windowSize: Int
    private var windows: [(file: SpillFile, start: Int, bytes: [UInt8])] = []

    /// `window`: how many bytes to read from a file at a time (at least a whole range; 0 for
    /// one range read once).
    public init(window: Int = 1 << 20) { windowSize = window }

    public mutating func withBytes<R>(_ range: Range<Int>, of bytes: SpilledBytes, _ body: (ByteView) throws -> R) rethrows -> R {
      precondition(range.lowerBound >= 0 && range.upperBound <= bytes.count, "byte range out of range")
      if range.lowerBound >= bytes.spilled {
        let start = range.lowerBound - bytes.spilled
        return try bytes.memory.withUnsafeBytes { try body(ByteView(UnsafeRawBufferPointer(rebasing: $0[start..<start + range.count]))) }
      }
      let file = bytes.file!
      if range.upperBound > bytes.spilled {
        // A range that runs on past the file (never one record): read whole, the rest from memory.
        var joined = [UInt8](repeating: 0, count: bytes.spilled - range.lowerBound)
        joined.withUnsafeMutableBytes { file.read(into: $0, at: range.lowerBound) }
        joined += bytes.memory[0..<(range.upperBound - bytes.spilled)]
        return try joined.withUnsafeBytes { try body(ByteView($0)) }
      }
      let slot =
        windows.firstIndex { $0.file === file }
        ?? {
          windows.append((file, 0, []))
          return windows.count - 1
        }()
      let (start, count) = (windows[slot].start, windows[slot].bytes.count)
      if range.lowerBound < start || range.upperBound > start + count {
        let start = windowSize > 0 ? range.lowerBound - range.lowerBound % windowSize : range.lowerBound
        let end = min(bytes.spilled, max(start + windowSize, range.upperBound))
        windows[slot].start = start
        windows[slot].bytes.removeAll(keepingCapacity: true)
        windows[slot].bytes.append(contentsOf: repeatElement(0, count: end - start))
        windows[slot].bytes.withUnsafeMutableBytes { file.read(into: $0, at: start) }
      }
      let offset = range.lowerBound - windows[slot].start
      return try windows[slot].bytes.withUnsafeBytes {
        try body(ByteView(UnsafeRawBufferPointer(rebasing: $0[offset..<offset + range.count])))
      }
    }
  }
}

/// An unnamed temporary file, closed (and so gone) with its last reference. Only the value
/// that alone holds it writes to it, and only past what any reader reads: readers and the
/// writer never meet on the same bytes.
private final class SpillFile: @unchecked Sendable {
  let descriptor: Int32
  let directory: String

  init?(in directory: String?) {
    let directory = directory ?? getenv("TMPDIR").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
    self.directory = directory
    descriptor = shims_open_unnamed_file(directory)
    if descriptor < 0 { return nil }
  }

  /// A file of its own holding the first `count` bytes of `other`.
  convenience init?(copying count: Int, of other: SpillFile) {
    self.init(in: other.directory)
    var buffer = [UInt8](repeating: 0, count: min(count, 1 << 20))
    var offset = 0
    while offset < count {
      let length = min(buffer.count, count - offset)
      let copied = buffer.withUnsafeMutableBytes { chunk in
        let part = UnsafeMutableRawBufferPointer(rebasing: chunk[0..<length])
        other.read(into: part, at: offset)
        return write(UnsafeRawBufferPointer(part), at: offset)
      }
      if !copied { return nil }
      offset += length
    }
  }

  deinit { close(descriptor) }

  func write(_ bytes: UnsafeRawBufferPointer, at offset: Int) -> Bool {
    shims_write_all_at(descriptor, bytes.baseAddress, bytes.count, offset) == 0
  }

  /// Fills `buffer` from `offset`. The file is the run's own and was written in full, so a
  /// failed read is a fault of the machine (an I/O error), not of the input: the run stops.
  func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) {
    guard buffer.count > 0 else { return }
    if shims_read_all_at(descriptor, buffer.baseAddress, buffer.count, offset) != 0 {
      fatalError("could not read back the temporary file of rejected rows: \(String(cString: strerror(errno)))")
    }
  }
}
