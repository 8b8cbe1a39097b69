import CFieldArena
import Testing

/// The C check that rows with non-ASCII bytes go through, against the standard library.
@Suite struct UTF8ValidationTests {
  func agreesWithTheStandardLibrary(_ bytes: [UInt8]) -> Bool {
    let expected = String(validating: bytes, as: UTF8.self) != nil
    return bytes.withUnsafeBufferPointer { field_is_valid_utf8($0.baseAddress, $0.count) != 0 } == expected
  }

  /// The bytes where the table of well-formed sequences changes.
  static let edges: [UInt8] = [0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF]

  @Test func everyOneAndTwoByteSequenceIsJudgedAsTheStandardLibraryDoes() {
    for first in 0...255 {
      #expect(agreesWithTheStandardLibrary([UInt8(first)]))
      for second in 0...255 where !agreesWithTheStandardLibrary([UInt8(first), UInt8(second)]) {
        Issue.record("disagrees on \(first), \(second)")
      }
    }
  }

  @Test func longerSequencesOverlongFormsAndSurrogatesAreJudgedAsTheStandardLibraryDoes() {
    for lead in [0xC0, 0xC1, 0xC2, 0xDF] + Array(0xE0...0xF5) + [0xFF] {
      for second in 0...255 {
        for third in Self.edges where !agreesWithTheStandardLibrary([UInt8(lead), UInt8(second), third]) {
          Issue.record("disagrees on \(lead), \(second), \(third)")
        }
      }
      for second in Self.edges {
        for third in Self.edges {
          for fourth in Self.edges where !agreesWithTheStandardLibrary([UInt8(lead), second, third, fourth, 0x41]) {
            Issue.record("disagrees on \(lead), \(second), \(third), \(fourth)")
          }
        }
      }
    }
    #expect(agreesWithTheStandardLibrary(Array("Chloé Martin, 東京, 🚀".utf8)))
  }
}
