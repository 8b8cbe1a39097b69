import ReferralCore

/// Excel's date serial numbers as text the importer reads: `2026-10-31`, or `2026-10-31 14:05:00`
/// when the value has a time of day.
///
/// A serial counts days from the workbook's epoch: 1899-12-30 in the 1900 system (so that the
/// serials after Excel's phantom 29 February 1900 come out right), 1904-01-01 in the 1904
/// system. Times are the fraction of a day, rounded to the second.
enum ExcelDate {
  /// The text of `serial`, or `nil` when it is no date (negative, beyond year 9999, or the
  /// 1900 system's phantom 29 February 1900).
  static func text(serial: Double, date1904: Bool) -> String? {
    guard serial >= 0, serial < 2_958_466, date1904 || serial < 60 || serial >= 61 else { return nil }
    var seconds = Int((serial * 86_400).rounded())
    var days = seconds / 86_400
    seconds %= 86_400
    // The 1900 system counts a 29 February 1900 that never was: the days before it are one
    // day later than the epoch says (day 1 is 1900-01-01).
    if !date1904, serial < 60 { days += 1 }
    let date = Day(ordinal: Int32(days + (date1904 ? epoch1904 : epoch1900))).description
    guard seconds > 0 else { return date }
    return "\(date) \(pad(seconds / 3600, 2)):\(pad(seconds / 60 % 60, 2)):\(pad(seconds % 60, 2))"
  }

  /// Days from 1970-01-01 to 1899-12-30 and to 1904-01-01.
  static let epoch1900 = -25_569
  static let epoch1904 = -24_107

  private static func pad(_ value: Int, _ width: Int) -> String {
    let text = String(value)
    return String(repeating: "0", count: max(0, width - text.count)) + text
  }
}
