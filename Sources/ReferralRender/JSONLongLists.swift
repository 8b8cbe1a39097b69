import ReferralAttribution

/// `summary.json`'s two long lists, unpaid fees and missed thank-yous (tens of thousands of
/// objects for a large export), in pieces that can be rendered side by side with ``render(_:)``
/// and then spliced into the document by ``JSONRenderer/runs(_:splicing:)``: rendered in
/// place, they made the JSON file the last of the report to be ready by far.
public struct JSONLongLists: Sendable {
  private enum List { case unpaid, missed }

  /// Where both lists' items sit: root object, then `referral_fees` or `thank_yous`, then the array.
  private static let itemDepth = 3

  private let programme: Programme
  private let pieces: [(list: List, range: Range<Int>)]

  /// The lists of `result`, in pieces of at most `pieceSize` items.
  public init(_ result: AttributionResult, pieceSize: Int = 8192) {
    programme = result.programme
    let unpaid = JSONRenderer.unpaidList(programme.fees).count
    let missed = programme.thankYous.known ? programme.thankYous.missed.count : 0
    pieces =
      stride(from: 0, to: unpaid, by: pieceSize).map { (.unpaid, $0..<min($0 + pieceSize, unpaid)) }
      + stride(from: 0, to: missed, by: pieceSize).map { (.missed, $0..<min($0 + pieceSize, missed)) }
  }

  /// How many pieces there are to render.
  public var count: Int { pieces.count }

  /// Renders piece `index` (any thread, any order).
  public func render(_ index: Int) -> JSONItems {
    let (list, range) = pieces[index]
    switch list {
    case .unpaid:
      return JSONWriter.items(
        JSONRenderer.unpaidList(programme.fees)[range], depth: Self.itemDepth, continuing: range.lowerBound > 0,
        capacity: 320 * range.count, JSONRenderer.unpaidFee)
    case .missed:
      return JSONWriter.items(
        programme.thankYous.missed[range], depth: Self.itemDepth, continuing: range.lowerBound > 0,
        capacity: 320 * range.count, JSONRenderer.missedThankYou)
    }
  }

  /// The rendered pieces (every one, in order), by list.
  public func spliced(_ rendered: [JSONItems]) -> JSONSplicedLists {
    precondition(rendered.count == pieces.count, "every piece must be rendered")
    let unpaid = pieces.indices.filter { pieces[$0].list == .unpaid }.map { rendered[$0] }
    let missed = pieces.indices.filter { pieces[$0].list == .missed }.map { rendered[$0] }
    return JSONSplicedLists(unpaid: unpaid, missed: missed)
  }
}

/// The long lists of `summary.json`, rendered (see ``JSONLongLists``).
public struct JSONSplicedLists: Sendable {
  let unpaid: [JSONItems]
  let missed: [JSONItems]
}
