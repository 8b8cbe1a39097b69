// Public, not package: the table's per-row accessors (the rest is package) are inlined into other
// modules, which Swift 6.3 does only for public bodies; see docs/PERFORMANCE.md.

import CSVStream

/// The leads, column by column.
///
/// A million leads as values of their own cost about 160 bytes each (two `String`s, one of them on the
/// heap, plus a second copy of the id in the index); as columns about 14: ids live once, in
/// the index (2- or 4-byte numbers for ids like `L0000001`, see ``TextColumn``), days and interned
/// texts as 1- or 2-byte numbers (companies interned: contacts of one company share it).
public struct LeadTable: Sendable {
  /// The ids, and the position of each.
  public private(set) var index = IDIndex()
  /// Day numbers, 2 bytes each for any day from 1970 to 2149.
  @usableFromInline private(set) var createdDays = PackedColumn<Int32>()
  @usableFromInline private(set) var sources = PackedColumn<Int32>()
  @usableFromInline private(set) var owners = PackedColumn<Int32>()
  /// Most leads have neither a referrer nor a thank-you day: both are sparse.
  @usableFromInline private(set) var referrers = SparseColumn()
  private var thankedDays = SparseColumn()
  private var lines = LineColumn()
  private var companyIDs = PackedColumn<Int32>()
  private var companies = IDIndex()
  private var recentCompanies = RecentTexts()
  /// Who sourced each referral and their role, as positions in ``creditedNames`` and
  /// ``creditedRoleNames``: most leads name neither, so both are sparse.
  private var credits = SparseColumn()
  private var creditRoles = SparseColumn()
  private var people = IDIndex()
  private var roles = IDIndex()
  /// The persons' names, stored as the companies are (an empty name is one entry, shared).
  private var nameIDs = PackedColumn<Int32>()
  private var names = IDIndex()
  /// The e-mail domains, as positions in ``emailDomains``: only the domain is kept (all
  /// eligibility compares), and sparse, since most exports have no e-mail column.
  private var emailDomainIDs = SparseColumn()
  private var emailDomains = IDIndex()

  package init() {}

  public var count: Int { createdDays.count }
  public var indices: Range<Int> { 0..<count }

  public func id(_ position: Int) -> String { index[position] }
  @inlinable @inline(__always) public func created(_ position: Int) -> Day { Day(ordinal: createdDays[position]!) }
  /// The raw source value of the lead (an empty one is a value too).
  @inlinable @inline(__always) public func source(_ position: Int) -> TextID { sources[position] ?? 0 }
  @inlinable @inline(__always) public func owner(_ position: Int) -> TextID? { owners[position] }
  @inlinable @inline(__always) public func referrer(_ position: Int) -> TextID? { referrers[position] }
  /// Calls `body` with every lead that names a referrer, in order, and the referrer: a pass
  /// over the referrals that skips the other leads (most of them) 64 at a time.
  @inlinable
  public func forEachReferral(_ body: (_ lead: Int, _ referrer: TextID) throws -> Void) rethrows {
    try referrers.forEach(body)
  }

  public func thanked(_ position: Int) -> Day? { thankedDays[position].map(Day.init(ordinal:)) }
  public func line(_ position: Int) -> Int { lines[position] }

  public func company(_ position: Int) -> String { companies[companyID(position)] }
  /// The lead's company as a position in ``companyNames`` (contacts of one company share it).
  public func companyID(_ position: Int) -> Int { Int(companyIDs[position]!) }
  /// Every distinct company, by ``companyID(_:)``.
  package var companyNames: [String] { companies.strings }
  /// The lead's person; empty when the export names nobody.
  public func name(_ position: Int) -> String { names[Int(nameIDs[position]!)] }

  /// Who sourced the lead's referral, as a position in ``creditedNames``; `nil`: not said.
  public func credited(_ position: Int) -> Int? { credits[position].map(Int.init) }
  /// Their role, as a position in ``creditedRoleNames``; `nil`: not said.
  public func creditedRole(_ position: Int) -> Int? { creditRoles[position].map(Int.init) }
  package var creditedNames: [String] { people.strings }
  package var creditedRoleNames: [String] { roles.strings }
  /// The lead's e-mail domain, as a position in ``emailDomainNames``; `nil`: none.
  package func emailDomainID(_ position: Int) -> Int? { emailDomainIDs[position].map(Int.init) }
  /// The lead's e-mail domain as written; `nil`: none.
  package func emailDomain(_ position: Int) -> String? { emailDomainID(position).map { emailDomains[$0] } }
  /// Every distinct e-mail domain as written, by ``emailDomainID(_:)``.
  package var emailDomainNames: [String] { emailDomains.strings }

  /// The position of the lead that already has `id`, or `nil` after reserving the next
  /// position for it, which ``fill(created:source:owner:referrer:company:thanked:line:credited:creditedRole:name:emailDomain:)`` must
  /// then fill (see ``IDIndex/claim(_:rowsFilled:)``).
  public mutating func claim(_ id: ByteView) -> Int? { index.claim(id, rowsFilled: count) }

  /// The second half of adding a lead: its values, at the position ``claim(_:)`` reserved.
  /// `referrer` is the referrer's id among the dataset's referrers, or, while an importer
  /// gathers the ids to intern them at once (see ``DeferredTexts``), the referral's number
  /// among them until ``numberReferrers(_:)``.
  public mutating func fill(
    created day: Day, source: TextID, owner: TextID?, referrer: TextID?, company: ByteView, thanked: Day?, line: Int,
    credited: ByteView? = nil, creditedRole: ByteView? = nil, name: ByteView = .empty, emailDomain: ByteView? = nil
  ) {
    precondition(index.count == count + 1, "fill without a claimed id")
    createdDays.append(day.ordinal)
    sources.append(source)
    owners.append(owner)
    referrers.append(referrer)
    thankedDays.append(thanked?.ordinal)
    lines.append(line)
    companyIDs.append(Int32(recentCompanies.position(of: company, in: &companies)))
    credits.append(credited.map { Int32(people.insert($0) ?? people.count - 1) })
    creditRoles.append(creditedRole.map { Int32(roles.insert($0) ?? roles.count - 1) })
    nameIDs.append(Int32(names.insert(name) ?? names.count - 1))
    emailDomainIDs.append(emailDomain.map { Int32(emailDomains.insert($0) ?? emailDomains.count - 1) })
  }

  package mutating func reserveCapacity(_ count: Int, idLength: Int = 12) {
    index.reserveCapacity(count, averageLength: idLength)
    createdDays.reserveCapacity(count)
    sources.reserveCapacity(count)
    owners.reserveCapacity(count)
    referrers.reserveCapacity(count)
    thankedDays.reserveCapacity(count)
    companyIDs.reserveCapacity(count)
    nameIDs.reserveCapacity(count)
  }

  /// Numbers the referrers as ``DeferredTexts/interned()`` did: each lead's referrer was filled
  /// as its referral's number, and becomes `positions[number]`.
  package mutating func numberReferrers(_ positions: [Int32]) {
    referrers.update { positions[Int($0)] }
  }

  /// Corrects every creation and thank-you day (once a date column's format is known).
  public mutating func correctDays(created fixCreated: (Day) -> Day, thanked fixThanked: (Day) -> Day) {
    createdDays.update { fixCreated(Day(ordinal: $0)).ordinal }
    thankedDays.update { fixThanked(Day(ordinal: $0)).ordinal }
  }
}
