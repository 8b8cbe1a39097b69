/// Draws a ``Chart`` as inline SVG: small pure functions from values to nodes, sized by a
/// viewBox so the chart scales to any width, with a colour-blind-safe palette (Okabe–Ito).
enum SVGChart {
  static let width = 640.0
  static let palette = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00"]
  /// Room for the value axis' labels ("$125k" at the phone's type).
  static let left = 80.0
  /// Room for a Pareto chart's share axis ("100%").
  static let right = 72.0
  /// Room for two rows of legend above the plot.
  static let top = 76.0
  static let plotHeight = 186.0
  /// Room for the category labels, drawn upright under the axis so that neighbours never
  /// overlap: ``labelLength`` characters at the phone's type.
  static let bottom = 176.0
  static let height = top + plotHeight + bottom

  /// How wide the widest character of chart text is drawn, in viewBox units, at the phone's
  /// larger type (21-unit text, which a 390 px phone draws at about 12 px; see ``Stylesheet``):
  /// what every label is measured by, so none is cut or drawn over another on any screen.
  static let characterWidth = 13.0
  /// The longest category label, ellipsis included: the full name is in its tooltip and in
  /// the section's table.
  static let labelLength = 12
  /// A progress chart's height per row: its name, then one bar per series.
  static let progressRow = 110.0

  /// The chart's height in viewBox units: a progress chart grows with its rows.
  static func height(of chart: Chart) -> Double {
    chart.kind == .progress ? top + progressRow * Double(max(chart.categories.count, 1)) + 30 : height
  }

  static func render(_ chart: Chart, id: String) -> HTMLNode {
    let body: [HTMLNode]
    switch chart.kind {
    case .bars: body = bars(chart)
    case .lines(let target): body = lines(chart, target: target)
    case .pareto: body = pareto(chart)
    case .progress: body = progress(chart)
    }
    return .element(
      "svg",
      [
        ("viewBox", "0 0 \(Int(width)) \(Int(height(of: chart)))"), ("role", "img"), ("aria-labelledby", "\(id)-title \(id)-desc"),
        ("class", "chart"), ("xmlns", "http://www.w3.org/2000/svg"),
      ],
      [.element("title", [("id", "\(id)-title")], [.text(chart.title)]), .element("desc", [("id", "\(id)-desc")], [.text(chart.summary)])]
        + legend(chart) + body)
  }

  // MARK: Scales and labels

  static var plotWidth: Double { width - left - right }

  /// A "nice" upper bound for the axis: 1, 2, 2.5 or 5 times a power of ten.
  static func niceMax(_ value: Double) -> Double {
    // NaN and infinity have no nice bound (and infinity would never end the loop below).
    guard value > 0, value.isFinite else { return 1 }
    var power = 1.0
    while power * 10 <= value { power *= 10 }
    while power > value { power /= 10 }
    for step in [1.0, 2, 2.5, 5, 10] where step * power >= value { return step * power }
    return 10 * power
  }

  static func label(_ value: Double, _ unit: Chart.Unit) -> String {
    switch unit {
    case .count: return value.isFinite && abs(value) < 1e15 ? Format.count(Int(value.rounded())) : Format.fixed(value, decimals: 0)
    case .rate: return Format.fixed(value * 100, decimals: value * 100 == (value * 100).rounded() ? 0 : 1) + "%"
    case .money(let currency):
      let symbol = Format.symbol(of: currency)
      if abs(value) >= 1_000_000 { return symbol + Format.fixed(value / 1_000_000, decimals: 1) + "M" }
      if abs(value) >= 1_000 { return symbol + Format.fixed(value / 1_000, decimals: 0) + "k" }
      return symbol + Format.fixed(value, decimals: 0)
    }
  }

  static func number(_ value: Double) -> String { Format.fixed(value, decimals: 1) }

  static func y(_ value: Double, max: Double) -> Double { top + plotHeight - value / max * plotHeight }

