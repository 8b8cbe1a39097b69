import CSVStream
import ReferralAttribution
import ReferralCore
import TestSupport
import Testing

@testable import ReferralRender

@Suite struct FormatTests {
  @Test func money() {
    #expect(Format.money(Money(minorUnits: 8_125_050), currency: MoneyStyle(currency: "USD")) == "$81,250.50")
    #expect(Format.money(Money(minorUnits: -123_450), currency: MoneyStyle(currency: "EUR")) == "-€1,234.50")
    #expect(Format.money(Money(minorUnits: 5), currency: MoneyStyle(currency: "CHF")) == "CHF 0.05")
    #expect(Format.money(nil, currency: MoneyStyle(currency: "USD")) == "n/a")
  }

  /// A comma before every group of three digits, the later groups padded (`1,000,007`), the
  /// cents always two digits: the amounts at each boundary, and a count the same way.
  @Test(arguments: [
    (Int64(0), "$0.00"), (99_999, "$999.99"), (100_000, "$1,000.00"), (100_700, "$1,007.00"),
    (99_999_999, "$999,999.99"), (100_000_701, "$1,000,007.01"), (-100_000_000, "-$1,000,000.00"),
    (Int64.max, "$92,233,720,368,547,758.07"),
  ])
  func moneyGroupsThousands(minorUnits: Int64, text: String) {
    #expect(Format.money(Money(minorUnits: minorUnits), currency: MoneyStyle(currency: "USD")) == text)
  }

  @Test func countsGroupThousands() {
    #expect(Format.count(0) == "0")
    #expect(Format.count(999) == "999")
    #expect(Format.count(1_000) == "1,000")
    #expect(Format.count(-1_234_005) == "-1,234,005")
    #expect(Format.count(nil) == "n/a")
  }

  /// With a locale, money is written its way (Foundation's currency format; the space before
  /// the euro sign is a no-break space).
  @Test func moneyInALocale() {
    #expect(Format.money(Money(minorUnits: 8_907_086), currency: MoneyStyle(currency: "EUR", locale: "de-DE")) == "89.070,86\u{A0}€")
    #expect(Format.money(Money(minorUnits: 8_907_086), currency: MoneyStyle(currency: "EUR", locale: "en-GB")) == "€89,070.86")
    #expect(Format.money(Money(minorUnits: -123_450), currency: MoneyStyle(currency: "EUR", locale: "de-DE")) == "-1.234,50\u{A0}€")
    #expect(Format.money(nil, currency: MoneyStyle(currency: "EUR", locale: "de-DE")) == "n/a")
  }

  /// ROI is a percentage of the cost: all of it lost is -100%, not -1.00×.
  @Test func roiIsAPercentage() {
    #expect(Format.roi(-1) == "-100%")
    #expect(Format.roi(1.4) == "140%")
    #expect(Format.roi(29) == "2900%")
    #expect(Format.roi(nil) == "n/a")
  }

  @Test func ratesAndChanges() {
    #expect(Format.rate(0.41) == "41.0%")
    #expect(Format.rate(2.0 / 3.0) == "66.7%")
    #expect(Format.rate(nil) == "n/a")
    #expect(Format.pointChange(0.45, 0.41) == "+4.0 pts")
    #expect(Format.pointChange(0.41, 0.41) == "±0.0 pts")
    #expect(Format.relativeChange(110, 100) == "+10.0%")
    #expect(Format.relativeChange(5, 0) == "new")
    #expect(Format.days(20.5) == "20.5")
    #expect(Format.days(21) == "21")
  }

  /// No double traps a formatter: NaN and the infinities (a share divided by a zero target)
  /// read n/a, and a value past Int64 is written out whole (1e19 is 1 and nineteen zeros, 1e300
  /// three hundred and one digits).
  @Test func everyDoubleFormats() {
    #expect(Format.rate(.nan) == "n/a")
    #expect(Format.rate(.infinity) == "n/a")
    #expect(Format.rate(-.infinity) == "n/a")
    #expect(Format.roi(.nan) == "n/a")
    #expect(Format.days(.infinity) == "n/a")
    #expect(Format.days(.nan) == "n/a")
    #expect(Format.pointChange(.infinity, 0.41) == "n/a")
    #expect(Format.relativeChange(.nan, 1) == "n/a")
    #expect(Format.days(1e19) == "10000000000000000000")
    #expect(Format.rate(1e17) == "10000000000000000000.0%")
    #expect(Format.roi(-1e308) == "n/a")  // × 100 is -infinity
    #expect(Format.fixed(1e300, decimals: 0).count == 301)
    #expect(Format.fixed(9.2e18, decimals: 0) == "9200000000000000000")
    #expect(Format.fixed(-2.5, decimals: 0) == "-3")
  }

