#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where the reader gets its bytes: a file on disk, or bytes in memory (tests, fuzzing).
protocol ByteSource: ~Copyable {
  /// Fills `buffer` from the start and returns the count; 0 means end of input.
  mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(CSVReadError) -> Int
  /// Total size when known up front, for progress reporting.
  var totalBytes: Int? { get }
  /// Hands `body` the whole input from its start, chunk by chunk, without moving the position
  /// ``read(into:)`` reads from (for the one check that needs the whole file first).
  func rescan(_ body: (UnsafeRawBufferPointer) -> Void) throws(CSVReadError)
  /// Fills `buffer` with the bytes from `offset` on, without moving the position ``read(into:)``
  /// reads from; 0 means end of input.
  func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) throws(CSVReadError) -> Int
  /// The same input for a reader on another thread to open again (see ``CSVReader`` on segments).
  var origin: ByteOrigin { get }
}

/// An input as a second reader opens it: the file by its path, or the bytes themselves.
enum ByteOrigin: Sendable {
  case file(String)
  case memory([UInt8])
}

/// A file read with plain `read(2)` calls into the reader's buffer: no extra copies.
struct FileSource: ByteSource, ~Copyable {
  let path: String
  private let descriptor: Int32
  let totalBytes: Int?

  init(path: String) throws(CSVReadError) {
    self.path = path
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { throw .unreadable(path: path, reason: String(cString: strerror(errno))) }
    var info = stat()
    guard fstat(fd, &info) == 0, info.st_mode & S_IFMT != S_IFDIR else {
      close(fd)
      throw .unreadable(path: path, reason: "is a directory")
    }
    descriptor = fd
    totalBytes = Int(info.st_size)
  }

  deinit { close(descriptor) }

  mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(CSVReadError) -> Int {
    while true {
      let count = Glibc.read(descriptor, buffer.baseAddress, buffer.count)
      if count >= 0 { return count }
      if errno == EINTR { continue }
      throw .ioFailure(path: path, reason: String(cString: strerror(errno)))
    }
  }

  /// Reads with `pread(2)` from offset 0: the descriptor's own position stays where it was.
  func rescan(_ body: (UnsafeRawBufferPointer) -> Void) throws(CSVReadError) {
    let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 18, alignment: 16)
    defer { buffer.deallocate() }
    var offset = 0
    while true {
      let count = try read(into: buffer, at: offset)
      if count == 0 { return }
      body(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
      offset += count
    }
  }

  func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) throws(CSVReadError) -> Int {
    while true {
      let count = pread(descriptor, buffer.baseAddress, buffer.count, off_t(offset))
      if count >= 0 { return count }
      if errno == EINTR { continue }
      throw .ioFailure(path: path, reason: String(cString: strerror(errno)))
    }
  }

  var origin: ByteOrigin { .file(path) }
}

/// Bytes already in memory.
struct MemorySource: ByteSource {
  let bytes: [UInt8]
  var offset = 0
  var totalBytes: Int? { bytes.count }

  mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(CSVReadError) -> Int {
    let count = min(buffer.count, bytes.count - offset)
    bytes.withUnsafeBytes { source in
      buffer.baseAddress!.copyMemory(from: source.baseAddress! + offset, byteCount: count)
    }
    offset += count
    return count
  }

  func rescan(_ body: (UnsafeRawBufferPointer) -> Void) { bytes.withUnsafeBytes { body($0) } }

  func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) -> Int {
    let count = max(0, min(buffer.count, bytes.count - offset))
    if count > 0 {
      bytes.withUnsafeBytes { source in buffer.baseAddress!.copyMemory(from: source.baseAddress! + offset, byteCount: count) }
    }
    return count
  }

  var origin: ByteOrigin { .memory(bytes) }
}