  static func axis(max: Double, unit: Chart.Unit, rightUnit: Chart.Unit? = nil) -> [HTMLNode] {
    var nodes: [HTMLNode] = []
    for step in 0...4 {
      let value = max * Double(step) / 4
      let yy = number(y(value, max: max))
      nodes.append(.shape("line", [("x1", number(left)), ("x2", number(width - right)), ("y1", yy), ("y2", yy), ("class", step == 0 ? "axis" : "grid")]))
      nodes.append(
        .element(
          "text", [("x", number(left - 6)), ("y", yy), ("class", "tick"), ("text-anchor", "end"), ("dominant-baseline", "middle")], [.text(label(value, unit))])
      )
      if let rightUnit {
        nodes.append(
          .element(
            "text", [("x", number(width - right + 6)), ("y", yy), ("class", "tick"), ("dominant-baseline", "middle")],
            [.text(label(Double(step) / 4, rightUnit))]))
      }
    }
    return nodes
  }

  /// The category names upright under the axis, read from the bottom up and ending at it, each
  /// centred on its bar or point: a name's height is one line of text, so neighbours never
  /// overlap, and at most ``labelLength`` characters hang below the plot.
  static func categoryLabels(_ categories: [String], centre: (Int) -> Double) -> [HTMLNode] {
    categories.enumerated().map { index, name in
      let x = number(centre(index))
      // Below the axis' "0" label, which the first point of a line shares its x with.
      let y = number(top + plotHeight + 16)
      let short = name.count > labelLength ? String(name.prefix(labelLength - 1)) + "…" : (name.isEmpty ? "(empty)" : name)
      return .element(
        "text",
        [("x", x), ("y", y), ("class", "category"), ("text-anchor", "end"), ("dominant-baseline", "middle"), ("transform", "rotate(-90 \(x) \(y))")],
        [.element("title", [], [.text(name)]), .text(short)])
    }
  }

  /// The series' names with their colours, measured at the phone's type and wrapped onto a
  /// second row when the first is full, so that no name runs into the next.
  static func legend(_ chart: Chart) -> [HTMLNode] {
    var items = (chart.kind == .pareto ? [chart.series[0].name, "Cumulative share"] : chart.series.map(\.name)).enumerated().map { index, name in
      (name: name, mark: HTMLNode?.none, colour: Optional(palette[index % palette.count]))
    }
    if case .lines(let target?) = chart.kind { items.append(("Target \(label(target, .rate))", nil, nil)) }
    var x = 8.0
    var row = 0.0
    var nodes: [HTMLNode] = []
    for item in items {
      let itemWidth = 24 + Double(item.name.count) * characterWidth
      if x > 8, x + itemWidth > width - 8 {
        x = 8
        row += 1
      }
      let middle = 18 + row * 28
      if let colour = item.colour {
        nodes.append(.shape("rect", [("x", number(x)), ("y", number(middle - 6)), ("width", "12"), ("height", "12"), ("fill", colour)]))
      } else {
        nodes.append(.shape("line", [("x1", number(x)), ("x2", number(x + 16)), ("y1", number(middle)), ("y2", number(middle)), ("class", "target")]))
      }
      nodes.append(.element("text", [("x", number(x + 20)), ("y", number(middle)), ("class", "legend"), ("dominant-baseline", "middle")], [.text(item.name)]))
      x += itemWidth + 16
    }
    return nodes
  }

  // MARK: Kinds

  /// Whether a value label fits over its bar at the phone's larger type (about 12 units per
  /// character of 20-unit text, which a 390 px phone draws at 11 px): one wider would be drawn
  /// over the next bar, so it is left out
  /// (the value is in the bar's tooltip and in the section's table).
  static func fits(_ text: String, within barWidth: Double) -> Bool { Double(text.count) * characterWidth <= barWidth }

