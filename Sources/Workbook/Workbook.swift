import Foundation
import ZIPFoundation

/// An Excel workbook (`.xlsx`), read one sheet at a time into CSV for the one CSV parser: what
/// Salesforce's formatted report export and HubSpot's default export give.
package struct Workbook: Sendable {
  /// What a file's first bytes say it is.
  package enum Kind: Sendable {
    /// A zip archive: an `.xlsx` workbook (or not a workbook at all, which reading says).
    case workbook
    /// The old binary format (`.xls`, an OLE compound file).
    case binaryExcel
    /// Anything else: read as CSV.
    case other
  }

  /// The sheet names, in the workbook's order.
  package let sheetNames: [String]
  private let archive: Data
  private let sheetPaths: [String]
  private let date1904: Bool

  /// The kind of the file at `path`, from its first bytes (`other` when it cannot be read: the
  /// CSV reader then says why).
  package static func kind(ofFileAt path: String) -> Kind {
    guard let handle = FileHandle(forReadingAtPath: path) else { return .other }
    defer { try? handle.close() }
    return kind(of: [UInt8]((try? handle.read(upToCount: 8)) ?? Data()))
  }

  /// The kind of a file that starts with `head`.
  package static func kind(of head: some Collection<UInt8>) -> Kind {
    if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return .workbook }
    if head.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { return .binaryExcel }
    return .other
  }

  /// Opens the workbook at `path` and reads its list of sheets.
  package init(path: String) throws(WorkbookError) {
    let data: Data
    do {
      data = try Data(contentsOf: URL(fileURLWithPath: path))
    } catch {
      throw .notAWorkbook(reason: "cannot read it")
    }
    try self.init(data: data)
  }

  /// Reads a workbook from its bytes.
  package init(data: Data) throws(WorkbookError) {
    archive = data
    let zip = try Self.open(data)
    let workbook = WorkbookPart()
    try workbook.parse(try Self.part("xl/workbook.xml", of: zip), part: "xl/workbook.xml")
    let relationships = RelationshipsPart()
    if let rels = try? Self.part("xl/_rels/workbook.xml.rels", of: zip) { try relationships.parse(rels, part: "xl/_rels/workbook.xml.rels") }
    guard !workbook.sheets.isEmpty else { throw .noSheets }
    sheetNames = workbook.sheets.map(\.name)
    sheetPaths = workbook.sheets.enumerated().map { index, sheet in
      Self.partPath(relationships.targets[sheet.relationship] ?? "worksheets/sheet\(index + 1).xml")
    }
    date1904 = workbook.date1904
  }

  /// The sheet named `name` (the first sheet when `nil`) as CSV, one line per sheet row, with
  /// the sheet's name and how many title rows above its header were left out (see ``SheetPart``).
  package func csv(sheet name: String? = nil) throws(WorkbookError) -> (sheet: String, bytes: [UInt8], titleRows: Int) {
    let index: Int
    if let name {
      guard let found = sheetNames.firstIndex(of: name) else { throw .noSuchSheet(name, available: sheetNames) }
      index = found
    } else {
      index = 0
    }
    let zip = try Self.open(archive)
    let strings = SharedStringsPart()
    if let data = try? Self.part("xl/sharedStrings.xml", of: zip) { try strings.parse(data, part: "xl/sharedStrings.xml") }
    let styles = StylesPart()
    if let data = try? Self.part("xl/styles.xml", of: zip) { try styles.parse(data, part: "xl/styles.xml") }
    let sheet = SheetPart(strings: strings.strings, dateStyles: styles.dateStyles, date1904: date1904)
    try sheet.parse(try Self.part(sheetPaths[index], of: zip), part: sheetPaths[index])
    return (sheetNames[index], sheet.csv, sheet.titleRows)
  }

  private static func open(_ data: Data) throws(WorkbookError) -> Archive {
    do {
      return try Archive(data: data, accessMode: .read)
    } catch {
      throw .notAWorkbook(reason: "not a zip archive")
    }
  }

  /// The bytes of the part at `path` inside the archive.
  private static func part(_ path: String, of zip: Archive) throws(WorkbookError) -> Data {
    guard let entry = zip[path] else { throw .notAWorkbook(reason: "no \(path)") }
    var data = Data()
    do {
      _ = try zip.extract(entry, skipCRC32: false) { data.append($0) }
    } catch {
      throw .notAWorkbook(reason: "\(path) cannot be unpacked")
    }
    return data
  }

  /// A relationship target as a path in the archive: relative to `xl/`, or absolute (`/xl/…`).
  private static func partPath(_ target: String) -> String {
    target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
  }
}
