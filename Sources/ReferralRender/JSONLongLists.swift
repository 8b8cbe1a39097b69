import ReferralAttribution

/// `summary.json`'s long lists, unpaid fees, missed thank-yous and the two ask lists (tens of
/// thousands of objects for a large export), in pieces that can be rendered side by side with ``render(_:)``
/// and then spliced into the document by ``JSONRenderer/runs(_:splicing:)``: rendered in
/// place, they made the JSON file the last of the report to be ready by far.
package struct JSONLongLists: Sendable {
  private enum List {
    case unpaid, missed, askList, lostAskList

    /// Where the list's items sit: in the root object's `referral_fees` or `thank_yous`, then
    /// the array (3), or in an array of the root object (2).
    var itemDepth: Int {
      switch self {
      case .unpaid, .missed: 3
      case .askList, .lostAskList: 2
      }
    }
  }

  private let programme: Programme
  private let pieces: [(list: List, range: Range<Int>)]

  /// The lists of `result`, in pieces of at most `pieceSize` items.
  package init(_ result: AttributionResult, pieceSize: Int = 8192) {
    programme = result.programme
    let unpaid = JSONRenderer.unpaidList(programme.fees).count
    let missed = programme.thankYous.known ? programme.thankYous.missed.count : 0
    let counts: [(List, Int)] = [
      (.unpaid, unpaid), (.missed, missed), (.askList, programme.askList.customers.count), (.lostAskList, programme.askList.lostProspects.count),
    ]
    pieces = counts.flatMap { list, count in stride(from: 0, to: count, by: pieceSize).map { (list, $0..<min($0 + pieceSize, count)) } }
  }

  /// How many pieces there are to render.
  package var count: Int { pieces.count }

  /// Renders piece `index` (any thread, any order).
  package func render(_ index: Int) -> JSONItems {
    let (list, range) = pieces[index]
    switch list {
    case .unpaid:
      return JSONWriter.items(
        JSONRenderer.unpaidList(programme.fees)[range], depth: list.itemDepth, continuing: range.lowerBound > 0,
        capacity: 320 * range.count, JSONRenderer.unpaidFee)
    case .missed:
      return JSONWriter.items(
        programme.thankYous.missed[range], depth: list.itemDepth, continuing: range.lowerBound > 0,
        capacity: 320 * range.count, JSONRenderer.missedThankYou)
    case .askList:
      return JSONWriter.items(
        programme.askList.customers[range], depth: list.itemDepth, continuing: range.lowerBound > 0, capacity: 320 * range.count,
        JSONRenderer.askCustomer)
    case .lostAskList:
      return JSONWriter.items(
        programme.askList.lostProspects[range], depth: list.itemDepth, continuing: range.lowerBound > 0, capacity: 224 * range.count,
        JSONRenderer.lostProspect)
    }
  }

  /// The rendered pieces (every one, in order), by list.
  package func spliced(_ rendered: [JSONItems]) -> JSONSplicedLists {
    precondition(rendered.count == pieces.count, "every piece must be rendered")
    func of(_ list: List) -> [JSONItems] { pieces.indices.filter { pieces[$0].list == list }.map { rendered[$0] } }
    return JSONSplicedLists(unpaid: of(.unpaid), missed: of(.missed), askList: of(.askList), lostAskList: of(.lostAskList))
  }
}

/// The long lists of `summary.json`, rendered (see ``JSONLongLists``).
package struct JSONSplicedLists: Sendable {
  let unpaid: [JSONItems]
  let missed: [JSONItems]
  let askList: [JSONItems]
  let lostAskList: [JSONItems]
}
