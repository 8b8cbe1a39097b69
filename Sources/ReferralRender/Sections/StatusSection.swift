import ReferralAttribution
import ReferralCore

/// When an input's rejected share passed the limit, the report says so before anything else:
/// a nightly job's report must not look like one that passed its checks.
extension ReportBuilder {
  /// The failed check, first in the report; `nil` when every input passed.
  static func status(_ result: AttributionResult) -> Section? {
    let quality = result.quality
    guard !quality.passed else { return nil }
    let inputs = quality.overThreshold.map { input in
      Text([
        .data(input.file), .plain(": "), .strong(Format.rate(input.rejectRate)), .plain(" of its rows were rejected ("),
        .plain("\(Format.count(input.rejected)) of \(Format.count(input.accepted + input.rejected))), above the \(Format.rate(quality.maxRejectRate)) limit"),
      ])
    }
    return Section(
      title: "This report failed its data check", id: "status",
      blocks: [
        .linkedNote(
          Text([
            .plain("The figures below leave the rejected rows out, so they undercount; see "), .section(title: "Data quality", id: "data-quality"),
            .plain(" and "), .link(text: "rejects.csv", file: "rejects.csv"), .plain(", fix the export and run again."),
          ])),
        .list(inputs),
      ])
  }
}