  /// The too-few marker and the n/a of a section, each worded once: 1 won deal is singular.
  @Test func tooFewAndCannotCompute() {
    #expect(Format.judged(Rate(1, of: 1, .wonDeals)) == "100.0% (too few to judge: 1 won deal)")
    #expect(Format.judged(Rate(3, of: 12, .closedDeals)) == "25.0%")
    #expect(Format.judged(Rate(0, of: 0, .leads)) == "n/a")
    #expect(Format.cannotCompute(.noLeadsExport) == "No leads export was given, so this cannot be computed.")
    #expect(Format.cannotCompute(.undated) == "The exports hold no dates, so this cannot be computed.")
  }
}

@Suite struct MarkdownTests {
  @Test(arguments: [
    ("<script>alert(1)</script>", "\\<script\\>alert(1)\\</script\\>"),
    ("A|B *bold* _it_", "A\\|B \\*bold\\* \\_it\\_"),
    ("Line\nbreak", "Line break"),
    ("", "(empty)"),
    ("[link](http://x)", "\\[link\\](http://x)"),
    ("- not a list", "\\- not a list"),
    ("EMP-8", "EMP-8"),
  ])
  func crmTextNeverBecomesMarkup(text: String, escaped: String) {
    #expect(MarkdownRenderer.escape(text) == escaped)
  }

  @Test func tablesAlignNumbersRightAndSetTotalsApart() {
    let table = Table(columns: [.init("Channel", .left), .init("Leads")], rows: [[.data("Web|Site"), .plain("3")]], footer: [[.plain("Total"), .plain("3")]])
    #expect(MarkdownRenderer.render(table) == "| Channel | Leads |\n| :--- | ---: |\n| Web\\|Site | 3 |\n| **Total** | **3** |\n")
  }

  /// A reference to a section is a link to its heading: GitHub's anchor in Markdown (lower
  /// case, hyphens for spaces, punctuation dropped), the section's id in HTML.
  @Test func crossReferencesAreLinks() {
    let text = Text([.plain("see "), .section(title: "Does thanking pay?", id: "thank-you-effect")])
    #expect(MarkdownRenderer.inline(text) == "see [Does thanking pay?](#does-thanking-pay)")
    #expect(MarkdownRenderer.anchor("Thank-you discipline") == "thank-you-discipline")
    #expect(HTMLRenderer.inline(text).map(\.rendered).joined() == "see <a href=\"#thank-you-effect\">Does thanking pay?</a>")
  }

  /// Every section an action or note links to exists in the report, under the title the link
  /// names, so no cross-reference leads nowhere.
  @Test func everyCrossReferenceNamesASectionOfTheReport() {
    let document = ReportBuilder.build(SectionTests.result)
    var targets: [(title: String, id: String)] = []
    for section in document.sections {
      for block in section.blocks {
        let texts: [Text] =
          switch block {
          case .list(let items): items
          case .linkedNote(let text): [text]
          default: []
          }
        for part in texts.flatMap(\.parts) { if case .section(let title, let id) = part { targets.append((title, id)) } }
      }
    }
    #expect(!targets.isEmpty)
    for target in targets { #expect(document.sections.contains { $0.id == target.id && $0.title == target.title }, "\(target)") }
  }
}

@Suite struct JSONTests {
  /// A draining writer hands on the bytes a writer kept whole would give: in pieces of whole
  /// 4 KiB blocks once enough are written (only the first `count` of each buffer), the rest
  /// with the final newline at the end.
  @Test func aDrainingWriterHandsOnTheBytesOfAWholeOneInBlocks() {
    let company = String(repeating: "Zephyr Studio, Ltd ", count: 2)
    func write(_ json: inout JSONWriter) {
      json.object { json in
        json.key("leads")
        json.array(0..<3_000) { json, number in
          json.object { json in
            json.member("id", .int(number))
            json.member("company", .string(company))
          }
        }
      }
    }
    var whole = JSONWriter()
    write(&whole)
    let expected = whole.finished()
    var pieces: [[UInt8]] = []
    let every = 1 << 16
    var draining = JSONWriter(every: every) { bytes, count in pieces.append(Array(bytes[..<count])) }
    write(&draining)
    draining.drainRest()
    #expect(expected.count > 2 * every)
    #expect(pieces.count == expected.count / every + 1)
    #expect(pieces.dropLast().allSatisfy { $0.count % 4096 == 0 && $0.count >= every - 4096 })
    #expect(Array(pieces.joined()) == expected)
  }

