import CSVStream
import ReferralCore
import Testing

/// The rejected rows are kept as bytes and numbers, and read back as they were added.
@Suite struct RejectedRowsTests {
  let rows: [Reject] = [
    Reject(file: "deals.csv", role: .deals, line: 2, problem: .noRate("EUR"), fields: ["D1", "", "1200", "EUR"]),
    Reject(file: "deals.csv", role: .deals, line: 5, problem: .noRate("EUR"), fields: ["D4", "Chloé Martin", "80", "EUR"]),
    Reject(file: "leads.csv", role: .leads, line: 3, problem: .missing(.leadID), fields: []),
    Reject(file: "deals.csv", role: .deals, line: 4, problem: .badAmount(.amount, "x"), fields: ["D3", "L1", "x"]),
    Reject(file: "leads.csv", role: .leads, line: 7, problem: .unterminatedQuote, fields: ["L9,2026-10-01,\"Web"]),
  ]

  /// Every row whole, in the order added: fields (an empty one, none, non-ASCII), file, input,
  /// line and problem, and the same by the field accessors.
  @Test func rowsReadBackAsTheyWereAdded() {
    let kept = RejectedRows(rows)
    #expect(Array(kept) == rows)
    #expect(kept.files == ["deals.csv", "leads.csv"])
    #expect(kept.fieldCount(at: 1) == 4 && kept.fieldCount(at: 2) == 0)
    #expect(kept.withField(1, at: 1) { $0.string } == "Chloé Martin")
    #expect(kept.withField(1, at: 0) { $0.count } == 0)
    #expect(kept.file(at: 3) == "deals.csv" && kept.role(at: 2) == .leads && kept.line(at: 4) == 7)
    #expect(kept.problem(at: 3) == .badAmount(.amount, "x"))
    #expect(kept.unparsed(at: 4) && !kept.unparsed(at: 0))
  }

  /// By file name, then line: the listing `rejects.csv` and the report use. A row added after
  /// the sort is listed last; the rows as added are unchanged.
  @Test func sortedByFileThenLine() {
    let kept = RejectedRows(rows)
    var sorted = kept.sortedByFileAndLine()
    #expect(sorted.map { "\($0.file):\($0.line)" } == ["deals.csv:2", "deals.csv:4", "deals.csv:5", "leads.csv:3", "leads.csv:7"])
    #expect(sorted.fieldCount(at: 1) == 3 && sorted.withField(2, at: 1) { $0.string } == "x")
    sorted.append(Reject(file: "asks.csv", role: .asks, line: 2, problem: .missing(.leadID), fields: ["a"]))
    #expect(sorted.last?.file == "asks.csv" && sorted.count == 6)
    #expect(Array(kept) == rows)
  }

  /// A file read twice under two inputs is two sources: each row keeps its own input. Rows of
  /// one file and line keep the order they were added in.
  @Test func aFileUnderTwoInputsKeepsEachRowsInput() {
    let kept = RejectedRows([
      Reject(file: "crm.csv", role: .deals, line: 4, problem: .missingAmount, fields: ["b"]),
      Reject(file: "crm.csv", role: .leads, line: 4, problem: .missing(.leadID), fields: ["a"]),
      Reject(file: "crm.csv", role: .leads, line: 2, problem: .missing(.leadID), fields: ["c"]),
    ])
    #expect(kept.sortedByFileAndLine().map { "\($0.role):\($0.line):\($0.fields[0])" } == ["leads:2:c", "deals:4:b", "leads:4:a"])
  }

  /// Joining the files' rows: into none, the other's as they are; after some, in the other's
  /// order (a sorted list's too).
  @Test func joiningKeepsEveryRowOnceInOrder() {
    var joined = RejectedRows()
    joined.append(contentsOf: RejectedRows(rows.prefix(2)))
    joined.append(contentsOf: RejectedRows(rows.suffix(3)).sortedByFileAndLine())
    #expect(joined.map(\.line) == [2, 5, 4, 3, 7])
    #expect(Array(joined.prefix(2)) == Array(rows.prefix(2)))
    #expect(joined[2] == rows[3])
    #expect(joined == RejectedRows([rows[0], rows[1], rows[3], rows[2], rows[4]]))
    #expect(joined != RejectedRows(rows))
    // A sorted list joined into none keeps its order, and a row added after is listed last.
    var taken = RejectedRows()
    taken.append(contentsOf: RejectedRows(rows).sortedByFileAndLine())
    taken.append(rows[0])
    #expect(taken.map(\.line) == [2, 4, 5, 3, 7, 2])
  }
}
