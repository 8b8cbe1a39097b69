import CSVStream
import ReferralCore

/// Referral fees and thank-you gifts paid; `kind` defaults to fee when the export has none.
struct PayoutDecoder: RowDecoder {
  static let role = InputRole.payouts
  static let fields: [(field: Field, required: Bool)] = [
    (.payoutID, true), (.paidAt, true), (.referrerID, false), (.dealID, false),
    (.kind, false), (.amount, true), (.currency, false),
  ]
  static let idFields: [Field] = [.payoutID]
  private let layout: ColumnLayout
  private let options: ImportOptions
  private var paidDates: DateColumn?
  private(set) var payouts = PayoutTable()
  private(set) var referrers = Interner()
  let warnings: [Warning] = []
  /// The kinds the column's values were read as, by value.
  private var kinds = CellMemo<PayoutKind?>()
  private var currencies: CurrencyConverter

  private static let kindNames: [String: PayoutKind] = [
    "fee": .fee, "referralfee": .fee, "bounty": .fee, "commission": .fee, "finderfee": .fee,
    "gift": .gift, "thankyougift": .gift, "thankyou": .gift, "giftcard": .gift, "thankyounote": .gift,
  ]

  init(layout: ColumnLayout, options: ImportOptions, file: String) {
    self.layout = layout
    self.options = options
    currencies = CurrencyConverter(options: options)
    paidDates = .make(.paidAt, layout, options, Self.role)
  }

  mutating func decode(_ row: CSVRowView) -> RowProblem? {
    let fields = RowFields(row: row)
    guard let id = fields.value(layout[.payoutID]) else { return .missing(.payoutID) }
    let paid: Day
    switch fields.date(layout[.paidAt], &paidDates) {
    case .failure(let problem): return problem
    case .success(nil): return .missing(.paidAt)
    case .success(let day?): paid = day
    }
    var kind = PayoutKind.fee
    if let kindBytes = fields.value(layout[.kind]) {
      guard let known = payoutKind(of: kindBytes) else { return .unknownKind(kindBytes.string) }
      kind = known
    }
    let amount: Money
    switch fields.amount(layout, options.decimalSeparators[Self.role], &currencies) {
    case .failure(let problem): return problem
    case .success(nil): return .missing(.amount)
    case .success(let value?): amount = value
    }
    // One hash for the check and the insert.
    if let first = payouts.claim(id) { return .duplicate(.payoutID, id.string, firstLine: payouts.line(first)) }
    payouts.fill(
      paid: paid, referrer: referrers.internUnlessEmpty(fields.value(layout[.referrerID])),
      dealID: fields.value(layout[.dealID]) ?? .empty, kind: kind, amount: amount, line: fields.line)
    return nil
  }

  private mutating func payoutKind(of bytes: ByteView) -> PayoutKind? {
    kinds.meaning(of: bytes) { Self.kindNames[compactKey($0)] }
  }

  mutating func reserve(rows: Int) {
    payouts.reserveCapacity(rows)
  }

  func texts(_ kind: TextKind) -> Interner? { kind == .referrers ? referrers : nil }

  mutating func renumber(_ maps: [TextKind: [TextID]]) {
    if let referrers = maps[.referrers] { payouts.renumber(referrers: referrers) }
  }

  consuming func assemble(into dataset: inout Dataset, file: String) {
    dataset.payoutTable = payouts
    dataset.hasPayouts = true
  }

  mutating func finish(file: String) throws(ImportError) {
    let fix = try paidDates.resolution(file: file)
    guard fix != .asRead else { return }
    payouts.correctDays(fix.apply)
  }
}
