import ReferralCore
import TestSupport

extension ReferrerFixture {
  /// The fixture's leads and deals imported with `more` (an asks or payouts export), for the
  /// tests that import it beside an export of their own.
  static func importing(_ more: [InputRole: String] = [:]) throws -> Dataset {
    try Dataset.importing([.leads: leads, .deals: deals].merging(more) { _, new in new })
  }
}
