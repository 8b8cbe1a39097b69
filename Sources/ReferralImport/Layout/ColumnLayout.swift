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

  /// Unread columns whose names look like a source, a referrer or a stage (see ``lookalikes``).
  private(set) var notices: [Notice] = []

  /// Maps `header` with the preset's names for `role`; a missing required field is fatal and
  /// lists the columns that were found, and so is a missing key column (``RowDecoder/keyColumns``)
  /// that the config does not declare absent. `optional` are required fields this run can do
  /// without.
  init(header: [String], role: InputRole, names: ColumnNames, file: String, optional: Set<Field> = []) throws(ImportError) {
    self.header = header
    var byKey: [String: [Int]] = [:]
    for (index, name) in header.enumerated() {
      let key = compactKey(name.utf8)
      if !key.isEmpty { byKey[key, default: []].append(index) }
    }
    var used = Set<Int>()
    for (field, required) in role.fields where !names.isDeclaredAbsent(field, role: role) {
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
        // (A column a later field reads may be offered too: only if it looks like this one.)
        let unread = header.indices.filter { !used.contains($0) }.map { header[$0] }
        throw .missingColumn(
          file: file, role: role, field: field, expected: preferred + candidates, found: header,
          closest: HeaderLikeness.closest(to: preferred + candidates, among: unread))
      }
    }
    let unread = header.indices.filter { !used.contains($0) }
    for group in role.keyColumns where group.allSatisfy({ columns[$0.slot] == nil }) {
      var missing = group.filter { !names.isDeclaredAbsent($0, role: role) }
      guard !missing.isEmpty else { continue }
      let expected = missing.flatMap { names.headers(for: $0, role: role) }
      let unreadNames = unread.map { header[$0] }
      // The field the closest header looks most like comes first: its mapping line is the fix.
      let closest = missing.compactMap { field in
        let names = names.headers(for: field, role: role)
        return HeaderLikeness.closest(to: names, among: unreadNames).map { (field, $0, HeaderLikeness.score($0, toAnyOf: names)) }
      }.max { $0.2 < $1.2 }
      if let field = closest?.0 { missing = [field] + missing.filter { $0 != field } }
      throw .missingKeyColumn(file: file, role: role, fields: missing, expected: expected, found: header, closest: closest?.1)
    }
    ignored = unread.map { header[$0].isEmpty ? "(blank, column \($0 + 1))" : header[$0] }
    notices = lookalikes(among: unread, role: role, names: names, file: file)
  }

  /// A notice for each unread column whose name looks like a field of ``RowDecoder/lookalikeFields``
  /// (the field it looks most like), with the mapping line that would read it instead. A field
  /// the config maps or declares absent was chosen by hand: columns like it are not noticed; nor
  /// is a column named after the one read and more (HubSpot's `Original Source Drill-Down 1`
  /// beside `Original Source`), which details it rather than replaces it.
  private func lookalikes(among unread: [Int], role: InputRole, names: ColumnNames, file: String) -> [Notice] {
    let fields = role.decoder.lookalikeFields.filter { !names.isExplicit($0.field, role: role) && !names.isDeclaredAbsent($0.field, role: role) }
    guard !fields.isEmpty else { return [] }
    return unread.compactMap { index in
      let name = header[index]
      guard !names.isKnownOther(name, role: role) else { return nil }
      let scored = fields.map { (field: $0, score: HeaderLikeness.score(name, toAnyOf: names.headers(for: $0.field, role: role))) }
      guard let best = scored.max(by: { $0.score < $1.score }), best.score > 0 else { return nil }
      let field = best.field.field
      if let column = self[field], compactKey(name.utf8).hasPrefix(compactKey(header[column].utf8)) { return nil }
      let read = self[field].map { "'\(ImportError.shown(header[$0]))' is read as \(best.field.meaning)" } ?? "no column is read as \(best.field.meaning)"
      return Notice(
        kind: .lookalikeColumn, file: file,
        message: "column '\(ImportError.shown(name))' looks like \(best.field.meaning) but is not read (\(read)); if it holds \(best.field.meaning), map it",
        fix: ColumnNames.mapping(field, role: role, header: name))
    }
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
package struct ColumnNames: Sendable, Equatable {
  private var names: [InputRole: [Field: [String]]]
  private var explicit: Set<String> = []
  /// Fields declared absent, as `role.field`.
  private var absent: Set<String> = []
  /// Headers, by ``compactKey(_:)``, that look like a field but are known to hold something
  /// else (see ``knowingOthers(_:)``).
  private var others: [InputRole: Set<String>] = [:]
  /// Headers read before a field's own column, per row, by `role.field` (see
  /// ``reading(_:before:role:)``).
  private var readFirst: [String: [String]] = [:]

  package init(_ names: [InputRole: [Field: [String]]] = [:]) { self.names = names }

  /// Reads `field` of `role` per row as the first non-empty of the columns named `headers` (in
  /// their order) and the field's own column: for a CRM whose own column says little for some
  /// rows and a column of the team's says more (HubSpot's Original Source is "Offline Sources"
  /// for a contact typed in by hand, whose real source is in a `Lead Source` property of the
  /// team's). The field's own names stay what exports are written with. A config's mapping of
  /// the field (``override(_:role:header:)``) names one column and ends it.
  package func reading(_ headers: [String], before field: Field, role: InputRole) -> ColumnNames {
    var names = self
    names.readFirst["\(role.rawValue).\(field.rawValue)"] = headers
    return names
  }

  /// The headers read before `field`'s own column (none when the config maps the field).
  func headers(readBefore field: Field, role: InputRole) -> [String] {
    isExplicit(field, role: role) ? [] : readFirst["\(role.rawValue).\(field.rawValue)"] ?? []
  }

  /// These names, with `more` read too for `role`'s fields, after the names already known: a
  /// survey tool's export (AskNicely's) is read by its own header under every CRM's preset.
  package func adding(_ more: [Field: [String]], role: InputRole) -> ColumnNames {
    var names = self
    for (field, headers) in more { names.names[role, default: [:]][field, default: []].append(contentsOf: headers) }
    return names
  }

  /// Sets the one header name of `field` in `role`; a file without it is then an error.
  package mutating func override(_ field: Field, role: InputRole, header: String) {
    names[role, default: [:]][field] = [header]
    explicit.insert("\(role.rawValue).\(field.rawValue)")
    absent.remove("\(role.rawValue).\(field.rawValue)")
  }

  /// Says that `role`'s exports have no column for `field` (`[columns.deals] stage = false`): it
  /// is never read, even from a column of its generic name, and a key column
  /// (``RowDecoder/keyColumns``) missing this way is no error.
  package mutating func declareAbsent(_ field: Field, role: InputRole) {
    names[role]?[field] = nil
    explicit.remove("\(role.rawValue).\(field.rawValue)")
    absent.insert("\(role.rawValue).\(field.rawValue)")
  }

  /// These names, with headers of the CRM's exports that look like a field but hold something
  /// else, so no notice offers them as the field: Pipedrive's `Deal - Stage` is the pipeline
  /// step, while the outcome is `Deal - Status`.
  package func knowingOthers(_ headers: [InputRole: [String]]) -> ColumnNames {
    var names = self
    for (role, list) in headers { names.others[role, default: []].formUnion(list.map { compactKey($0.utf8) }) }
    return names
  }

  /// Whether `header` is known to hold something other than the field it looks like.
  func isKnownOther(_ header: String, role: InputRole) -> Bool { others[role]?.contains(compactKey(header.utf8)) ?? false }

  func isExplicit(_ field: Field, role: InputRole) -> Bool { explicit.contains("\(role.rawValue).\(field.rawValue)") }

  /// Whether the config says `role`'s exports have no column for `field`.
  package func isDeclaredAbsent(_ field: Field, role: InputRole) -> Bool { absent.contains("\(role.rawValue).\(field.rawValue)") }

  /// The config line that reads `field` of `role` from `header`, as a user pastes it.
  package static func mapping(_ field: Field, role: InputRole, header: String) -> String {
    "[columns.\(role.rawValue)] \(field.rawValue) = \"\(ImportError.shown(header.map { $0 == "\\" || $0 == "\"" ? "\\\($0)" : String($0) }.joined()))\""
  }

  /// The config line that declares `field` of `role` absent (see ``declareAbsent(_:role:)``).
  package static func absence(_ field: Field, role: InputRole) -> String { "[columns.\(role.rawValue)] \(field.rawValue) = false" }

  /// Whether this layout names a header of its own for `field` (beyond the generic name).
  package func names(_ field: Field, role: InputRole) -> Bool { names[role]?[field] != nil }

  /// The name this layout's exports use for `field` (for writing exports in it).
  package func primaryHeader(for field: Field, role: InputRole) -> String {
    names[role]?[field]?.first ?? field.rawValue
  }

  /// The names a column of `field` may have, the generic name always among them.
  func headers(for field: Field, role: InputRole) -> [String] {
    if isExplicit(field, role: role) { return names[role]?[field] ?? [] }
    return (names[role]?[field] ?? []) + [field.rawValue]
  }
}
