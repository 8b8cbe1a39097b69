import CSVStream

/// Every row the import could not use, with its file, line and problem: what `rejects.csv`
/// lists and the data-quality section counts.
///
/// Kept compactly, because a run that rejects many rows is a real run (a currency without a
/// rate rejects every deal in it, and the report is still written), and its memory should grow
/// with distinct leads, not with the rows it rejects. A row keeps its line, the number of its
/// file and of its problem among the distinct ones, and where its fields end: about 26 bytes.
/// Its fields, each a length and its bytes, go to one byte array (about 9 MB for the 177,000
/// rows a 3M-lead export rejects without the EUR and GBP rates).
///
/// A row is read back whole as a ``Reject``, or as bytes (`rejects.csv` makes no `String` per
/// cell), row after row with ``forEachRow(in:_:)``.
package struct RejectedRows: RandomAccessCollection, Equatable, Sendable, ExpressibleByArrayLiteral {
  /// A file rows were added from, with its input and the store its rows' fields are in.
  private struct Source: Sendable {
    var file: String
    var role: InputRole
    var store: Int
    /// The most fields a row of it has that could be split into fields.
    var mostFields = 0
    var hasUnparsedRows = false
  }

  /// The files rows were added from, in the order first met.
  private var sources: [Source] = []
  private var sourceOf: [UInt16] = []
  private var lines: [Int] = []
  /// The distinct problems; a row keeps the number of its own.
  private var problems: [RowProblem] = []
  private var problemNumbers: [RowProblem: UInt32] = [:]
  private var problemOf: [UInt32] = []
  /// The rows' fields: rows are added to the last store; joining another list brings its stores.
  private var stores: [[UInt8]] = []
  /// Where row `n`'s fields end in its store. They start where the row before ends, or at 0
  /// when that row is in another store (a store's rows are added one after another).
  private var fieldEnds: [Int] = []
  /// The rows in the order they are listed, when it is not the order they were added in.
  private var order: [Int32]?

  package init() {}

  package init(arrayLiteral rejects: Reject...) { self.init(rejects) }

  package init<Rejects: Sequence>(_ rejects: Rejects) where Rejects.Element == Reject {
    for reject in rejects { append(reject) }
  }

  package var startIndex: Int { 0 }
  package var endIndex: Int { lines.count }

  /// The row at `position`, whole (its fields become `String`s).
  package subscript(position: Int) -> Reject {
    let source = sources[Int(sourceOf[row(position)])]
    return Reject(
      file: source.file, role: source.role, line: line(at: position), problem: problem(at: position),
      fields: withFields(at: position) { fields in (0..<fields.count).map { String(decoding: fields[$0], as: UTF8.self) } })
  }

  /// The files that have rejected rows, in the order they were added (a file read as two
  /// inputs, or joined from two lists, is named twice).
  package var files: [String] { sources.map(\.file) }

  package func file(at position: Int) -> String { sources[Int(sourceOf[row(position)])].file }
  package func role(at position: Int) -> InputRole { sources[Int(sourceOf[row(position)])].role }
  package func line(at position: Int) -> Int { lines[row(position)] }
  package func problem(at position: Int) -> RowProblem { problems[Int(problemOf[row(position)])] }
  /// Whether the row's one field is the raw text of a line that could not be split.
  package func unparsed(at position: Int) -> Bool { problem(at: position).leftRowUnsplit }

  /// The most fields a row of `file` has, among the rows that could be split into fields.
  package func mostFields(in file: String) -> Int { sources.lazy.filter { $0.file == file }.map(\.mostFields).max() ?? 0 }

  /// Whether a row could not be split into fields (its one field is its line's raw text).
  package var hasUnparsedRows: Bool { sources.contains(where: \.hasUnparsedRows) }

  /// Calls `body` with the fields of the row at `position`.
  package func withFields<R>(at position: Int, _ body: (RejectedFields) throws -> R) rethrows -> R {
    var bounds: [Int] = []
    return try withFields(at: position, bounds: &bounds, body)
  }

  /// Calls `body` with each row of `positions` and its fields, in turn.
  package func forEachRow(in positions: Range<Int>, _ body: (Int, RejectedFields) throws -> Void) rethrows {
    var bounds: [Int] = []
    for position in positions { try withFields(at: position, bounds: &bounds) { try body(position, $0) } }
  }

  /// The fields of the row at `position`, split into `bounds`.
  private func withFields<R>(at position: Int, bounds: inout [Int], _ body: (RejectedFields) throws -> R) rethrows -> R {
    let (store, range) = place(of: row(position))
    return try stores[store].withByteView(range) { bytes in
      RejectedFields.split(bytes, into: &bounds)
      return try body(RejectedFields(bytes: bytes, bounds: bounds))
    }
  }

  /// Adds a row whose fields are `row`'s (read from its batch while it is held).
  package mutating func append(file: String, role: InputRole, line: Int, problem: RowProblem, fields row: CSVRowView) {
    let count = row.info.fieldCount
    add(file: file, role: role, line: line, problem: problem, fieldCount: count) { store in
      for index in 0..<count { Self.write(row.field(index)!, to: &store) }
    }
  }

  package mutating func append(_ reject: Reject) {
    add(file: reject.file, role: reject.role, line: reject.line, problem: reject.problem, fieldCount: reject.fields.count) { store in
      for field in reject.fields { field.withByteView { Self.write($0, to: &store) } }
    }
  }

  /// Adds `other`'s rows after these, in its order: its stores join these, so no field is
  /// copied (the files' lists are joined at the end of every import).
  package mutating func append(contentsOf other: RejectedRows) {
    // Into none: the other's rows as they are (an order of its own included).
    if isEmpty {
      self = other
      return
    }
    if other.isEmpty { return }
    let (sourceBase, storeBase, rowBase) = (sources.count, stores.count, count)
    precondition(sourceBase + other.sources.count < Int(UInt16.max), "rejected rows from more than \(UInt16.max) files")
    precondition(rowBase + other.count < Int(Int32.max), "more than \(Int32.max) rejected rows")
    sources += other.sources.map { source in
      var moved = source
      moved.store += storeBase
      return moved
    }
    stores += other.stores
    sourceOf += other.sourceOf.map { $0 + UInt16(sourceBase) }
    lines += other.lines
    var numbers: [UInt32] = []
    for problem in other.problems { numbers.append(number(of: problem)) }
    problemOf += other.problemOf.map { numbers[Int($0)] }
    fieldEnds += other.fieldEnds
    if order != nil || other.order != nil {
      order = (order ?? (0..<Int32(rowBase)).map { $0 }) + (other.order ?? (0..<Int32(other.count)).map { $0 }).map { $0 + Int32(rowBase) }
    }
  }

  /// The rows ordered by file name, then line (rows of one file and line in the order added).
  package func sortedByFileAndLine() -> RejectedRows {
    // A file's rank among the names: one file read as two inputs is one name.
    let names = Array(Set(sources.map(\.file))).sorted()
    let rank = sources.map { source in names.firstIndex(of: source.file)! }
    var sorted = self
    sorted.order = indices.map { row($0) }.sorted {
      (rank[Int(sourceOf[$0])], lines[$0], $0) < (rank[Int(sourceOf[$1])], lines[$1], $1)
    }.map { Int32($0) }
    return sorted
  }

  package static func == (left: RejectedRows, right: RejectedRows) -> Bool { left.elementsEqual(right) }

  /// Where the row at `position` is stored.
  private func row(_ position: Int) -> Int { order.map { Int($0[position]) } ?? position }

  /// The store of stored row `row` and the range of its fields' bytes there.
  private func place(of row: Int) -> (store: Int, range: Range<Int>) {
    let store = sources[Int(sourceOf[row])].store
    let start = row > 0 && sources[Int(sourceOf[row - 1])].store == store ? fieldEnds[row - 1] : 0
    return (store, start..<fieldEnds[row])
  }

  /// The number of `problem` among the distinct ones, numbering it if it is new.
  private mutating func number(of problem: RowProblem) -> UInt32 {
    if let number = problemNumbers[problem] { return number }
    problemNumbers[problem] = UInt32(problems.count)
    problems.append(problem)
    return UInt32(problems.count - 1)
  }

  /// A field as its length (7 bits a byte, low first; the top bit says more follow) and bytes.
  private static func write(_ field: ByteView, to store: inout [UInt8]) {
    var length = UInt(field.count)
    while length >= 0x80 {
      store.append(UInt8(truncatingIfNeeded: length) | 0x80)
      length >>= 7
    }
    store.append(UInt8(length))
    field.append(to: &store)
  }

  /// Adds a row: `fields` writes its `fieldCount` fields into the last store.
  private mutating func add(
    file: String, role: InputRole, line: Int, problem: RowProblem, fieldCount: Int, fields: (inout [UInt8]) -> Void
  ) {
    precondition(lines.count < Int(Int32.max), "more than \(Int32.max) rejected rows")
    if stores.isEmpty { stores.append([]) }
    let store = stores.count - 1
    // Rows come file by file: the last source is nearly always the row's own.
    let source: Int
    if let last = sources.indices.last, sources[last].file == file, sources[last].role == role, sources[last].store == store {
      source = last
    } else if let known = sources.firstIndex(where: { $0.file == file && $0.role == role && $0.store == store }) {
      source = known
    } else {
      precondition(sources.count < Int(UInt16.max), "rejected rows from more than \(UInt16.max) files")
      sources.append(Source(file: file, role: role, store: store))
      source = sources.count - 1
    }
    if problem.leftRowUnsplit {
      sources[source].hasUnparsedRows = true
    } else {
      sources[source].mostFields = Swift.max(sources[source].mostFields, fieldCount)
    }
    fields(&stores[store])
    sourceOf.append(UInt16(source))
    lines.append(line)
    problemOf.append(number(of: problem))
    fieldEnds.append(stores[store].count)
    // Listed in an order of their own: a row added after is listed last.
    order?.append(Int32(lines.count - 1))
  }
}

/// The fields of one rejected row, as bytes: valid only inside the call that hands them out.
package struct RejectedFields {
  private let bytes: ByteView
  /// Field `n` is bytes `bounds[2n]..<bounds[2n + 1]`.
  private let bounds: [Int]

  fileprivate init(bytes: ByteView, bounds: [Int]) {
    self.bytes = bytes
    self.bounds = bounds
  }

  package var count: Int { bounds.count / 2 }

  package subscript(field: Int) -> ByteView {
    precondition(field >= 0 && field < count, "no such field")
    return bytes.part(bounds[2 * field]..<bounds[2 * field + 1])
  }

  /// The bounds of each field of a row's bytes (see `RejectedRows.write(_:to:)`).
  fileprivate static func split(_ row: ByteView, into bounds: inout [Int]) {
    bounds.removeAll(keepingCapacity: true)
    var offset = 0
    while offset < row.count {
      var (length, shift) = (0, 0)
      while true {
        let byte = row[offset]
        offset += 1
        length |= Int(byte & 0x7F) << shift
        if byte < 0x80 { break }
        shift += 7
      }
      bounds.append(offset)
      bounds.append(offset + length)
      offset += length
    }
    precondition(offset == row.count, "a rejected row's fields do not end where the row does")
  }
}
