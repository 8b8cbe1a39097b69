import Foundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// One XML part of a workbook, read by Foundation's streaming parser: each reader below is a
/// delegate that keeps only what the import needs.
class XMLPartReader: NSObject, XMLParserDelegate {
  /// Parses `data` with this reader as the delegate; the parser's error, if any.
  func parse(_ data: Data, part: String) throws(WorkbookError) {
    let parser = XMLParser(data: data)
    parser.delegate = self
    parser.shouldProcessNamespaces = false
    guard parser.parse() else {
      throw .notAWorkbook(reason: "\(part): \(parser.parserError?.localizedDescription ?? "malformed XML")")
    }
  }

  // The callbacks the readers override (the protocol's conformance is the base class's, so
  // each must be declared here for a subclass's to be called).
  func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]) {}
  func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {}
  func parser(_ parser: XMLParser, foundCharacters string: String) {}

  /// An element's name without its namespace prefix (`x:row` is `row`).
  static func local(_ name: String) -> Substring {
    guard let colon = name.lastIndex(of: ":") else { return Substring(name) }
    return name[name.index(after: colon)...]
  }
}

/// `xl/workbook.xml`: the sheets in their order, with their relationship ids, and the date system.
final class WorkbookPart: XMLPartReader {
  private(set) var sheets: [(name: String, relationship: String)] = []
  private(set) var date1904 = false

  override func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]) {
    switch Self.local(name) {
    case "sheet":
      let relationship = attributes.first { Self.local($0.key) == "id" }?.value ?? ""
      sheets.append((attributes["name"] ?? "", relationship))
    case "workbookPr":
      date1904 = ["1", "true"].contains(attributes["date1904"]?.lowercased() ?? "")
    default: break
    }
  }
}

/// `xl/_rels/workbook.xml.rels`: where each relationship id's part is.
final class RelationshipsPart: XMLPartReader {
  private(set) var targets: [String: String] = [:]

  override func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]) {
    guard Self.local(name) == "Relationship", let id = attributes["Id"], let target = attributes["Target"] else { return }
    targets[id] = target
  }
}

/// `xl/sharedStrings.xml`: the texts cells point to by index. A rich text's runs are joined;
/// phonetic guides (`rPh`) are not part of the text.
final class SharedStringsPart: XMLPartReader {
  private(set) var strings: [String] = []
  private var current = ""
  private var inText = false
  private var phonetic = 0

  override func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]) {
    switch Self.local(name) {
    case "si": current = ""
    case "t": inText = phonetic == 0
    case "rPh": phonetic += 1
    default: break
    }
  }

  override func parser(_ parser: XMLParser, foundCharacters string: String) {
    if inText { current += string }
  }

  override func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
    switch Self.local(name) {
    case "si": strings.append(current)
    case "t": inText = false
    case "rPh": phonetic -= 1
    default: break
    }
  }
}

/// `xl/styles.xml`: which cell styles show a number as a date or time, so their serials are
/// read as dates.
final class StylesPart: XMLPartReader {
  private var customFormats: [Int: String] = [:]
  private var cellFormats: [Int] = []
  private var inCellFormats = false

  /// The indexes of the cell styles whose number format is a date or a time.
  var dateStyles: Set<Int> {
    Set(cellFormats.indices.filter { Self.isDateFormat(id: cellFormats[$0], code: customFormats[cellFormats[$0]]) })
  }

  override func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]) {
    switch Self.local(name) {
    case "numFmt":
      if let id = attributes["numFmtId"].flatMap(Int.init), let code = attributes["formatCode"] { customFormats[id] = code }
    case "cellXfs": inCellFormats = true
    case "xf" where inCellFormats: cellFormats.append(attributes["numFmtId"].flatMap(Int.init) ?? 0)
    default: break
    }
  }

  override func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
    if Self.local(name) == "cellXfs" { inCellFormats = false }
  }

  /// Built-in formats 14–22 and 45–47 are dates and times (27–36 and 50–58 in East Asian
  /// locales); a custom one is when, outside quoted text, escapes and `[…]` sections (colours,
  /// currencies; `[h]` elapsed hours aside), it has a day, month, year, hour or second letter.
  static func isDateFormat(id: Int, code: String?) -> Bool {
    if (14...22).contains(id) || (27...36).contains(id) || (45...47).contains(id) || (50...58).contains(id) { return true }
    guard let code else { return false }
    var inQuotes = false
    var bracket: String?
    var escaped = false
    for character in code.lowercased() {
      if escaped {
        escaped = false
      } else if inQuotes {
        inQuotes = character != "\""
      } else if let open = bracket {
        guard character == "]" else {
          bracket = open + String(character)
          continue
        }
        // `[h]`, `[mm]`, `[ss]`: elapsed time; `[Red]`, `[$€-407]`: not a date.
        if let first = open.first, "hms".contains(first), open.allSatisfy({ $0 == first }) { return true }
        bracket = nil
      } else {
        switch character {
        case "\"": inQuotes = true
        case "\\", "_", "*": escaped = true
        case "[": bracket = ""
        case "d", "m", "y", "h", "s": return true
        default: break
        }
      }
    }
    return false
  }
}
