import CSVStream
import Foundation
import ReferralAttribution
import ReferralCore
import TestSupport
import Testing

@testable import ReferralRender

/// One attribution result through every renderer: every figure attribution left unknown is
/// n/a in Markdown and HTML, an empty cell in `tables/` and `null` in `summary.json`, at the
/// same places; every rate too few to judge is marked in each of them.
@Suite struct EveryRendererTests {
  /// A deals-only export of October 2026 (no leads export, so every lead figure is unknown):
  /// D1 ($1,000) and D2 ($500) won by Ana with no source and no lead, so in no channel; D3
  /// lost by Ana from a customer referral; D4 lost by Ben from the web. September is empty.
  static let result: AttributionResult = {
    let deals = """
      deal_id,stage,amount,closed_at,owner,source
      D1,won,1000.00,2026-10-05,Ana,
      D2,won,500.00,2026-10-06,Ana,
      D3,lost,50.00,2026-10-07,Ana,Customer Referral
      D4,lost,20.00,2026-10-08,Ben,Web

      """
    let data = try! Dataset.importing([.deals: deals])
    return Attributor.attribute(data, options: AttributionOptions(period: Period(month: Month(year: 2026, month: 10)!)))
  }()

  /// Each output of the result, as the run writes them.
  struct Outputs {
    var markdown: String
    var html: String
    var json: [String: Any]
    var tables: [String: [UInt8]]

    init(_ result: AttributionResult) throws {
      let document = ReportBuilder.build(result)
      markdown = MarkdownRenderer.render(document)
      html = HTMLRenderer.render(document)
      json = try #require(JSONSerialization.jsonObject(with: Data(JSONRenderer.bytes(result))) as? [String: Any])
      tables = Dictionary(uniqueKeysWithValues: TableFiles.files(document).map { ($0.path, $0.bytes) })
    }

    /// The rows of `tables/<id>.csv` under its header, with and without the note columns.
    func csv(_ id: String) throws -> (header: [String], rows: [[String]]) {
      var rows: [[String]] = []
      _ = try CSVReader.read(bytes: try #require(tables["tables/\(id).csv"])) { batch in
        for row in batch.rows { rows.append(batch.strings(of: row)) }
      }
      return (rows[0], Array(rows.dropFirst()))
    }

    /// The cells of the first table under the Markdown heading `title`, footer bold removed.
    func markdownRows(_ title: String) -> [[String]] {
      let section = markdown.components(separatedBy: "\n## \(title)\n")[1].components(separatedBy: "\n## ")[0]
      let lines = section.split(separator: "\n").filter { $0.hasPrefix("| ") }.dropFirst(2)
      return lines.map { line in
        line.dropFirst(2).dropLast(2).components(separatedBy: " | ").map { $0.replacingOccurrences(of: "**", with: "") }
      }
    }

    /// The cells of the first table of the HTML section `id`, body and footer rows.
    func htmlRows(_ id: String) -> [[String]] {
      let section = html.components(separatedBy: "id=\"\(id)\"")[1]
      let table = section.components(separatedBy: "</table>")[0]
      return table.components(separatedBy: "<tr>").dropFirst(2).map { row in
        row.components(separatedBy: "</td>").dropLast().map { cell in
          // The cell's text without its tags (a note is in a <small> of its own).
          String(cell[cell.index(after: cell.firstIndex(of: ">")!)...]).replacing(/<[^>]*>/, with: "")
        }
      }
    }
  }

  /// The table's cells without its note columns and the columns a cell's further figures and
  /// units take (`Leads: share (fraction)`, `Change: unit`): one column per report column, with
  /// the notes of each row apart.
  func figures(_ csv: (header: [String], rows: [[String]])) -> (header: [String], rows: [[String]], notes: [[String]]) {
    let kept = csv.header.indices.filter { !csv.header[$0].contains(": ") }
    let notes = csv.header.indices.filter { csv.header[$0].hasSuffix(": note") }
    return (kept.map { csv.header[$0] }, csv.rows.map { row in kept.map { row[$0] } }, csv.rows.map { row in notes.map { row[$0] } })
  }

  /// n/a in Markdown is n/a in HTML and an empty cell in `tables/`, cell for cell.
  @Test(arguments: [("Headlines", "headlines"), ("Channels", "channels"), ("Rep scorecards", "scorecards")])
  func theReportAndTablesShowUnknownsAtTheSamePlaces(title: String, id: String) throws {
    let out = try Outputs(Self.result)
    let table = figures(try out.csv(id))
    let markdown = out.markdownRows(title)
    let html = out.htmlRows(id)
    #expect(markdown.count == table.rows.count && html.count == table.rows.count)
    var unknowns = 0
    for (row, (md, web)) in zip(table.rows, zip(markdown, html)) {
      for (index, cell) in row.enumerated() {
        let unknown = md[index] == Format.notAvailable
        #expect(unknown == web[index].hasPrefix(Format.notAvailable), "\(id) \(row[0]) \(table.header[index])")
        #expect(cell.isEmpty == (unknown || md[index].isEmpty), "\(id) \(row[0]) \(table.header[index]): \(cell) vs \(md[index])")
        if unknown { unknowns += 1 }
      }
    }
    #expect(unknowns > 0)
  }

