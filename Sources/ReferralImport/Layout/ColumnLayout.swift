import ReferralCore

/// Where each field sits in one file, found from its header row by name, never by position.
struct ColumnLayout: Equatable {
  /// Column of each field, by ``Field/slot``.
  private var columns = [Int?](repeating: nil, count: Field.allCases.count)
  /// For a field read as the first non-empty of several columns (see
  /// ``ColumnNames/reading(_:before:role:)``): its columns after the first, by slot.
  private var fallbacks = [[Int]](repeating: [], count: Field.allCases.count)
  /// The header as written, for messages and rejects.
  let header: [String]
  /// Header names that map onto nothing the report uses.
  private(set) var ignored: [String] = []

  /// Maps `header` with the preset's names for `role`; a missing required field is fatal and
  /// lists the columns that were found. `optional` are required fields this run can do without.
  init(header: [String], role: InputRole, names: ColumnNames, file: String, optional: Set<Field> = []) throws(ImportError) {
    self.header = header
    var byKey: [String: [Int]] = [:]
    for (index, name) in header.enumerated() {
      let key = compactKey(name.utf8)
      if !key.isEmpty { byKey[key, default: []].append(index) }
    }
    var used = Set<Int>()
    for (field, required) in Field.fields(of: role) {
      let candidates = names.headers(for: field, role: role)
      // The columns read first (see ``ColumnNames/reading(_:before:role:)``), then the field's own.
      let preferred = names.headers(readBefore: field, role: role)
      var found = preferred.compactMap { byKey[compactKey($0.utf8)] }
      if let own = candidates.lazy.compactMap({ byKey[compactKey($0.utf8)] }).first { found.append(own) }
      var ordered: [Int] = []
      for indices in found {
        // Two columns that both could be this field: which one is meant is a guess; refuse it.
        guard indices.count == 1 else {
          throw .duplicateColumn(file: file, field: field.rawValue, columns: indices.map { $0 + 1 }, header: header[indices[0]])
        }
        if !ordered.contains(indices[0]) { ordered.append(indices[0]) }
      }
      if let first = ordered.first {
        columns[field.slot] = first
        fallbacks[field.slot] = Array(ordered.dropFirst())
        used.formUnion(ordered)
      } else if (required && !optional.contains(field)) || names.isExplicit(field, role: role) {
        throw .missingColumn(file: file, field: field.rawValue, expected: preferred + candidates, found: header)
      }
    }
    ignored = header.enumerated().filter { !used.contains($0.offset) }.map { $0.element.isEmpty ? "(blank, column \($0.offset + 1))" : $0.element }
  }

  subscript(field: Field) -> Int? { columns[field.slot] }

  /// The column a row's `field` is read from: the field's column, or, for a field read as the
  /// first non-empty of several columns, the first of them that is not empty in `row` (the
  /// field's column when all are).
  func column(_ field: Field, in row: RowFields) -> Int? {
    guard let first = columns[field.slot], !fallbacks[field.slot].isEmpty else { return columns[field.slot] }
    if row.value(first) != nil { return first }
    return fallbacks[field.slot].first { row.value($0) != nil } ?? first
  }
}

/// Header names per field and role: a preset's, with a config's overrides on top.
public struct ColumnNames: Sendable, Equatable {
  private var names: [InputRole: [Field: [String]]]
  private var explicit: Set<String> = []
  /// Headers read before a field's own column, per row, by `role.field` (see
  /// ``reading(_:before:role:)``).
  private var readFirst: [String: [String]] = [:]

  public init(_ names: [InputRole: [Field: [String]]] = [:]) { self.names = names }

  /// Reads `field` of `role` per row as the first non-empty of the columns named `headers` (in
  /// their order) and the field's own column: for a CRM whose own column says little for some
  /// rows and a column of the team's says more (HubSpot's Original Source is "Offline Sources"
  /// for a contact typed in by hand, whose real source is in a `Lead Source` property of the
  /// team's). The field's own names stay what exports are written with. A config's mapping of
  /// the field (``override(_:role:header:)``) names one column and ends it.
  public func reading(_ headers: [String], before field: Field, role: InputRole) -> ColumnNames {
    var names = self
    names.readFirst["\(role.rawValue).\(field.rawValue)"] = headers
    return names
  }

  /// The headers read before `field`'s own column (none when the config maps the field).
  func headers(readBefore field: Field, role: InputRole) -> [String] {
    isExplicit(field, role: role) ? [] : readFirst["\(role.rawValue).\(field.rawValue)"] ?? []
  }

  /// Sets the one header name of `field` in `role`; a file without it is then an error.
  public mutating func override(_ field: Field, role: InputRole, header: String) {
    names[role, default: [:]][field] = [header]
    explicit.insert("\(role.rawValue).\(field.rawValue)")
  }

  func isExplicit(_ field: Field, role: InputRole) -> Bool { explicit.contains("\(role.rawValue).\(field.rawValue)") }

  /// Whether this layout names a header of its own for `field` (beyond the generic name).
  public func names(_ field: Field, role: InputRole) -> Bool { names[role]?[field] != nil }

  /// The name this layout's exports use for `field` (for writing exports in it).
  public func primaryHeader(for field: Field, role: InputRole) -> String {
    names[role]?[field]?.first ?? field.rawValue
  }

  /// The names a column of `field` may have, the generic name always among them.
  func headers(for field: Field, role: InputRole) -> [String] {
    if isExplicit(field, role: role) { return names[role]?[field] ?? [] }
    return (names[role]?[field] ?? []) + [field.rawValue]
  }
}
