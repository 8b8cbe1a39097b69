import CSVStream
import ReferralCore

/// Reads one date column of one file and decides its format from all of its values.
///
/// Values are read as they stream by; slashed ones are provisionally read month-first. At the
/// end of the file ``resolve()`` says whether that reading stands, must be swapped to day-first
/// for the whole column, or cannot be decided (every value fits both readings).
struct DateColumn {
  /// How the values read so far must be corrected once the column is known.
  enum Resolution: Equatable {
    case asRead
    /// Day-first after all: swap day and month of every value whose day is at most 12.
    case swapDayAndMonth
  }

  let field: Field
  /// The input the column is in: its format is set under `[formats.<role>]`.
  let role: InputRole
  let header: String
  let configured: DateFormat?
  private var monthFirstFits = true
  private var dayFirstFits = true
  private var sawBothReadings = false
  private var monthFirstOnlyLine: Int?
  private var dayFirstOnlyLine: Int?
  private var example: String?
  /// The last value read, while it was a date of 8 to 16 bytes (its first and last eight bytes
  /// then hold all of it), and its day: an export sorted by date repeats a value row after row
  /// (ten thousand leads a day at 10M), and reading one again changes nothing above.
  private var last: (count: Int, first: UInt64, end: UInt64, day: Day)?

  init(field: Field, role: InputRole, header: String, configured: DateFormat?) {
    self.field = field
    self.role = role
    self.header = header
    self.configured = configured
  }

  /// The provisional day of `bytes`, or the reason it is not a date.
  /// `as`: the field a bad value is named as, when the reader serves a second column.
  mutating func read(_ bytes: ByteView, line: Int, as named: Field? = nil) -> Result<Day, RowProblem> {
    guard (8...16).contains(bytes.count) else { return readAnew(bytes, line: line, as: named) }
    let (first, end) = bytes.edgeWords
    if let last, last.count == bytes.count, last.first == first, last.end == end { return .success(last.day) }
    let read = readAnew(bytes, line: line, as: named)
    if case .success(let day) = read { last = (bytes.count, first, end, day) }
    return read
  }

  private mutating func readAnew(_ bytes: ByteView, line: Int, as named: Field?) -> Result<Day, RowProblem> {
    let field = named ?? field
    if let configured {
      guard let day = DateReader.read(bytes, as: configured) else {
        return .failure(.badDate(field, bytes.string, expected: configured.rawValue))
      }
      return .success(day)
    }
    switch DateReader.read(bytes) {
    case .exact(let day, _):
      return .success(day)
    case .invalid:
      return .failure(.badDate(field, bytes.string, expected: nil))
    case .slashed(let a, let b, let year):
      let monthFirst = Day(year: year, month: a, day: b)
      let dayFirst = Day(year: year, month: b, day: a)
      if monthFirst == nil && dayFirst == nil { return .failure(.badDate(field, bytes.string, expected: nil)) }
      if monthFirst == nil {
        monthFirstFits = false
        dayFirstOnlyLine = dayFirstOnlyLine ?? line
      }
      if dayFirst == nil {
        dayFirstFits = false
        monthFirstOnlyLine = monthFirstOnlyLine ?? line
      }
      if monthFirst != nil, dayFirst != nil, a != b, example == nil {
        sawBothReadings = true
        example = bytes.trimmed.string
      }
      return .success(monthFirst ?? dayFirst!)
    }
  }

  /// Where the config sets this column's format.
  private var setting: DateSetting { DateSetting(role: role.rawValue, field: field.rawValue) }

  /// The column's format, decided from every value read.
  func resolve(file: String) throws(ImportError) -> Resolution {
    switch (monthFirstFits, dayFirstFits) {
    case (true, true):
      if sawBothReadings {
        throw .ambiguousDates(file: file, column: header, setting: setting, example: example ?? "")
      }
      return .asRead
    case (true, false): return .asRead
    case (false, true): return .swapDayAndMonth
    case (false, false):
      throw .mixedDates(file: file, column: header, setting: setting, monthFirstLine: monthFirstOnlyLine ?? 0, dayFirstLine: dayFirstOnlyLine ?? 0)
    }
  }
}

extension DateColumn.Resolution {
  /// Corrects one provisionally read day.
  func apply(_ day: Day) -> Day {
    guard self == .swapDayAndMonth else { return day }
    let c = day.components
    guard c.day <= 12 else { return day }  // read day-first already: no month-first reading existed
    return Day(year: c.year, month: c.day, day: c.month)!
  }
}
