import Foundation
import ReferralAttribution
import ReferralCore

/// `referral-bench attribution-check PATHS.json`: the eight models of the tool on a file of
/// paths, as JSON, for `scripts/check-attribution.py` to hold against ChannelAttribution (the
/// reference implementation) on the same paths. A development check, not part of the product.
///
/// The paths file is a JSON array of `{"path": ["Referral", "Email"], "conversions": 2,
/// "value": 123.45, "nulls": 3, "referral": ["Referral"]}` (`referral`, on any one entry,
/// names the referral channels). Touches carry no dates here: every touch is 0 days before its
/// conversion, and the W-shaped deal touch is the first.
enum AttributionCheck {
  static func run(_ file: String) throws {
    let data = try Data(contentsOf: URL(fileURLWithPath: file))
    guard let rows = try JSONSerialization.jsonObject(with: data) as? [[String: Any]] else {
      throw CocoaError(.fileReadCorruptFile)
    }
    let referral = Set(rows.flatMap { $0["referral"] as? [String] ?? [] })
    var names: [String] = []
    for row in rows {
      for name in row["path"] as? [String] ?? [] where !names.contains(name) { names.append(name) }
    }
    var paths = TouchPaths(channels: names.map { Catalogue.Channel(name: $0, referral: referral.contains($0)) })
    for row in rows {
      let path = (row["path"] as? [String] ?? []).map { names.firstIndex(of: $0)! }
      guard !path.isEmpty else { continue }
      let conversions = row["conversions"] as? Int ?? 0
      let cents = Int64(((row["value"] as? Double ?? 0) * 100).rounded())
      if conversions > 0 {
        paths.addConversion(
          channels: path, ages: Array(repeating: 0, count: path.count), wins: conversions, revenue: Money(minorUnits: cents), dealTouch: 0)
      }
      if let nulls = row["nulls"] as? Int, nulls > 0 { paths.addNull(channels: path, count: nulls) }
    }
    var result: [String: Any] = [:]
    for model in MultiTouchModel.allCases {
      switch paths.credits(model, halfLifeDays: 7, revenueKnown: true) {
      case .success(let credits):
        result[model.rawValue] = credits.map { ["channel": $0.channel, "wins": $0.wins, "revenue": $0.revenue!.doubleValue] }
      case .failure(let why):
        result[model.rawValue] = "not computed: \(why)"
      }
    }
    let out = try JSONSerialization.data(withJSONObject: result, options: [.sortedKeys, .prettyPrinted])
    FileHandle.standardOutput.write(out)
  }
}
