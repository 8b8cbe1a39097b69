import CSVStream

/// The referral requests, column by column, like ``PayoutTable``: the ids and the lead ids they
/// name in ``TextColumn``s (numbered ids such as `A0000001` in 2 to 4 bytes), the lead each
/// names once resolved, the rest as small integers. About 12 bytes an ask, where an ``Ask`` of
/// `String`s was 80, and an array of them was copied twice on the way (when the dates' format
/// was settled and when the leads were resolved): 131 MB at the peak of a 3M-lead run with its
/// 547,000 asks. ``Ask`` remains the value for one ask.
public struct AskTable: Sendable {
  private var ids = TextColumn()
  /// Set when the export has no ask id column: ask `n` is then named `<file>:<line>`.
  private var namedByLineOf: String?
  @usableFromInline private(set) var askedDays = PackedColumn<Int32>()
  /// The lead ids as written, until the leads are resolved: then only those that matched no
  /// lead are kept, with the asks they belong to (the others are their lead's id).
  private var leadIDs = TextColumn()
  private var unmatchedAsks: [Int32] = []
  /// The position of the lead each ask names (``Links/unmatched`` when none has its id), once
  /// ``resolveLeads(in:)`` found them.
  @usableFromInline private(set) var leads: [Int32]?
  @usableFromInline private(set) var owners = PackedColumn<Int32>()
  /// The distinct outcomes, lower-cased; an ask keeps the number of its own.
  private var outcomeNames: [String] = []
  private var outcomeNumbers: [String: Int32] = [:]
  private var outcomes = PackedColumn<Int32>()
  private var lines = LineColumn()

  public init() {}

  /// Asks named by their file and line (an export without an ask id column): `file` is the
  /// name they take.
  public init(namedByLineOf file: String) { namedByLineOf = file }

  /// The table of `asks`, in order (the lead each names is found when the dataset is linked).
  public init(_ asks: [Ask]) {
    for ask in asks {
      let outcome = ask.outcome.map { number(ofOutcome: $0) }
      ask.id.withByteView { id in
        ask.leadID.withByteView { lead in append(id: id, asked: ask.asked, leadID: lead, owner: ask.owner, outcome: outcome, line: ask.line) }
      }
    }
  }

  public var count: Int { askedDays.count }
  public var indices: Range<Int> { 0..<count }
  public var isEmpty: Bool { askedDays.count == 0 }

  public func id(_ position: Int) -> String { namedByLineOf.map { "\($0):\(line(position))" } ?? ids[position] }
  @inlinable @inline(__always) public func asked(_ position: Int) -> Day { Day(ordinal: askedDays[position]!) }
  @inlinable @inline(__always) public func owner(_ position: Int) -> TextID? { owners[position] }
  /// The lead id ask `position` names, as written; once the leads are resolved, `nil` for an
  /// ask whose lead was found (its lead's id is it: see ``Dataset/asks``).
  public func leadID(_ position: Int) -> String? {
    guard leads != nil else { return leadIDs[position] }
    // The asks that found no lead, ascending: halved.
    var (low, high) = (0, unmatchedAsks.count)
    while low < high {
      let middle = (low + high) / 2
      if unmatchedAsks[middle] < position { low = middle + 1 } else { high = middle }
    }
    return low < unmatchedAsks.count && unmatchedAsks[low] == position ? leadIDs[low] : nil
  }
  public func outcome(_ position: Int) -> String? { outcomes[position].map { outcomeNames[Int($0)] } }
  public func line(_ position: Int) -> Int { lines[position] }

  /// The position of the lead ask `position` names, once resolved (`nil`: none has its id, or
  /// not resolved yet).
  @inlinable @inline(__always)
  public func lead(_ position: Int) -> Int? {
    guard let leads, leads[position] >= 0 else { return nil }
    return Int(leads[position])
  }

  /// Whether ``resolveLeads(in:)`` was called (else ``lead(_:)`` is always `nil`).
  public var leadsResolved: Bool { leads != nil }

  /// The position in `index` of the lead ask `position` names, looked up by its bytes (before
  /// the leads are resolved: a dataset built by hand).
  public func lookUpLead(_ position: Int, in index: IDIndex) -> Int? {
    precondition(leads == nil, "asks' leads looked up after they were resolved")
    return index.position(ofText: position, in: leadIDs)
  }

  /// Ask number `position`, as one value.
  public subscript(position: Int) -> Ask {
    var ask = Ask(
      id: id(position), asked: asked(position), leadID: leadID(position) ?? "", owner: owner(position), outcome: outcome(position),
      line: line(position))
    ask.lead = lead(position).map(Int32.init)
    return ask
  }

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

  public mutating func reserveCapacity(_ count: Int, idLength: Int = 12) {
    if namedByLineOf == nil { ids.reserveCapacity(count, bytes: count * idLength) }
    askedDays.reserveCapacity(count)
    leadIDs.reserveCapacity(count, bytes: count * idLength)
    owners.reserveCapacity(count)
    outcomes.reserveCapacity(count)
  }

  /// Finds the lead each ask names among `index`'s ids (the leads'), while their lookups exist,
  /// and lets go of the ids that found one: at 10M leads, 1.8 million asks' lead ids of two
  /// prefixes (`L…` and `X…`, which no numbered column holds) were 16 MB.
  public mutating func resolveLeads(in index: IDIndex) {
    var unmatched = TextColumn()
    let found: [Int32] = indices.map { position in
      if let lead = index.position(ofText: position, in: leadIDs) { return Int32(lead) }
      unmatchedAsks.append(Int32(position))
      leadIDs.withBytes(at: position) { unmatched.append($0) }
      return Links.unmatched
    }
    (leads, leadIDs) = (found, unmatched)
  }

  /// Renumbers owners (ids of the asks file's table) into the dataset's merged table.
  public mutating func renumber(owners ownerMap: [TextID]) {
    owners.update { ownerMap[Int($0)] }
  }

  /// Corrects every ask's day (once the date column's format is known).
  public mutating func correctDays(_ fix: (Day) -> Day) {
    askedDays.update { fix(Day(ordinal: $0)).ordinal }
  }
}
