// Edits of a test's CSV export text, so that a variant of a fixture reads as what changed in the
// export (a record deleted, a value or a column the CRM did not export, a record added) rather
// than as a second copy of it. For texts without quoted fields: a field is what lies between two
// commas, and the first field of a record is its id.

extension String {
  /// The export without the records whose id is one of `ids`.
  func removingRows(_ ids: String...) -> String {
    Self.text(rows.filter { !ids.contains($0[0]) })
  }

  /// The export without the columns its header names `names`.
  func removingColumns(_ names: String...) -> String {
    let rows = rows
    let kept = rows[0].indices.filter { !names.contains(rows[0][$0]) }
    return Self.text(rows.map { row in kept.map { row[$0] } })
  }

  /// The export with the field `column` of the record `id` left empty.
  func blanking(_ column: String, ofRow id: String) -> String {
    var rows = rows
    guard let field = rows[0].firstIndex(of: column) else { return self }
    for index in rows.indices where rows[index][0] == id { rows[index][field] = "" }
    return Self.text(rows)
  }

  /// The export with the records of `records` (lines of CSV) after its last one.
  func appendingRows(_ records: String) -> String {
    Self.text(rows + records.rows)
  }

  /// The lines as fields, header first, without empty lines.
  private var rows: [[String]] {
    split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
  }

  private static func text(_ rows: [[String]]) -> String {
    rows.map { $0.joined(separator: ",") }.joined(separator: "\n") + "\n"
  }
}
