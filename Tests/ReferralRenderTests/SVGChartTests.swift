import Foundation
import Testing

@testable import ReferralRender

@Suite struct SVGChartTests {
  /// A bar's value label is drawn only when it fits over the bar at the phone's type (13 units
  /// a character): 12 channels of two series leave bars of (640 − 80 − 72) ÷ 12 × 0.8 ÷ 2 =
  /// 16.3 units, too narrow for "44.4%" (5 × 13 = 65) but wide enough for "9" (13); 2 channels
  /// leave 97.6 units, enough for both.
  @Test func valueLabelsWiderThanTheirBarAreLeftOut() {
    func labels(_ categories: Int, _ value: Double, _ unit: Chart.Unit) -> Int {
      let chart = Chart(
        kind: .bars, title: "t", summary: "s", categories: (0..<categories).map { "c\($0)" },
        series: [.init(name: "a", values: Array(repeating: value, count: categories)), .init(name: "b", values: Array(repeating: value, count: categories))],
        unit: unit)
      return SVGChart.render(chart, id: "x").rendered.components(separatedBy: "class=\"value\"").count - 1
    }
    #expect(labels(12, 0.444, .rate) == 0)
    #expect(labels(12, 9, .count) == 24)
    #expect(labels(2, 0.444, .rate) == 4)
  }

  /// A figure that could not be computed is drawn unlike a 0: the 0 is a bar of no height
  /// labelled "0%", the n/a an empty dashed box labelled "n/a" with its tooltip.
  @Test func notAvailableIsDrawnUnlikeZero() {
    let chart = Chart(
      kind: .bars, title: "t", summary: "s", categories: ["Zero", "Unknown"], series: [.init(name: "Win rate", values: [0, nil])], unit: .rate)
    let svg = SVGChart.render(chart, id: "x").rendered
    #expect(svg.contains(">0%</text>") && svg.contains("<title>Zero, Win rate: 0%</title>"))
    #expect(svg.contains("stroke-dasharray=\"3 2\"") && svg.contains("<title>Unknown, Win rate: n/a</title>"))
    #expect(svg.components(separatedBy: ">n/a</text>").count == 2)
    // A 0 draws no dashed box.
    let zero = Chart(kind: .bars, title: "t", summary: "s", categories: ["Zero"], series: [.init(name: "Win rate", values: [0])], unit: .rate)
    #expect(!SVGChart.render(zero, id: "x").rendered.contains("stroke-dasharray"))
  }

  /// The progress and Pareto charts draw an unknown value as the bars do: a dashed box and
  /// "n/a", never a bar of 0; the progress chart names the target as 100%.
  @Test func progressAndParetoDrawNotAvailableUnlikeZero() {
    let progress = Chart(
      kind: .progress, title: "t", summary: "s", categories: ["Referral leads"],
      series: [.init(name: "Year to date", values: [0]), .init(name: "Projected", values: [nil])], unit: .rate)
    let drawn = SVGChart.render(progress, id: "x").rendered
    #expect(drawn.contains("<title>Referral leads, Year to date: 0% of target</title>") && drawn.contains(">0%</text>"))
    #expect(drawn.contains("<title>Referral leads, Projected: n/a</title>") && drawn.contains(">n/a</text>"))
    #expect(drawn.contains(">Target (100%)</text>"))
    let pareto = Chart(
      kind: .pareto, title: "t", summary: "s", categories: ["A", "B"], series: [.init(name: "Referred revenue", values: [100, nil])], unit: .count)
    let bars = SVGChart.render(pareto, id: "x").rendered
    #expect(bars.contains("<title>A: 100</title>") && bars.contains("<title>B: n/a</title>"))
  }

  /// A long category name is cut to 12 characters with an ellipsis (its tooltip keeps it whole)
  /// and drawn upright, so that it neither leaves the chart nor crosses its neighbour.
  @Test func longCategoryNamesAreShortenedAndUpright() {
    let chart = Chart(kind: .bars, title: "t", summary: "s", categories: ["Employee Referral"], series: [.init(name: "Leads", values: [1])], unit: .count)
    let svg = SVGChart.render(chart, id: "x").rendered
    #expect(svg.contains("<title>Employee Referral</title>Employee Re…</text>"))
    #expect(svg.contains("rotate(-90 "))
  }
}