  @Test func unknownFiguresAreNullAndMoneyHasTwoDecimals() {
    var json = JSONWriter()
    json.object { json in
      json.key("rate")
      json.number(nil)
      json.key("money")
      json.money(Money(minorUnits: 8_125_000))
      json.key("debt")
      json.money(Money(minorUnits: -5))
      json.key("share")
      json.number(0.25)
      json.key("whole")
      json.number(21)
      json.key("count")
      json.int(-1_234_567_890_123)
      json.key("day")
      json.day(Day(year: 987, month: 3, day: 4))
      json.key("text")
      json.string("a\"b\n\u{1}\u{1F}\u{2028}")
      json.key("list")
      json.array([Int]()) { json, value in json.int(value) }
      json.key("nested")
      json.array([[1, 2], []]) { json, values in
        json.array(values) { json, value in json.int(value) }
      }
      json.key("empty")
      json.object { _ in }
    }
    #expect(
      String(decoding: json.finished(), as: UTF8.self) == """
        {
          "rate": null,
          "money": 81250.00,
          "debt": -0.05,
          "share": 0.25,
          "whole": 21,
          "count": -1234567890123,
          "day": "0987-03-04",
          "text": "a\\"b\\n\\u0001\\u001f\\u2028",
          "list": [],
          "nested": [
            [
              1,
              2
            ],
            []
          ],
          "empty": {}
        }

        """)
  }
}

/// One question, one answer: every output says the same about the fees outstanding.
@Suite struct FeesAnswerTests {
  /// L1, referred by R1, won D1 for $1,000 in October; with `payouts`, a payouts export of no
  /// rows (nothing paid yet).
  static func result(payouts: Bool) throws -> AttributionResult {
    let leads = """
      lead_id,created_at,source,referrer_id
      L1,2026-10-05,Referral,R1

      """
    let deals = """
      deal_id,lead_id,stage,amount,closed_at
      D1,L1,won,1000.00,2026-10-20

      """
    var exports: [InputRole: String] = [.leads: leads, .deals: deals]
    if payouts { exports[.payouts] = "payout_id,paid_at,referrer_id,deal_id,kind,amount\n" }
    var options = AttributionOptions(period: Period(month: Month(year: 2026, month: 10)!))
    options.feeRules = ["Referral": FeeRule(perWonDeal: Money(minorUnits: 10_000))]
    return Attributor.attribute(try Dataset.importing(exports), options: options)
  }

  /// Without payouts nothing is known to be paid, so nothing is known to be outstanding: not
  /// in the actions (which said "1 won referred deal with a referral fee outstanding"), not
  /// in the fees section, not in summary.json.
  @Test func withoutPayoutsNoOutputCallsAFeeOutstanding() throws {
    let result = try Self.result(payouts: false)
    let document = ReportBuilder.build(result)
    let markdown = MarkdownRenderer.render(document)
    let json = String(decoding: JSONRenderer.bytes(result), as: UTF8.self)
    #expect(!markdown.contains("outstanding, "))
    #expect(markdown.contains("| Unpaid fee backlog: outstanding on every deal won to date | n/a |"))
    #expect(markdown.contains("| Fees still owed on the period's won deals | n/a (no payouts export) |"))
    #expect(!HTMLRenderer.render(document).contains("fee outstanding"))
    #expect(json.contains("\"outstanding\": null") && json.contains("\"outstanding_on_period_deals\": null"))
  }

  /// With payouts (none of them for D1), the one fee of $100.00 is outstanding everywhere.
  @Test func withPayoutsEveryOutputNamesTheSameOutstandingFee() throws {
    let result = try Self.result(payouts: true)
    let document = ReportBuilder.build(result)
    let markdown = MarkdownRenderer.render(document)
    let json = String(decoding: JSONRenderer.bytes(result), as: UTF8.self)
    #expect(markdown.contains("**1** won referred deal with a referral fee outstanding, **$100.00** in all"))
    // D1 was won in the period: the backlog and the period's deals owe the same $100.00.
    #expect(markdown.contains("| Unpaid fee backlog: outstanding on every deal won to date | $100.00 |"))
    #expect(markdown.contains("| Fees still owed on the period's won deals | $100.00 |"))
    #expect(HTMLRenderer.render(document).contains("won referred deal with a referral fee outstanding"))
    #expect(json.contains("\"outstanding\": 100") && json.contains("\"outstanding_on_period_deals\": 100"))
  }
}
