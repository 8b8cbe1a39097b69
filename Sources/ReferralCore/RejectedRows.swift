import CSVStream

/// Every row the import could not use, with its file, line and problem: what `rejects.csv`
/// lists and the data-quality section counts.
///
/// Kept compactly, because a run that rejects many rows is a real run (a currency without a
/// rate rejects every deal in it, and the report is still written): a ``Reject`` of `String`s
/// per row cost about 270 bytes, 48 MB for the 177,000 rows such a run rejects at 3M leads.
/// Here the fields of every row lie back to back in one ``TextColumn``; a row keeps its line,
/// the number of its file and of its problem among the distinct ones, and where its fields
/// start: about 18 bytes a row and 4 a field besides the fields' own bytes. A row is read back
/// whole as a ``Reject``, or field by field as bytes (`rejects.csv` makes no `String` per cell).
public struct RejectedRows: RandomAccessCollection, Equatable, Sendable, ExpressibleByArrayLiteral {
  /// The files rows were added from, each with its input, in the order first met.
  private var sources: [(file: String, role: InputRole)] = []
  private var sourceOf: [UInt16] = []
  private var lines: [Int] = []
  /// The distinct problems; a row keeps the number of its own.
  private var problems: [RowProblem] = []
  private var problemNumbers: [RowProblem: UInt32] = [:]
  private var problemOf: [UInt32] = []
  private var fields = TextColumn()
  /// Row `n`'s fields are texts `fieldStarts[n]..<fieldStarts[n + 1]` of ``fields``.
  private var fieldStarts: [UInt32] = [0]
  /// The rows in the order they are listed, when it is not the order they were added in.
  private var order: [Int32]?

  public init() {}

  public init(arrayLiteral rejects: Reject...) { self.init(rejects) }

  public init<Rejects: Sequence>(_ rejects: Rejects) where Rejects.Element == Reject {
    for reject in rejects { append(reject) }
  }

  public var startIndex: Int { 0 }
  public var endIndex: Int { lines.count }

  /// The row at `position`, whole (its fields become `String`s).
  public subscript(position: Int) -> Reject {
    let row = row(position)
    return Reject(
      file: sources[Int(sourceOf[row])].file, role: sources[Int(sourceOf[row])].role, line: lines[row],
      problem: problems[Int(problemOf[row])], fields: (fieldStarts[row]..<fieldStarts[row + 1]).map { fields[Int($0)] })
  }

  /// The files that have rejected rows, in the order they were added (a file read as two
  /// inputs is named twice).
  public var files: [String] { sources.map(\.file) }

  public func file(at position: Int) -> String { sources[Int(sourceOf[row(position)])].file }
  public func role(at position: Int) -> InputRole { sources[Int(sourceOf[row(position)])].role }
  public func line(at position: Int) -> Int { lines[row(position)] }
  public func problem(at position: Int) -> RowProblem { problems[Int(problemOf[row(position)])] }
  /// Whether the row's one field is the raw text of a line that could not be split.
  public func unparsed(at position: Int) -> Bool { problem(at: position).leftRowUnsplit }

  public func fieldCount(at position: Int) -> Int {
    let row = row(position)
    return Int(fieldStarts[row + 1] - fieldStarts[row])
  }

  /// Calls `body` with the bytes of field `field` of the row at `position`.
  public func withField<R>(_ field: Int, at position: Int, _ body: (ByteView) throws -> R) rethrows -> R {
    let row = row(position)
    precondition(field >= 0 && field < Int(fieldStarts[row + 1] - fieldStarts[row]), "no such field")
    return try fields.withBytes(at: Int(fieldStarts[row]) + field, body)
  }

  /// Adds a row whose fields are `row`'s (read from its batch while it is held).
  public mutating func append(file: String, role: InputRole, line: Int, problem: RowProblem, fields row: CSVRowView) {
    for index in 0..<row.info.fieldCount { fields.append(row.field(index)!) }
    add(file: file, role: role, line: line, problem: problem)
  }

  public mutating func append(_ reject: Reject) {
    for field in reject.fields { field.withByteView { fields.append($0) } }
    add(file: reject.file, role: reject.role, line: reject.line, problem: reject.problem)
  }

  /// Adds `other`'s rows after these, in its order.
  public mutating func append(contentsOf other: RejectedRows) {
    // Into none: the other's rows as they are (an order of its own included), not copied.
    if isEmpty {
      self = other
      return
    }
    for position in other.indices {
      for field in 0..<other.fieldCount(at: position) { other.withField(field, at: position) { fields.append($0) } }
      add(file: other.file(at: position), role: other.role(at: position), line: other.line(at: position), problem: other.problem(at: position))
    }
  }

  /// The rows ordered by file name, then line (rows of one file and line in the order added).
  public func sortedByFileAndLine() -> RejectedRows {
    // A file's rank among the names: one file read as two inputs is one name.
    let names = Array(Set(sources.map(\.file))).sorted()
    let rank = sources.map { source in names.firstIndex(of: source.file)! }
    var sorted = self
    sorted.order = indices.map { row($0) }.sorted {
      (rank[Int(sourceOf[$0])], lines[$0], $0) < (rank[Int(sourceOf[$1])], lines[$1], $1)
    }.map { Int32($0) }
    return sorted
  }

  public static func == (left: RejectedRows, right: RejectedRows) -> Bool { left.elementsEqual(right) }

  /// Where the row at `position` is stored.
  private func row(_ position: Int) -> Int { order.map { Int($0[position]) } ?? position }

  /// Ends the row whose fields were just appended.
  private mutating func add(file: String, role: InputRole, line: Int, problem: RowProblem) {
    precondition(lines.count < Int(Int32.max), "more than \(Int32.max) rejected rows")
    // Rows come file by file: the last file is nearly always the row's own.
    if let last = sources.indices.last, sources[last] == (file, role) {
      sourceOf.append(UInt16(last))
    } else if let known = sources.firstIndex(where: { $0 == (file, role) }) {
      sourceOf.append(UInt16(known))
    } else {
      precondition(sources.count < Int(UInt16.max), "rejected rows from more than \(UInt16.max) files")
      sources.append((file, role))
      sourceOf.append(UInt16(sources.count - 1))
    }
    lines.append(line)
    if let number = problemNumbers[problem] {
      problemOf.append(number)
    } else {
      problemNumbers[problem] = UInt32(problems.count)
      problemOf.append(UInt32(problems.count))
      problems.append(problem)
    }
    fieldStarts.append(UInt32(fields.count))
    // Listed in an order of their own: a row added after is listed last.
    order?.append(Int32(lines.count - 1))
  }
}