  static func bars(_ chart: Chart) -> [HTMLNode] {
    let n = max(chart.categories.count, 1)
    let maxValue = niceMax(chart.series.flatMap { $0.values.compactMap { $0 } }.max() ?? 0)
    let group = plotWidth / Double(n)
    let barWidth = group * 0.8 / Double(max(chart.series.count, 1))
    var nodes = axis(max: maxValue, unit: chart.unit)
    for (s, series) in chart.series.enumerated() {
      for (index, value) in series.values.enumerated() {
        let x = left + group * Double(index) + group * 0.1 + barWidth * Double(s)
        guard let value else {
          nodes += notAvailable(x: x, width: barWidth, name: "\(chart.categories[index]), \(series.name)", colour: palette[s % palette.count])
          continue
        }
        let top = y(value, max: maxValue)
        nodes.append(
          .element(
            "rect",
            [
              ("x", number(x)), ("y", number(top)), ("width", number(barWidth)), ("height", number(y(0, max: maxValue) - top)),
              ("fill", palette[s % palette.count]),
            ],
            [.element("title", [], [.text("\(chart.categories[index]), \(series.name): \(label(value, chart.unit))")])]))
        let text = label(value, chart.unit)
        if n * chart.series.count <= 24, fits(text, within: barWidth) {
          nodes.append(
            .element(
              "text", [("x", number(x + barWidth / 2)), ("y", number(top - 3)), ("class", "value"), ("text-anchor", "middle")],
              [.text(text)]))
        }
      }
    }
    return nodes + categoryLabels(chart.categories) { left + group * (Double($0) + 0.5) }
  }

  /// A figure that could not be computed, drawn unlike a 0 (which is a bar of no height with
  /// its value): an empty dashed box on the axis in the series' colour, labelled "n/a".
  static func notAvailable(x: Double, width: Double, name: String, colour: String) -> [HTMLNode] {
    let boxHeight = 14.0
    let base = top + plotHeight
    let box: HTMLNode =
      .element(
        "rect",
        [
          ("x", number(x + 1)), ("y", number(base - boxHeight)), ("width", number(max(width - 2, 1))), ("height", number(boxHeight)),
          ("fill", "none"), ("stroke", colour), ("stroke-dasharray", "3 2"),
        ],
        [.element("title", [], [.text("\(name): \(Format.notAvailable)")])])
    // The label only where it fits, as a bar's value; the box alone already differs from a 0.
    guard fits(Format.notAvailable, within: width) else { return [box] }
    let label: HTMLNode = .element(
      "text", [("x", number(x + width / 2)), ("y", number(base - boxHeight - 3)), ("class", "value"), ("text-anchor", "middle")],
      [.text(Format.notAvailable)])
    return [box, label]
  }

  static func lines(_ chart: Chart, target: Double?) -> [HTMLNode] {
    let n = max(chart.categories.count, 2)
    let values = chart.series.flatMap { $0.values.compactMap { $0 } } + [target ?? 0]
    let maxValue = chart.unit == .rate ? min(1, niceMax(values.max() ?? 0)) : niceMax(values.max() ?? 0)
    let step = plotWidth / Double(n - 1)
    func x(_ index: Int) -> Double { left + step * Double(index) }
    var nodes = axis(max: maxValue, unit: chart.unit)
    if let target {
      let yy = number(y(target, max: maxValue))
      nodes.append(.shape("line", [("x1", number(left)), ("x2", number(width - right)), ("y1", yy), ("y2", yy), ("class", "target")]))
    }
    for (s, series) in chart.series.enumerated() {
      let colour = palette[s % palette.count]
      // A missing month breaks the line rather than drawing through it.
      var segment: [String] = []
      func flush() {
        if segment.count > 1 {
          nodes.append(.shape("polyline", [("points", segment.joined(separator: " ")), ("fill", "none"), ("stroke", colour), ("stroke-width", "2.5")]))
        }
        segment = []
      }
      for (index, value) in series.values.enumerated() {
        guard let value else {
          flush()
          continue
        }
        segment.append("\(number(x(index))),\(number(y(value, max: maxValue)))")
        nodes.append(
          .element(
            "circle", [("cx", number(x(index))), ("cy", number(y(value, max: maxValue))), ("r", "3.5"), ("fill", colour)],
            [.element("title", [], [.text("\(chart.categories[index]), \(series.name): \(label(value, chart.unit))")])]))
      }
      flush()
    }
    return nodes + categoryLabels(chart.categories, centre: x)
  }

