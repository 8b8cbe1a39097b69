// Public, not package: the table's per-row accessors (the rest is package) are inlined into other
// modules, which Swift 6.3 does only for public bodies; see docs/PERFORMANCE.md.

import CSVStream

/// The referral requests, column by column, like ``PayoutTable``: the ids and the lead ids they
/// name in ``TextColumn``s (their bytes back to back), the rest as small integers. About 12 bytes an ask, where a value of `String`s was 80, and an array of them
/// was copied twice on the way: 131 MB at the peak of a 3M-lead run with its 547,000 asks.
public struct AskTable: Sendable {
  private var ids = TextColumn()
  /// Set when the export has no ask id column: ask `n` is then named `<file>:<line>`.
  private var namedByLineOf: String?
  @usableFromInline private(set) var askedDays = PackedColumn<Int32>()
  /// The lead ids as written.
  private var leadIDs = TextColumn()
  @usableFromInline private(set) var owners = PackedColumn<Int32>()
  /// The distinct outcomes, lower-cased; an ask keeps the number of its own.
  private var outcomeNames: [String] = []
  private var outcomeNumbers: [String: Int32] = [:]
  private var outcomes = PackedColumn<Int32>()
  private var lines = LineColumn()

  package init() {}

  /// Asks named by their file and line (an export without an ask id column): `file` is the
  /// name they take.
  package init(namedByLineOf file: String) { namedByLineOf = file }

  public var count: Int { askedDays.count }
  public var indices: Range<Int> { 0..<count }
  public var isEmpty: Bool { askedDays.count == 0 }

  public func id(_ position: Int) -> String { namedByLineOf.map { "\($0):\(line(position))" } ?? ids[position] }
  @inlinable @inline(__always) public func asked(_ position: Int) -> Day { Day(ordinal: askedDays[position]!) }
  @inlinable @inline(__always) public func owner(_ position: Int) -> TextID? { owners[position] }
  /// The lead id ask `position` names, as written.
  public func leadID(_ position: Int) -> String { leadIDs[position] }
  public func outcome(_ position: Int) -> String? { outcomes[position].map { outcomeNames[Int($0)] } }
  public func line(_ position: Int) -> Int { lines[position] }

  /// The position in `index` (the leads') of the lead ask `position` names, looked up by its
  /// bytes; `nil` when none has its id.
  public func leadPosition(_ position: Int, in index: IDIndex) -> Int? { index.position(ofText: position, in: leadIDs) }

  /// The number of `outcome` (lower-cased) among the distinct ones, numbering it if it is new:
  /// for a reader that remembers what an export's few values decode to.
  public mutating func number(ofOutcome outcome: String) -> Int32 {
    let name = outcome.lowercased()
    if let known = outcomeNumbers[name] { return known }
    outcomeNumbers[name] = Int32(outcomeNames.count)
    outcomeNames.append(name)
    return Int32(outcomeNames.count - 1)
  }

  /// Adds an ask; `id` is ignored for a table of asks named by line, and `outcome` is a number
  /// ``number(ofOutcome:)`` gave (`nil`: none).
  public mutating func append(id: ByteView, asked: Day, leadID: ByteView, owner: TextID?, outcome: Int32?, line: Int) {
    if namedByLineOf == nil { ids.append(id) }
    askedDays.append(asked.ordinal)
    leadIDs.append(leadID)
    owners.append(owner)
    outcomes.append(outcome)
    lines.append(line)
  }

  package mutating func reserveCapacity(_ count: Int, idLength: Int = 12) {
    if namedByLineOf == nil { ids.reserveCapacity(count, bytes: count * idLength) }
    askedDays.reserveCapacity(count)
    leadIDs.reserveCapacity(count, bytes: count * idLength)
    owners.reserveCapacity(count)
    outcomes.reserveCapacity(count)
  }

  /// Renumbers owners (ids of the asks file's table) into the dataset's merged table.
  package mutating func renumber(owners ownerMap: [TextID]) {
    owners.update { ownerMap[Int($0)] }
  }

  /// Corrects every ask's day (once the date column's format is known).
  public mutating func correctDays(_ fix: (Day) -> Day) {
    askedDays.update { fix(Day(ordinal: $0)).ordinal }
  }
}
