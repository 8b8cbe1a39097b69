import CSVStream
import Foundation
import Testing

/// SampleData's `tables/` as a spreadsheet reads them: every file parses as CSV with one field
/// per header column, no figure of the tool's is text after a `'`, and a column sums to the
/// report's total.
@Suite struct TablesAsDataTests {
  static let folder = CLI.root.appendingPathComponent("Reports/2026-10/tables").path

  static func read(_ name: String) throws -> [[String]] {
    var rows: [[String]] = []
    _ = try CSVReader.read(path: folder + "/" + name) { batch in
      for row in batch.rows {
        #expect(row.problem == nil, "\(name):\(row.line)")
        rows.append(batch.strings(of: row))
      }
    }
    return rows
  }

  /// Every table: each row as wide as its header; a cell that starts with `'` is CRM text (no
  /// number of the tool's is neutralised: `'-62%` would be text that no sum counts).
  @Test func everyTableReadsAsData() throws {
    let names = try FileManager.default.contentsOfDirectory(atPath: Self.folder).filter { $0.hasSuffix(".csv") }.sorted()
    #expect(names.count > 20)
    for name in names {
      let rows = try Self.read(name)
      let header = try #require(rows.first, "\(name) is empty")
      for row in rows { #expect(row.count == header.count, "\(name): \(row)") }
      for cell in rows.dropFirst().flatMap({ $0 }) where cell.hasPrefix("'") {
        #expect(Double(cell.dropFirst()) == nil, "\(name): a number written as text: \(cell)")
      }
    }
  }

  /// The channels' revenue sums to the report's total revenue in summary.json (cents added as
  /// integers), and their leads to its total leads: the footer rows (all referral channels,
  /// total) are left out of the sum.
  @Test func theChannelsSumToTheReportsTotals() throws {
    let rows = try Self.read("channels.csv")
    let header = rows[0]
    let revenue = try #require(header.firstIndex(of: "Revenue (USD)"))
    let leads = try #require(header.firstIndex(of: "Leads"))
    let channels = rows.dropFirst().filter { $0[0] != "All referral channels" && $0[0] != "Total" }
    let cents = channels.reduce(0) { $0 + Int(($1[revenue].isEmpty ? "0" : $1[revenue]).replacingOccurrences(of: ".", with: ""))! }
    let leadCount = channels.reduce(0) { $0 + Int($1[leads])! }
    let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: CLI.root.appendingPathComponent("Reports/2026-10/summary.json"))) as! [String: Any]
    let totals = try #require(summary["totals"] as? [String: Any])
    #expect(Double(cents) / 100 == totals["revenue"] as? Double)
    #expect(leadCount == totals["leads"] as? Int)
    // The Total row says the same.
    let total = try #require(rows.first { $0[0] == "Total" })
    #expect(Int(total[revenue].replacingOccurrences(of: ".", with: "")) == cents)
  }
}
