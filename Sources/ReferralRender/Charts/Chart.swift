/// A chart of the report, as data: the HTML renderer draws it as inline SVG; every chart also
/// carries a text alternative, and the figures it shows are in a table next to it.
public struct Chart: Sendable, Equatable {
  public enum Kind: Sendable, Equatable {
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

  public enum Unit: Sendable, Equatable {
    case count
    case rate
    case money(currency: String)
  }

  public struct Series: Sendable, Equatable {
    public var name: String
    /// One value per category; `nil` where the figure cannot be computed.
    public var values: [Double?]
  }

  public var kind: Kind
  public var title: String
  /// What the chart shows, in words, for screen readers and for anyone who cannot see it.
  public var summary: String
  /// Category labels; may be CRM text (channel or referrer names).
  public var categories: [String]
  public var series: [Series]
  public var unit: Unit
}
