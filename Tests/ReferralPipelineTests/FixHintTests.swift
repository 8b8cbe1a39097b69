import CSVStream
import Foundation
import ReferralCore
import ReferralImport
import ReferralPipeline
import Testing

/// Every config fix the tool prints is valid config: each hint is cut out of its message and
/// fed back to the loader, which must accept it and set what the hint says.
@Suite struct FixHintTests {
  /// The `[table] key = value` settings in `message`, as config text (the table's header on its
  /// own line); `<rate>`, the one thing only the user knows, filled in with `fill`.
  func settings(in message: String, fill: String = "1.1") -> [String] {
    let pattern = try! NSRegularExpression(pattern: #"\[([a-z_.]+)\] ("[^"]+"|[A-Za-z0-9_-]+) = (\[[^\]]*\]|"[^"]*"|<rate>)"#)
    let range = NSRange(message.startIndex..., in: message)
    return pattern.matches(in: message, range: range).map { match in
      let part = { (index: Int) in String(message[Range(match.range(at: index), in: message)!]) }
      return "[\(part(1))]\n\(part(2)) = \(part(3).replacingOccurrences(of: "<rate>", with: fill))\n"
    }
  }

  func load(_ text: String) throws -> Configuration { try ConfigLoader.parse(text, file: "fix.toml") }

  @Test func theAmbiguousDateHintSetsTheColumnsFormat() throws {
    let message = ImportError.ambiguousDates(
      file: "deals.csv", column: "Close Date", setting: .init(role: "deals", field: "closed_at"), example: "03/04/2026"
    ).description
    let hints = settings(in: message)
    #expect(hints == ["[formats.deals]\nclosed_at = \"MM/DD/YYYY\"\n"])
    #expect(try load(hints[0]).importOptions.dateFormats[.deals]?[.closedAt] == .monthDayYear)
  }

  @Test func theMixedDateHintSetsTheColumnsFormat() throws {
    let message = ImportError.mixedDates(
      file: "leads.csv", column: "Create Date", setting: .init(role: "leads", field: "created_at"), monthFirstLine: 3, dayFirstLine: 2
    ).description
    let hints = settings(in: message)
    #expect(hints.count == 1)
    #expect(try load(hints[0]).importOptions.dateFormats[.leads]?[.createdAt] == .monthDayYear)
  }

  @Test func theEncodingHintSetsTheInputsEncoding() throws {
    let hints = settings(in: RowProblem.invalidUTF8.reason(in: .payouts))
    #expect(hints == ["[formats.payouts]\nencoding = \"windows-1252\"\n"])
    #expect(try load(hints[0]).importOptions.dialects[.payouts]?.encoding == .windows1252)
  }

  @Test func theStageHintMapsTheStage() throws {
    let hints = settings(in: RowProblem.unknownStage("Needs \"Review\"").reason(in: .deals))
    #expect(hints.count == 1)
    #expect(try load(hints[0]).importOptions.stages.outcome(ofText: "Needs \"Review\"") == .open)
  }

  @Test func theRateHintAddsTheRate() throws {
    for currency in ["EUR", "GBP"] {
      let hints = settings(in: RowProblem.noRate(currency).reason(in: .deals))
      #expect(hints.count == 1, "\(currency)")
      let config = try load(hints.first ?? "")
      #expect(config.importOptions.rates[currency] != nil, "\(currency)")
    }
  }

  /// Problems only the export can fix print no setting.
  @Test func rowProblemsWithoutAConfigFixPrintNone() {
    #expect(RowProblem.missing(.leadID).fix(in: .leads) == nil)
    #expect(RowProblem.ragged(found: 3, expected: 4).reason(in: .deals) == "row has 3 fields, the header has 4")
  }
}
