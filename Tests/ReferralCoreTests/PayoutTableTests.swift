import ReferralCore
import TestSupport
import Testing

@Suite struct PayoutTableTests {
  let day = Day(iso: "2026-10-05")!

  @Test func payoutsRoundTripThroughTheColumns() {
    let payouts = [
      Payout(id: "P1", paid: day, referrer: 3, dealID: "D1", kind: .fee, amount: Money(minorUnits: 150_000), line: 2),
      Payout(id: "P2", paid: day.adding(days: 1), referrer: nil, dealID: nil, kind: .gift, amount: .zero, line: 3),
      Payout(id: "Pé", paid: day, referrer: 0, dealID: "Zoë-7", kind: .fee, amount: Money(minorUnits: 1), line: 4),
    ]
    let table = PayoutTable(payouts)
    #expect(table.indices.map { table[$0] } == payouts)
    #expect(table.namesDeal(0) && !table.namesDeal(1))
    #expect(PayoutTable(payouts + [payouts[0]]).count == 3)  // a repeated id keeps the first
  }

  @Test func referrersAreRenumberedAndDaysCorrected() {
    var table = PayoutTable([
      Payout(id: "P1", paid: day, referrer: 1, dealID: nil, kind: .fee, amount: .zero),
      Payout(id: "P2", paid: day, referrer: nil, dealID: nil, kind: .gift, amount: .zero),
    ])
    table.renumber(referrers: [4, 9])
    table.correctDays { $0.adding(days: 3) }
    #expect(table.referrer(0) == 9 && table.referrer(1) == nil)
    #expect(table.indices.map(table.paid) == [day.adding(days: 3), day.adding(days: 3)])
  }
}