  static func pareto(_ chart: Chart) -> [HTMLNode] {
    let values = chart.series[0].values
    let known = values.compactMap { $0 }
    let total = chart.series.count > 1 ? (chart.series[1].values.first ?? nil) ?? known.reduce(0, +) : known.reduce(0, +)
    let n = max(values.count, 1)
    let maxValue = niceMax(known.max() ?? 0)
    let group = plotWidth / Double(n)
    var nodes = axis(max: maxValue, unit: chart.unit, rightUnit: .rate)
    var cumulative = 0.0
    var points: [String] = []
    for (index, value) in values.enumerated() {
      let x = left + group * Double(index) + group * 0.1
      // An unknown value adds nothing to the cumulative share, and is drawn unlike a 0.
      guard let value else {
        nodes += notAvailable(x: x, width: group * 0.8, name: chart.categories[index], colour: palette[0])
        continue
      }
      let top = y(value, max: maxValue)
      nodes.append(
        .element(
          "rect", [("x", number(x)), ("y", number(top)), ("width", number(group * 0.8)), ("height", number(y(0, max: maxValue) - top)), ("fill", palette[0])],
          [.element("title", [], [.text("\(chart.categories[index]): \(label(value, chart.unit))")])]))
      cumulative += value
      let share = total > 0 ? min(cumulative / total, 1) : 0
      points.append("\(number(x + group * 0.4)),\(number(y(share, max: 1)))")
    }
    nodes.append(.shape("polyline", [("points", points.joined(separator: " ")), ("fill", "none"), ("stroke", palette[1]), ("stroke-width", "2.5")]))
    return nodes + categoryLabels(chart.categories) { left + group * (Double($0) + 0.5) }
  }

  /// One row per category: its name, then one bar per series as a share of the target, with
  /// the target (100%) as a dashed line; a value that cannot be computed is a dashed empty box
  /// labelled n/a, unlike 0% (a bar of no length with its value).
  static func progress(_ chart: Chart) -> [HTMLNode] {
    let maxValue = max(1.2, (chart.series.flatMap { $0.values.compactMap { $0 } }.max() ?? 0) * 1.1)
    let barLeft = 8.0
    // Room after the longest bar for its value ("125.5%").
    let barWidth = width - barLeft - 7 * characterWidth
    func x(_ value: Double) -> Double { barLeft + min(value, maxValue) / maxValue * barWidth }
    let bottom = top + progressRow * Double(chart.categories.count)
    var nodes: [HTMLNode] = []
    let full = number(x(1))
    nodes.append(.shape("line", [("x1", full), ("x2", full), ("y1", number(top)), ("y2", number(bottom)), ("class", "target")]))
    nodes.append(
      .element(
        "text", [("x", full), ("y", number(bottom + 16)), ("class", "tick"), ("text-anchor", "middle"), ("dominant-baseline", "middle")],
        [.text("Target (100%)")]))
    for (index, name) in chart.categories.enumerated() {
      let yy = top + progressRow * Double(index)
      nodes.append(
        .element("text", [("x", number(barLeft)), ("y", number(yy + 14)), ("class", "category"), ("dominant-baseline", "middle")], [.text(name)]))
      for (s, series) in chart.series.enumerated() {
        let barY = yy + 34 + 34 * Double(s)
        let colour = palette[s % palette.count]
        guard let value = series.values[index] else {
          nodes.append(
            .element(
              "rect",
              [
                ("x", number(barLeft)), ("y", number(barY)), ("width", number(4 * characterWidth)), ("height", "22"), ("fill", "none"), ("stroke", colour),
                ("stroke-dasharray", "3 2"),
              ],
              [.element("title", [], [.text("\(name), \(series.name): \(Format.notAvailable)")])]))
          nodes.append(
            .element(
              "text", [("x", number(barLeft + 4 * characterWidth + 4)), ("y", number(barY + 11)), ("class", "value"), ("dominant-baseline", "middle")],
              [.text(Format.notAvailable)]))
          continue
        }
        nodes.append(
          .element(
            "rect",
            [("x", number(barLeft)), ("y", number(barY)), ("width", number(max(0, x(value) - barLeft))), ("height", "22"), ("fill", colour)],
            [.element("title", [], [.text("\(name), \(series.name): \(label(value, .rate)) of target")])]))
        nodes.append(
          .element(
            "text", [("x", number(x(value) + 4)), ("y", number(barY + 11)), ("class", "value"), ("dominant-baseline", "middle")],
            [.text(label(value, .rate))]))
      }
    }
    return nodes
  }
}
