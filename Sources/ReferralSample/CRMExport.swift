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
public struct CRMExport: Sendable {
  public let preset: Preset

  public init(preset: Preset) {
    precondition(preset != .generic, "the generic layout needs no conversion")
    self.preset = preset
  }

  /// Converts `leads.csv` and `deals.csv` of `genericFolder` into `folder`.
  public func convert(genericFolder: String, to folder: String) throws {
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
    guard let header = rows.first else { return }
    let fields = header.map { Field(rawValue: $0) }
    let columns = preset.columns
    let delimiter: Character = preset == .salesforce ? "\t" : preset == .pipedrive ? ";" : ","
    var text = CSVWriting.record(header.indices.map { i in fields[i].map { columns.primaryHeader(for: $0, role: role) } ?? header[i] }, delimiter: delimiter)
    for row in rows.dropFirst() {
      let converted = row.indices.map { i in fields[i].map { convert(row[i], field: $0, id: row[0]) } ?? row[i] }
      text += CSVWriting.record(converted, delimiter: delimiter)
    }
    if preset == .salesforce {
      text += "\r\n" + CSVWriting.record(["Grand Totals (\(rows.count - 1) records)"], delimiter: delimiter) + "\r\n"
        + CSVWriting.record(["Confidential Information - Do Not Distribute"], delimiter: delimiter) + "\r\n"
        + CSVWriting.record(["Copyright (c) 2000-2026 salesforce.com, inc. All rights reserved."], delimiter: delimiter)
    }
    let bytes: [UInt8]
    switch preset {
    case .salesforce: bytes = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    case .hubspot: bytes = [0xEF, 0xBB, 0xBF] + Array(text.utf8)
    default: bytes = Array(text.utf8)
    }
    try Data(bytes).write(to: URL(fileURLWithPath: path))
  }

  private func convert(_ value: String, field: Field, id: String) -> String {
    guard !value.isEmpty else { return value }
    switch field {
    case .createdAt, .closedAt, .thankedAt: return date(value, withTime: field == .createdAt, seed: id)
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
    switch preset {
    case .salesforce:
      let date = "\(month)/\(day)/\(year)"
      return withTime ? "\(date) \(hour > 12 ? hour - 12 : hour):\(mm) \(hour >= 12 ? "PM" : "AM")" : date
    case .hubspot:
      return withTime ? "\(iso) \(hour < 10 ? "0" : "")\(hour):\(mm)" : iso
    default:
      return "\(day).\(month).\(year)"
    }
  }

  /// A plain `1234.50` in the CRM's number style.
  private func amount(_ plain: String) -> String {
    let parts = plain.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count == 2, let units = Int(parts[0]) else { return plain }
    var grouped = ""
    for (index, digit) in String(units).enumerated() {
      if index > 0, (String(units).count - index) % 3 == 0 { grouped += preset == .pipedrive ? "." : "," }
      grouped.append(digit)
    }
    switch preset {
    case .salesforce: return "\(grouped).\(parts[1])"
    case .pipedrive: return "\(grouped),\(parts[1])"
    default: return plain
    }
  }

  private func stage(_ generic: String) -> String {
    let key = generic.lowercased().filter(\.isLetter)
    let outcome: DealOutcome? = key.hasSuffix("won") ? .won : key.hasSuffix("lost") ? .lost : ["negotiation", "proposal", "qualification"].contains(key) ? .open : nil
    switch (preset, outcome) {
    case (_, nil): return generic  // an unknown stage stays unknown
    case (.pipedrive, let outcome?): return outcome.rawValue
    case (.hubspot, .won?): return "closedwon"
    case (.hubspot, .lost?): return "closedlost"
    case (.hubspot, .open?): return key == "negotiation" ? "contractsent" : key == "proposal" ? "presentationscheduled" : "qualifiedtobuy"
    case (.salesforce, .won?): return "Closed Won"
    case (.salesforce, .lost?): return "Closed Lost"
    default: return key == "negotiation" ? "Negotiation/Review" : key == "proposal" ? "Proposal/Price Quote" : "Qualification"
    }
  }
}
