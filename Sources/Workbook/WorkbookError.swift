/// Why a workbook cannot be read: each says what to do instead.
package enum WorkbookError: Error, Equatable, Sendable {
  /// Not a readable `.xlsx` (a zip of the Office Open XML parts).
  case notAWorkbook(reason: String)
  /// The old binary Excel format (`.xls`), which the tool does not read.
  case binaryExcel
  /// The sheet the config names is not in the workbook.
  case noSuchSheet(String, available: [String])
  /// The workbook has no sheet at all.
  case noSheets
  /// No sheet has a header row the layout of `input` (`leads`, `deals`…) reads: a workbook of
  /// cover and notes sheets, or an export under headers the preset does not know.
  case noSheetWithHeader(available: [String], input: String)
}

extension WorkbookError: CustomStringConvertible {
  /// The part of a one-line error after the file's name.
  package var description: String {
    switch self {
    case .notAWorkbook(let reason): "is not a readable Excel workbook (\(reason)); export it again, or save it as CSV"
    case .binaryExcel: "is an old Excel workbook (.xls), which referral-report does not read; save it as CSV or as an Excel workbook (.xlsx)"
    case .noSuchSheet(let name, let available):
      "has no sheet '\(name)' (it has \(available.map { "'\($0)'" }.joined(separator: ", "))); set [formats.<input>] sheet to one of them"
    case .noSheets: "holds no sheet; export it again"
    case .noSheetWithHeader(let available, let input):
      "has no sheet whose first row holds a header the preset reads (it has \(available.map { "'\($0)'" }.joined(separator: ", "))); "
        + "name the export's sheet in the config, [formats.\(input)] sheet = \"<one of them>\", and map its headers under [columns.\(input)]"
    }
  }
}
