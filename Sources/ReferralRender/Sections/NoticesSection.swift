import ReferralAttribution
import ReferralCore

/// What the exports' shape says (an unread column that looks like the source, a source that
/// hides most leads), on the first screen: the figures below it may mean less than they seem,
/// and each notice says what to change.
extension ReportBuilder {
  /// The notices, right after a failed check and before the actions; `nil` when there are none.
  static func notices(_ result: AttributionResult) -> Section? {
    guard !result.notices.isEmpty else { return nil }
    let items = result.notices.map { notice in
      Text([.data(notice.file), .plain(": "), .data(notice.message), .plain(".")] + (notice.fix.map { [.plain(" Fix: "), .data($0)] } ?? []))
    }
    return Section(
      title: "Check the exports before trusting these figures", id: "notices",
      blocks: [.paragraph("Every row was read, but the exports' shape may make the figures below mean less than they seem:"), .list(items)])
  }
}