  /// Each unknown of the channel table is `null` in summary.json, and each `null` is empty in
  /// the table: leads and lead conversion (no leads export), the win rate of nothing closed.
  @Test func channelUnknownsAreNullWhereTheTableIsEmpty() throws {
    let out = try Outputs(Self.result)
    let table = figures(try out.csv("channels"))
    let keys: [String: String] = [
      "Leads": "leads", "Won": "won", "Lost": "lost", ReportBuilder.winRateTitle + " (fraction)": "win_rate",
      ReportBuilder.conversionTitle + " (fraction)": "lead_conversion", "Revenue (USD)": "revenue", "Average deal = revenue ÷ won (USD)": "average_deal",
      "Sales cycle, median (days)": "sales_cycle_days",
    ]
    let channels = try #require(out.json["channels"] as? [[String: Any]])
    let rows = channels + [try #require(out.json["referral_channels"] as? [String: Any]), try #require(out.json["totals"] as? [String: Any])]
    #expect(rows.count == table.rows.count)
    var nulls = 0
    for (row, object) in zip(table.rows, rows) {
      for (index, title) in table.header.enumerated() {
        guard let key = keys[title] else { continue }
        let isNull = object[key] is NSNull
        #expect(isNull == row[index].isEmpty, "\(row[0]) \(key)")
        if isNull { nulls += 1 }
      }
    }
    // Rows Unknown, Referral, Web, All referral channels, Total: leads and lead conversion in
    // all five (no leads export); the sales cycle in all five (D1 and D2, the only wins, have
    // neither a lead nor a creation date); the average deal where nothing was won (Referral,
    // Web, All referral channels): 5 + 5 + 5 + 3 = 18.
    #expect(nulls == 18)
  }

  /// The deals-only rep scorecard: leads n/a, not 0; Ana's wins are in no channel, so her
  /// referral share of wins is n/a, `null`, and empty, with no counts beside it in JSON.
  @Test func repLeadsWithoutALeadsExportAreNullNotZero() throws {
    let out = try Outputs(Self.result)
    let reps = try #require(out.json["rep_scorecards"] as? [[String: Any]])
    let ana = try #require(reps.first { $0["owner"] as? String == "Ana" })
    #expect(ana["leads"] is NSNull && ana["referral_leads"] is NSNull)
    #expect(ana["referral_share_of_wins"] is NSNull && ana["referral_share_of_wins_base"] is NSNull)
    let table = figures(try out.csv("scorecards"))
    let row = try #require(table.rows.first { $0[0] == "Ana" })
    #expect(Array(row[1...2]) == ["", ""])
    #expect(row[table.header.firstIndex(of: "Referral share of wins (fraction)")!] == "")
  }

  /// A section attribution says cannot be computed is a note in the report and `null` in
  /// summary.json: without a leads export, every section that counts leads or referrers.
  @Test(arguments: [
    ("Referrals per rep", "referrals_per_rep"), ("Top referrers", "top_referrers"), ("Referral chains", "referral_chains"),
    ("Thank-you discipline", "thank_yous"), ("Who to ask next", "ask_list"), ("Advocates", "advocates"), ("Who refers", "referrer_types"),
  ])
  func aSectionThatCannotBeComputedSaysSoInEveryOutput(title: String, key: String) throws {
    let out = try Outputs(Self.result)
    #expect(out.markdown.contains("## \(title)\n\n_No leads export was given, so this cannot be computed._\n"))
    #expect(out.json[key] is NSNull)
  }

  /// No won deal has a channel: the referral share of wins is n/a in the headline and in the
  /// channel table's referral row alike (it read 0 (0.0%) there), `null` in JSON.
  @Test func theReferralShareOfWinsIsOneAnswer() throws {
    let out = try Outputs(Self.result)
    #expect(out.markdown.contains("| Referral share of won deals | n/a |"))
    #expect(out.markdown.contains("| **All referral channels** | **yes** | **n/a** | **0** | **1** |"))
    let referral = try #require(out.json["referral_channels"] as? [String: Any])
    #expect(referral["win_share"] is NSNull && referral["win_share_base"] is NSNull)
    let share = try #require(out.json["referral_share"] as? [String: Any])
    #expect(share["wins"] is NSNull)
  }

  /// The Unknown channel won 2 of 2 closed deals: 100.0%, too few to judge at the default
  /// minimum of 10, said beside the figure in the report, in the note column of `tables/`
  /// (the figure's own cell stays a number), and as counts with a flag in summary.json.
  @Test func aRateOnTooFewCasesIsMarkedInEveryOutput() throws {
    let out = try Outputs(Self.result)
    #expect(out.markdown.contains("| Unknown | no | n/a | 2 (100.0%) (too few to judge: 2 won deals) | 0 | 100.0% (too few to judge: 2 closed deals) |"))
    #expect(out.html.contains(">100.0% <small class=\"marker\">(too few to judge: 2 closed deals)</small></td>"))
    let table = try out.csv("channels")
    let row = try #require(table.rows.first { $0[0] == "Unknown" })
    let rate = try #require(table.header.firstIndex(of: ReportBuilder.winRateTitle + " (fraction)"))
    #expect((row[rate], table.header[rate + 1], row[rate + 1]) == ("1", ReportBuilder.winRateTitle + ": note", "too few to judge: 2 closed deals"))
    let channels = try #require(out.json["channels"] as? [[String: Any]])
    let unknown = try #require(channels.first { $0["channel"] as? String == "Unknown" })
    #expect(unknown["win_rate"] as? Double == 1)
    let base = try #require(unknown["win_rate_base"] as? [String: Any])
    #expect(base["count"] as? Int == 2 && base["of"] as? Int == 2 && base["too_few"] as? Bool == true)
    // Its share of revenue ($1,000 + $500 of $1,500) rests on the same 2 won deals.
    #expect(out.markdown.contains("| $1,500.00 (100.0%) (too few to judge: 2 won deals) |"))
    let revenue = try #require(unknown["revenue_share_base"] as? [String: Any])
    #expect(revenue["of"] as? Int == 2 && revenue["too_few"] as? Bool == true)
  }
}
