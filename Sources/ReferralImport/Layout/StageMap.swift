import CSVStream
import ReferralCore

/// Which raw stage values mean won, lost and open; compared by ``compactKey(_:)``, so
/// "Closed Won", "closed_won" and "closedwon" are one value.
package struct StageMap: Sendable, Equatable {
  private var outcomes: [String: DealOutcome] = [:]

  package init(won: [String] = [], lost: [String] = [], open: [String] = []) {
    add(won, as: .won)
    add(lost, as: .lost)
    add(open, as: .open)
  }

  /// Adds (or re-maps) values; later mappings win, so a config can override a preset.
  package mutating func add(_ values: [String], as outcome: DealOutcome) {
    for value in values { outcomes[compactKey(value.utf8)] = outcome }
  }

  func outcome(of raw: ByteView) -> DealOutcome? { outcomes[compactKey(raw)] }

  /// The outcome a stage value means, as the importer reads it (for tests and messages).
  package func outcome(ofText text: String) -> DealOutcome? { outcomes[compactKey(text.utf8)] }

  /// Stage values common to most CRMs: Salesforce's standard opportunity stages, HubSpot's
  /// default deal pipeline (ids and labels: the keys ignore case, spaces and punctuation),
  /// Pipedrive's statuses, and the open stages sales teams commonly name their own.
  package static let standard = StageMap(
    won: ["won", "closed won", "win", "closed - won"],
    lost: ["lost", "closed lost", "closed - lost", "lose", "disqualified", "no decision"],
    open: [
      "open", "new", "prospecting", "qualification", "qualified", "needs analysis", "discovery", "demo",
      "value proposition", "id. decision makers", "perception analysis", "proposal", "proposal/price quote",
      "negotiation", "negotiation/review", "contract sent", "in progress",
      "appointment scheduled", "qualified to buy", "presentation scheduled", "decision maker bought-in",
      "engaging", "contacted", "meeting scheduled", "evaluation", "closing", "commit", "best case",
    ])
}

/// Reads a stage column through a ``StageMap``, remembering what the few values a column holds
/// mean (see ``CellMemo``), so a row costs a comparison of its value, not a key made and
/// matched (deals, and leads with their own outcome, read stages alike).
struct StageReader: Sendable {
  private let map: StageMap
  private var memo = CellMemo<DealOutcome?>()

  init(_ map: StageMap) { self.map = map }

  /// The outcome `stage` means; `nil` when the map does not name it.
  mutating func outcome(of stage: ByteView) -> DealOutcome? {
    memo.meaning(of: stage) { [map] in map.outcome(of: $0) }
  }
}
