import ReferralCore
import Testing

@testable import ReferralImport

@Suite struct DateReaderTests {
  static let exact: [(String, String, DateFormat)] = [
    ("2026-10-31", "2026-10-31", .iso),
    ("2026-10-31T14:05:00Z", "2026-10-31", .iso),
    ("2026-10-31T23:30:00-05:00", "2026-10-31", .iso),
    ("2026-10-31 14:05:00+0200", "2026-10-31", .iso),
    ("2026-10-31T14:05:00.123Z", "2026-10-31", .iso),
    ("2026/10/31", "2026-10-31", .iso),
    ("31.10.2026", "2026-10-31", .dotted),
    ("31.10.2026 14:05", "2026-10-31", .dotted),
    (" 2026-1-5 ", "2026-01-05", .iso),
  ]

  @Test(arguments: exact)
  func readsUnambiguousShapes(text: String, iso: String, format: DateFormat) {
    #expect(DateReader.read(text) == .exact(Day(iso: iso)!, format))
  }

  @Test(arguments: [("10/31/2026", 10, 31), ("10/31/2026 2:05 PM", 10, 31), ("03/04/2026 11:59 am", 3, 4)])
  func leavesSlashedDatesToTheColumn(text: String, a: Int, b: Int) {
    #expect(DateReader.read(text) == .slashed(a: a, b: b, year: 2026))
  }

  @Test(arguments: ["", "yesterday", "2026-13-01", "2026-02-30", "31.02.2026", "10/31/26", "2026-10-31T25:00", "10/31/2026 13:00 PM", "2026-10-31X"])
  func rejectsWhatIsNotADate(text: String) {
    #expect(DateReader.read(text) == .invalid)
  }

  @Test func aConfiguredFormatIsReadWithoutGuessing() {
    #expect(DateReader.read("03/04/2026", as: .dayMonthYear) == Day(iso: "2026-04-03"))
    #expect(DateReader.read("03/04/2026", as: .monthDayYear) == Day(iso: "2026-03-04"))
    #expect(DateReader.read("2026-03-04", as: .monthDayYear) == nil)
  }
}

@Suite struct DateColumnTests {
  func read(_ values: [String]) -> (DateColumn, [Day?]) {
    var column = DateColumn(field: .createdAt, role: .leads, header: "Created", configured: nil)
    let days = values.enumerated().map { index, value in
      try? column.read(value, line: index + 2).get()
    }
    return (column, days)
  }

  @Test func repeatedValuesReadAgainGiveTheSameDayAndChangesAreSeen() {
    let values = ["2026-10-05", "2026-10-05", "2026-10-06", "2026-10-06 09:30", "2026-10-06", "2026-10-0x", "2026-10-06T09:30:00Z"]
    let (_, days) = read(values)
    #expect(
      days == [
        Day(iso: "2026-10-05"), Day(iso: "2026-10-05"), Day(iso: "2026-10-06"), Day(iso: "2026-10-06"),
        Day(iso: "2026-10-06"), nil, Day(iso: "2026-10-06"),
      ])
  }

  /// A value read again is the day it was (the column remembers its last date), a value that
  /// differs from it only in its last bytes is read anew, and a repeated slashed value is
  /// corrected with the others once the column is resolved.
  @Test func aRepeatedValueIsTheSameDayAndIsCorrectedWithTheColumn() throws {
    let values = [
      "03/04/2026", "03/04/2026", "13/04/2026", "03/04/2026", "2026-10-0x", "2026-10-0x", "2026-10-06T09:30:00.000Z",
      "2026-10-06T09:30:00.000Z", "2026-10-01", "2026-10-02",
    ]
    let (column, days) = read(values)
    let provisional = [Day(iso: "2026-03-04"), Day(iso: "2026-03-04"), Day(iso: "2026-04-13"), Day(iso: "2026-03-04"), nil, nil]
    #expect(Array(days.prefix(6)) == provisional)
    // 24 bytes, past what the column remembers: read anew, the same day.
    #expect(days[6] == Day(iso: "2026-10-06") && days[7] == days[6])
    // The same first eight bytes, another last byte: another day.
    #expect(days[8] == Day(iso: "2026-10-01") && days[9] == Day(iso: "2026-10-02"))
    // 13/04 is day-first only: every 03/04 becomes the 3rd of April.
    let resolution = try column.resolve(file: "leads.csv")
    #expect(resolution == .swapDayAndMonth)
    #expect(days[1].map(resolution.apply) == Day(iso: "2026-04-03"))
  }

  @Test func aColumnWithADayAbove12IsDayFirst() throws {
    let (column, days) = read(["03/04/2026", "25/12/2026"])
    let fix = try column.resolve(file: "x.csv")
    #expect(fix == .swapDayAndMonth)
    #expect(days.map { fix.apply($0!) } == [Day(iso: "2026-04-03"), Day(iso: "2026-12-25")])
  }

  @Test func aColumnWithAMonthDayAbove12IsMonthFirst() throws {
    let (column, days) = read(["03/04/2026", "12/25/2026"])
    #expect(try column.resolve(file: "x.csv") == .asRead)
    #expect(days == [Day(iso: "2026-03-04"), Day(iso: "2026-12-25")])
  }

  @Test func aColumnThatFitsBothReadingsIsAnError() {
    let (column, _) = read(["03/04/2026", "05/06/2026"])
    #expect(throws: ImportError.ambiguousDates(file: "x.csv", column: "Created", setting: .init(role: "leads", field: "created_at"), example: "03/04/2026")) {
      try column.resolve(file: "x.csv")
    }
    #expect(
      ImportError.ambiguousDates(file: "x.csv", column: "Created", setting: .init(role: "leads", field: "created_at"), example: "03/04/2026").description
        .contains("set its format"))
  }

  @Test func sameDayAndMonthIsNotAmbiguous() throws {
    let (column, _) = read(["04/04/2026", "07/07/2026"])
    #expect(try column.resolve(file: "x.csv") == .asRead)
  }

  @Test func aColumnMixingBothOrdersIsAnError() {
    let (column, _) = read(["25/12/2026", "12/25/2026"])
    #expect(
      throws: ImportError.mixedDates(file: "x.csv", column: "Created", setting: .init(role: "leads", field: "created_at"), monthFirstLine: 3, dayFirstLine: 2)
    ) {
      try column.resolve(file: "x.csv")
    }
  }
}
