/// The leads, column by column.
///
/// A million leads as `Lead` values cost about 160 bytes each (two `String`s, one of them on the
/// heap, plus a second copy of the id in the index); as columns about 90: ids live once, in the
/// index, and companies back to back in one byte buffer. ``Lead`` remains the value for one lead.
public struct LeadTable: Sendable {
  /// The ids, and the position of each.
  public private(set) var index = IDIndex()
  public private(set) var created: [Day] = []
  public private(set) var source: [TextID] = []
  private var owners: [TextID] = []
  private var referrers: [TextID] = []
  private var thankedDays: [Day?] = []
  private var lines: [Int32] = []
  private var companies = TextColumn()

  private static let none: TextID = -1

  public init() {}

  /// The table of `leads`; a repeated id keeps its first lead.
  public init(_ leads: [Lead]) {
    reserveCapacity(leads.count)
    for lead in leads {
      _ = append(
        id: lead.id, created: lead.created, source: lead.source, owner: lead.owner, referrer: lead.referrer,
        company: Array(lead.company.utf8)[...], thanked: lead.thanked, line: lead.line)
    }
  }

  public var count: Int { created.count }
  public var indices: Range<Int> { 0..<count }

  public func id(_ position: Int) -> String { index.ids[position] }
  public func owner(_ position: Int) -> TextID? { owners[position] == Self.none ? nil : owners[position] }
  public func referrer(_ position: Int) -> TextID? { referrers[position] == Self.none ? nil : referrers[position] }
  public func thanked(_ position: Int) -> Day? { thankedDays[position] }
  public func line(_ position: Int) -> Int { Int(lines[position]) }

  public func company(_ position: Int) -> String { companies[position] }

  /// Lead number `position`, as one value.
  public subscript(position: Int) -> Lead {
    Lead(
      id: id(position), created: created[position], source: source[position], owner: owner(position),
      referrer: referrer(position), company: company(position), thanked: thanked(position), line: line(position))
  }

  /// Adds a lead and returns `nil`, or returns the position of the lead that already has `id`
  /// (and adds nothing). `company` is UTF-8, stored as is.
  public mutating func append(
    id: String, created day: Day, source: TextID, owner: TextID?, referrer: TextID?,
    company: ArraySlice<UInt8>, thanked: Day?, line: Int
  ) -> Int? {
    if let existing = claim(id) { return existing }
    fill(created: day, source: source, owner: owner, referrer: referrer, company: company, thanked: thanked, line: line)
    return nil
  }

  /// The first half of adding a lead, for an importer that must not do work for a duplicate:
  /// the position of the lead that already has `id`, or `nil` after reserving the next position
  /// for it — which ``fill(created:source:owner:referrer:company:thanked:line:)`` must then fill.
  public mutating func claim(_ id: String) -> Int? {
    precondition(index.count == count, "a claimed id was not filled")
    return index.insert(id)
  }

  /// The second half of adding a lead: its values, at the position ``claim(_:)`` reserved.
  public mutating func fill(
    created day: Day, source: TextID, owner: TextID?, referrer: TextID?, company: ArraySlice<UInt8>, thanked: Day?, line: Int
  ) {
    precondition(index.count == count + 1, "fill without a claimed id")
    created.append(day)
    self.source.append(source)
    owners.append(owner ?? Self.none)
    referrers.append(referrer ?? Self.none)
    thankedDays.append(thanked)
    lines.append(Int32(clamping: line))
    companies.append(company)
  }

  public mutating func reserveCapacity(_ count: Int) {
    index.reserveCapacity(count)
    created.reserveCapacity(count)
    source.reserveCapacity(count)
    owners.reserveCapacity(count)
    referrers.reserveCapacity(count)
    thankedDays.reserveCapacity(count)
    lines.reserveCapacity(count)
    companies.reserveCapacity(count)
  }

  /// Corrects every creation and thank-you day (once a date column's format is known).
  public mutating func correctDays(created fixCreated: (Day) -> Day, thanked fixThanked: (Day) -> Day) {
    for i in created.indices {
      created[i] = fixCreated(created[i])
      thankedDays[i] = thankedDays[i].map(fixThanked)
    }
  }
}
