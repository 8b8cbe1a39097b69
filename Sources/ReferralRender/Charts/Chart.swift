/// A chart of the report, as data: the HTML renderer draws it as inline SVG; every chart also
/// carries a text alternative, and the figures it shows are in a table next to it.
package struct Chart: Sendable, Equatable {
  package enum Kind: Sendable, Equatable {
    /// Grouped vertical bars: one group per category, one bar per series.
    case bars
    /// Lines over the categories (months), with an optional dashed target line.
    case lines(target: Double?)
    /// Bars of the first series (given high to low) with their cumulative share as a line; the
    /// share is of the second series' first value when there is one (the whole the bars are
    /// part of), else of the bars' sum.
    case pareto
    /// One horizontal bar per category: the first series against the second (the target).
    case progress
  }

  package enum Unit: Sendable, Equatable {
    case count
    case rate
    case money(currency: String)
  }

  package struct Series: Sendable, Equatable {
    package var name: String
    /// One value per category; `nil` where the figure cannot be computed.
    package var values: [Double?]
  }

  package var kind: Kind
  package var title: String
  /// What the chart shows, in words, for screen readers and for anyone who cannot see it.
  package var summary: String
  /// Category labels; may be CRM text (channel or referrer names).
  package var categories: [String]
  package var series: [Series]
  package var unit: Unit
}
