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
    #expect(kept.withFields(at: 1) { $0.count } == 4 && kept.withFields(at: 2) { $0.count } == 0)
    #expect(kept.withFields(at: 1) { $0[1].string } == "Chloé Martin")
    #expect(kept.withFields(at: 0) { $0[1].count } == 0)
    #expect(kept.file(at: 3) == "deals.csv" && kept.role(at: 2) == .leads && kept.line(at: 4) == 7)
    #expect(kept.problem(at: 3) == .badAmount(.amount, "x"))
    #expect(kept.unparsed(at: 4) && !kept.unparsed(at: 0))
    // What rejects.csv's columns are made from: the most fields of a file's rows that were split.
    #expect(kept.mostFields(in: "deals.csv") == 4 && kept.mostFields(in: "leads.csv") == 0 && kept.mostFields(in: "spend.csv") == 0)
    #expect(kept.hasUnparsedRows && !RejectedRows(rows.prefix(4)).hasUnparsedRows)
  }

  /// Fields read back the same one by one and row after row; a field longer than 127 bytes (a
  /// two-byte length) included.
  @Test func fieldsReadBackTheSameRowAfterRow() {
    let long = String(repeating: "é", count: 200)
    let many = rows + [Reject(file: "leads.csv", role: .leads, line: 9, problem: .missing(.leadID), fields: [long, "", "z"])]
    let kept = RejectedRows(many)
    #expect(Array(kept) == many)
    var seen: [String] = []
    kept.sortedByFileAndLine().forEachRow(in: 1..<6) { position, fields in
      seen.append("\(position):" + (0..<fields.count).map { fields[$0].string }.joined(separator: "|"))
    }
    #expect(seen == ["1:D3|L1|x", "2:D4|Chloé Martin|80|EUR", "3:", "4:L9,2026-10-01,\"Web", "5:\(long)||z"])
  }

  /// A copy that adds rows keeps its own: neither sees the other's.
  @Test func copiesThatAddRowsKeepTheirOwn() {
    var first = RejectedRows(rows.prefix(3))
    var second = first
    first.append(rows[3])
    second.append(rows[4])
    second.append(rows[0])
    #expect(Array(first) == Array(rows.prefix(4)))
    #expect(Array(second) == Array(rows.prefix(3)) + [rows[4], rows[0]])
  }

  /// By file name, then line: the listing `rejects.csv` and the report use. A row added after
  /// the sort is listed last; the rows as added are unchanged.
  @Test func sortedByFileThenLine() {
    let kept = RejectedRows(rows)
    var sorted = kept.sortedByFileAndLine()
    #expect(sorted.map { "\($0.file):\($0.line)" } == ["deals.csv:2", "deals.csv:4", "deals.csv:5", "leads.csv:3", "leads.csv:7"])
    #expect(sorted.withFields(at: 1) { $0.count == 3 && $0[2].string == "x" })
    sorted.append(Reject(file: "asks.csv", role: .asks, line: 2, problem: .missing(.leadID), fields: ["a"]))
    #expect(sorted.last?.file == "asks.csv" && sorted.count == 6)
    #expect(Array(kept) == rows)
  }

  /// A file read twice under two inputs is two sources: each row keeps its own input. Rows of
  /// one file and line keep the order they were added in.
  @Test func aFileUnderTwoInputsKeepsEachRowsInput() {
    let kept = RejectedRows([
      Reject(file: "crm.csv", role: .deals, line: 4, problem: .missing(.stage), fields: ["b"]),
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
    // A row added after the join goes after the other's, whose fields it follows in their store.
    joined.append(rows[2])
    #expect(joined.map(\.line) == [2, 5, 4, 3, 7, 3] && joined[5] == rows[2] && joined[4] == rows[4])
    #expect(joined.mostFields(in: "deals.csv") == 4 && joined.files == ["deals.csv", "leads.csv", "deals.csv"])
    // A sorted list joined into none keeps its order, and a row added after is listed last.
    var taken = RejectedRows()
    taken.append(contentsOf: RejectedRows(rows).sortedByFileAndLine())
    taken.append(rows[0])
    #expect(taken.map(\.line) == [2, 4, 5, 3, 7, 2])
  }
}
