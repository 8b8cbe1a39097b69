import CSVStream
import Foundation
import ReferralAttribution
import ReferralCore
import TestSupport
import Testing

@testable import ReferralRender

/// The "Attribution models" section on two converting paths, worked out by hand.
///
/// R, a referral lead of 1 Oct, touched by the newsletter (Email) on 5 Oct, won 20 Oct, $1,000:
/// path Referral → Email. W, an Email lead with no touches, won 10 Oct, $500: path Email. N, an
/// Email lead with no win: path Email, no conversion.
@Suite struct AttributionModelsSectionTests {
  static func result(touches: Bool) throws -> AttributionResult {
    let leads = """
      lead_id,created_at,source
      R,2026-10-01,Customer Referral
      W,2026-10-02,newsletter
      N,2026-10-03,newsletter

      """
    let deals = """
      deal_id,lead_id,stage,amount,closed_at
      DR,R,won,1000.00,2026-10-20
      DW,W,won,500.00,2026-10-10

      """
    var exports: [InputRole: String] = [.leads: leads, .deals: deals]
    if touches {
      exports[.touches] = """
        lead_id,touched_at,channel
        R,2026-10-05,newsletter

        """
    }
    return Attributor.attribute(try Dataset.importing(exports), options: AttributionOptions(period: Period(month: Month(year: 2026, month: 10)!)))
  }

  @Test func theReferralShareUnderEachModel() throws {
    let result = try Self.result(touches: true)
    let out = try EveryRendererTests.Outputs(result)
    let section = ReportBuilder.attributionModels(result)
    let tables = section.blocks.compactMap { if case .table(let table) = $0 { table } else { nil } }
    // First touch: Referral R (1, $1,000 of $1,500: 50%, 66.7%). Last touch: none (0%).
    // Linear and U-shaped (two touches: 50/50): Referral ½ deal, $500 (25%, 33.3%). W-shaped:
    // R's deal is undated, its win (20 Oct) nearest the Email touch, which holds two roles:
    // Referral ⅓ ($333.33: 16.7%, 22.2%). Time decay: Referral 19 days before the win, Email
    // 15: 2^(−19/7) ÷ (2^(−19/7) + 2^(−15/7)) = 1 ÷ (1 + 2^(4/7)) = 0.40225 of R ($402.25:
    // 20.1%, 26.8%).
    // Markov: removing Referral leaves 4/9 of 2/3 (effect ⅓), Email leaves 0 (effect 1):
    // Referral ¼ of 2 deals and of $1,500 (25%, 25%). Shapley: rates {R,E} 1, {E} ½: φ_R ½,
    // φ_E 1 → ⅓ of 2 deals (33.3%); revenue rates 1,000 and 250: φ 500 and 750 → $600 (40%).
    #expect(
      tables[2].rows.map { $0.map(\.text) } == [
        ["First touch", "50.0%", "66.7%", ""], ["Last touch", "0.0%", "0.0%", "-66.7 pts"], ["Linear", "25.0%", "33.3%", "-33.3 pts"],
        ["U-shaped", "25.0%", "33.3%", "-33.3 pts"], ["W-shaped", "16.7%", "22.2%", "-44.4 pts"], ["Time decay", "20.1%", "26.8%", "-39.8 pts"],
        ["Markov", "25.0%", "25.0%", "-41.7 pts"], ["Shapley", "33.3%", "40.0%", "-26.7 pts"],
      ])
    #expect(tables[0].columns.map(\.title).dropFirst(2) == ["First touch", "Last touch", "Linear", "U-shaped", "W-shaped", "Time decay", "Markov", "Shapley"])
    #expect(
      tables[0].rows.map { $0.map(\.text) } == [
        ["Referral", "yes", "1.00", "0.00", "0.50", "0.50", "0.33", "0.40", "0.50", "0.67"],
        ["Email", "no", "1.00", "2.00", "1.50", "1.50", "1.67", "1.60", "1.50", "1.33"],
      ])
    #expect(
      tables[1].rows.map { $0.map(\.text) } == [
        ["Referral", "yes", "$1,000.00", "$0.00", "$500.00", "$500.00", "$333.33", "$402.25", "$375.00", "$600.00"],
        ["Email", "no", "$500.00", "$1,500.00", "$1,000.00", "$1,000.00", "$1,166.67", "$1,097.75", "$1,125.00", "$900.00"],
      ])
    // The sentence names the two furthest: last touch and W-shaped.
    #expect(
      out.markdown.contains(
        "Last touch (-66.7 pts) and W-shaped (-44.4 pts) move the referral share of revenue furthest from first touch: of the 2 converting "
          + "paths, 1 starts with a referral and 1 of those has touches of other channels after it, and these models give those later touches "
          + "part of the credit that first touch gives the introduction."))
    // tables/attribution.csv: one row per model and channel, plain numbers.
    let csv = try out.csv("attribution")
    #expect(csv.header == ["Model", "Channel", "Referral", "Won deals (credited)", "Revenue (USD)"])
    #expect(csv.rows.count == 16)
    #expect(csv.rows[0] == ["first_touch", "Referral", "yes", "1.000000", "1000.00"])
    #expect(csv.rows[15] == ["shapley", "Email", "no", "1.333333", "900.00"])
    // summary.json: fractions of deals, not rounded to whole ones.
    let models = try #require(out.json["attribution_models"] as? [String: Any])
    #expect(Set(models.keys) == Set(MultiTouchModel.allCases.map(\.rawValue)))
    let shapley = try #require(models["shapley"] as? [String: Any])
    let channels = try #require(shapley["channels"] as? [[String: Any]])
    #expect(channels[0]["channel"] as? String == "Referral" && channels[0]["wins"] as? Double == 0.666667 && channels[0]["revenue"] as? Double == 600)
    let share = try #require(shapley["referral_share"] as? [String: Any])
    #expect(share["wins"] as? Double == 0.3333335 && share["revenue"] as? Double == 0.4)
  }

  @Test func withoutATouchesExportTheSectionSaysWhatItNeeds() throws {
    let out = try EveryRendererTests.Outputs(Self.result(touches: false))
    #expect(
      out.markdown.contains(
        "## Attribution models\n\n_No touches export was given (--touches, or [inputs] touches: one row per marketing or sales touch of a "
          + "lead), so this cannot be computed._\n"))
    #expect(out.json["attribution_models"] is NSNull)
    #expect(out.tables["tables/attribution.csv"] == nil)
  }
}
