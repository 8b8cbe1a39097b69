import CSVStream
import Testing

/// Cells built from pieces come out as ``CSVWriting`` writes the same texts whole: one rule
/// for neutralising and quoting, whichever way a file is made.
@Suite struct CSVBuilderTests {
  static let cells = [
    "plain", "", "a,b", "say \"hi\"", "two\nlines", " padded", "padded ", "=SUM(A1)", "+1", "-5", "@home", "\tstart", "Zoë",
  ]

  @Test(arguments: cells)
  func aCellInPiecesIsWrittenAsTheWholeText(text: String) {
    var builder = CSVBuilder(capacity: 0)
    // Split after every character: the rule must see the whole cell, not its pieces.
    for character in text { builder.append(String(character)) }
    builder.endCell()
    builder.cell("next")
    builder.endRecord()
    #expect(String(decoding: builder.bytes, as: UTF8.self) == CSVWriting.record([text, "next"]))
  }

  @Test func recordsOfWholeCellsMatchTheWriter() {
    var builder = CSVBuilder(capacity: 64)
    builder.record(Self.cells)
    builder.record(["x"])
    #expect(String(decoding: builder.bytes, as: UTF8.self) == CSVWriting.record(Self.cells) + CSVWriting.record(["x"]))
  }

  @Test func numbersAreDecimal() {
    var builder = CSVBuilder(capacity: 0)
    builder.append(0)
    builder.endCell()
    builder.append(1_234_567)
    builder.endCell()
    builder.append(42)
    builder.append(" days")
    builder.endCell()
    // A negative number starts the cell with "-" but is no formula: written as it is.
    builder.append(-12)
    builder.endCell()
    builder.endRecord()
    #expect(String(decoding: builder.bytes, as: UTF8.self) == "0,1234567,42 days,-12\r\n")
  }
}
