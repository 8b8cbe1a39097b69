import Testing

@testable import CSVStream

/// A file is Windows-1252 only when the whole of it says so (see `Windows1252Detection`).
@Suite struct Windows1252DetectionTests {
  private func detected(_ chunks: [[UInt8]]) -> Bool {
    var detection = Windows1252Detection()
    for chunk in chunks { chunk.withUnsafeBytes { detection.scan($0) } }
    detection.finish()
    return detection.isWindows1252
  }

  @Test func windows1252TextIsDetected() {
    // "Müller" (FC) and an amount with a no-break space (A0) and the euro sign (80).
    #expect(detected([Array("M".utf8) + [0xFC] + Array("ller;1".utf8) + [0xA0] + Array("234 ".utf8) + [0x80]]))
  }

  @Test func asciiIsNot() {
    #expect(!detected([Array("lead_id,created_at\nL1,2026-10-01\n".utf8)]))
  }

  @Test func utf8IsNot() {
    #expect(!detected([Array("Café Müller".utf8)]))
  }

  /// One valid UTF-8 sequence anywhere (here in the last chunk) keeps the file UTF-8.
  @Test func aMixOfUTF8AndBadBytesIsNot() {
    #expect(!detected([[0x4D, 0xFC], Array("Café".utf8)]))
  }

  /// 0x81, 0x8D, 0x8F, 0x90 and 0x9D are undefined in Windows-1252: such a file is neither.
  @Test func anUndefinedByteIsNot() {
    #expect(!detected([[0x4D, 0xFC, 0x81]]))
  }

  /// A UTF-8 sequence cut by a chunk's end is finished in the next chunk.
  @Test func aSequenceAcrossChunksIsUTF8() {
    #expect(!detected([Array("Caf".utf8) + [0xC3], [0xA9, 0xFC]]))
  }

  /// A lead byte at the very end of the file is no UTF-8.
  @Test func aSequenceOpenAtTheEndIsNoUTF8() {
    var detection = Windows1252Detection()
    [UInt8]([0x41, 0xE9]).withUnsafeBytes { detection.scan($0) }
    detection.finish()
    #expect(detection.isWindows1252)
  }

  /// The first chunk decides whether the whole file is scanned: a UTF-8 sequence cut by the
  /// chunk's end is no sign of Windows-1252, a byte that is no UTF-8 is.
  @Test func onlyAFirstChunkWithBadBytesHasTheFileScanned() {
    func invalid(_ bytes: [UInt8]) -> Bool { bytes.withUnsafeBytes { Windows1252Detection.hasInvalidUTF8($0) } }
    #expect(!invalid(Array("lead_id,created_at\nL1,Caf".utf8) + [0xC3]))
    #expect(!invalid(Array("Café".utf8)))
    #expect(invalid(Array("M".utf8) + [0xFC] + Array("ller".utf8)))
  }
}
