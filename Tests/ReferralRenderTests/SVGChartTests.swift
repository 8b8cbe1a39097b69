import Foundation
import Testing

@testable import ReferralRender

@Suite struct SVGChartTests {
  /// A bar's value label is drawn only when it fits over the bar: 12 channels of two series
  /// leave bars of 520 ÷ 12 × 0.8 ÷ 2 = 17.3 units, too narrow for "44.4%" (5 × 10 = 50) but
  /// wide enough for "9" (10); 2 channels leave 104 units, enough for both.
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
}
