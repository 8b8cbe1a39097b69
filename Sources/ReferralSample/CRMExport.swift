import CSVStream
import Foundation
import ReferralCore
import ReferralImport
import ReferralPipeline

/// Rewrites generic leads and deals exports as a CRM would export the same data: its headers,
/// date and number styles, stage values, encoding and delimiter, and its report footers.
///
/// - Salesforce: an Excel "Unicode Text" save of a report (UTF-16LE, tab-separated), US dates
///   with times, `1,234.50` amounts, the report's footer lines.
/// - HubSpot: UTF-8 with a byte-order mark, ISO timestamps, internal stage ids (`closedwon`).
/// - Pipedrive: semicolon-separated with decimal commas and `31.10.2026` dates, won/lost/open
///   status.
package struct CRMExport: Sendable {
  package let preset: Preset

  package init(preset: Preset) {
    precondition(preset != .generic, "the generic layout needs no conversion")
    self.preset = preset
  }

  /// Converts `leads.csv` and `deals.csv` of `genericFolder` into `folder`.
  package func convert(genericFolder: String, to folder: String) throws {
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    for role in [InputRole.leads, .deals] {
      let rows = try readRows(genericFolder + "/\(role.rawValue).csv")
      try write(role: role, rows: rows, to: folder + "/\(role.rawValue).csv")
    }
  }

  private func readRows(_ path: String) throws -> [[String]] {
    var rows: [[String]] = []
    _ = try CSVReader.read(path: path) { batch in
      for row in batch.rows { rows.append(batch.strings(of: row)) }
    }
    return rows
  }

  private func write(role: InputRole, rows: [[String]], to path: String) throws {
    guard !rows.isEmpty else { return }
    let rows = role == .deals && preset.columns.names(.lostAt, role: .deals) ? Self.lostDatesApart(rows) : rows
    let header = rows[0]
    let fields = header.map { Field(rawValue: $0) }
    let columns = preset.columns
    let delimiter = dialect.delimiter
    var text = CSVWriting.record(header.indices.map { i in fields[i].map { columns.primaryHeader(for: $0, role: role) } ?? header[i] }, delimiter: delimiter)
    for row in rows.dropFirst() {
      let converted = row.indices.map { i in fields[i].map { convert(row[i], field: $0, id: row[0]) } ?? row[i] }
      text += CSVWriting.record(converted, delimiter: delimiter)
    }
    for line in dialect.footer {
      text += line.isEmpty ? "\r\n" : CSVWriting.record([line.replacingOccurrences(of: "{count}", with: String(rows.count - 1))], delimiter: delimiter)
    }
    let bytes: [UInt8]
    switch dialect.encoding {
    case .utf16LittleEndian: bytes = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    case .utf8WithByteOrderMark: bytes = [0xEF, 0xBB, 0xBF] + Array(text.utf8)
    case .utf8: bytes = Array(text.utf8)
    }
    try Data(bytes).write(to: URL(fileURLWithPath: path))
  }

  /// `rows` with the lost deals' close dates moved to a `lost_at` column of their own, as
  /// Pipedrive writes its Won time and Lost time.
  private static func lostDatesApart(_ rows: [[String]]) -> [[String]] {
    let header = rows[0]
    guard let closed = header.firstIndex(of: Field.closedAt.rawValue), let stage = header.firstIndex(of: Field.stage.rawValue) else { return rows }
    return [header + [Field.lostAt.rawValue]]
      + rows.dropFirst().map { row in
        guard row[stage].lowercased().hasSuffix("lost") else { return row + [""] }
        var row = row
        let day = row[closed]
        row[closed] = ""
        return row + [day]
      }
  }

  private var dialect: ExportDialect { preset.definition.dialect }

  private func convert(_ value: String, field: Field, id: String) -> String {
    guard !value.isEmpty else { return value }
    switch field {
    case .createdAt, .closedAt, .lostAt, .thankedAt: return date(value, withTime: field == .createdAt, seed: id)
    case .amount: return amount(value)
    case .stage: return stage(value)
    default: return value
    }
  }

  /// ISO `YYYY-MM-DD` in the CRM's style; impossible dates stay impossible.
  private func date(_ iso: String, withTime: Bool, seed: String) -> String {
    let parts = iso.split(separator: "-").map(String.init)
    guard parts.count == 3 else { return iso }
    let (year, month, day) = (parts[0], parts[1], parts[2])
    let minutes = seed.unicodeScalars.reduce(0) { ($0 * 31 + Int($1.value)) % 600 } + 8 * 60
    let (hour, minute) = (minutes / 60, minutes % 60)
    let mm = minute < 10 ? "0\(minute)" : "\(minute)"
    switch dialect.dates {
    case .us:
      let date = "\(month)/\(day)/\(year)"
      return withTime ? "\(date) \(hour > 12 ? hour - 12 : hour):\(mm) \(hour >= 12 ? "PM" : "AM")" : date
    case .iso:
      return withTime ? "\(iso) \(hour < 10 ? "0" : "")\(hour):\(mm)" : iso
    case .dotted:
      return "\(day).\(month).\(year)"
    }
  }

  /// A plain `1234.50` in the CRM's number style.
  private func amount(_ plain: String) -> String {
    let parts = plain.split(separator: ".", omittingEmptySubsequences: false)
    guard let grouping = dialect.grouping, parts.count == 2, let units = Int(parts[0]) else { return plain }
    var grouped = ""
    for (index, digit) in String(units).enumerated() {
      if index > 0, (String(units).count - index) % 3 == 0 { grouped.append(grouping.thousands) }
      grouped.append(digit)
    }
    return "\(grouped)\(grouping.decimal)\(parts[1])"
  }

  /// The generic stage in the CRM's words; an unknown stage stays unknown.
  private func stage(_ generic: String) -> String {
    guard let names = dialect.stageNames else { return generic }
    let key = generic.lowercased().filter(\.isLetter)
    if key.hasSuffix("won") { return names.won }
    if key.hasSuffix("lost") { return names.lost }
    return names.open[key] ?? generic
  }
}
