import CSVStream

/// A list of texts read as `String`s but kept as one ``TextColumn`` (a referrer id like
/// `CUST-118` in two bytes, not a 16-byte `String`): the referrers' ids, three quarters of a
/// million of them at 10M leads (10 MB less).
public struct TextList: RandomAccessCollection, ExpressibleByArrayLiteral, Sendable {
  private var column = TextColumn()

  public init() {}

  public init(arrayLiteral texts: String...) { self.init(texts) }

  public init<Texts: Sequence>(_ texts: Texts) where Texts.Element == String {
    for text in texts { append(text) }
  }

  /// The texts of `column`, as they are.
  init(_ column: TextColumn) { self.column = column }

  public var startIndex: Int { 0 }
  public var endIndex: Int { column.count }

  public subscript(position: Int) -> String { column[position] }

  /// Calls `body` with the bytes of text `position`, without making it a `String`.
  public func withBytes<R>(at position: Int, _ body: (ByteView) throws -> R) rethrows -> R {
    try column.withBytes(at: position, body)
  }

  public mutating func append(_ text: String) { text.withByteView { column.append($0) } }

  /// Whether text `a` sorts before text `b` as `String`s do, without making either one when
  /// both are ASCII (ids are): a sort of the referrers breaks hundreds of thousands of ties.
  public func precedes(_ a: Int, _ b: Int) -> Bool {
    let bytewise = column.withBytes(at: a) { first in
      column.withBytes(at: b) { second in first.isASCII && second.isASCII ? TextColumn.ordered(first, second) : nil }
    }
    return bytewise ?? (self[a] < self[b])
  }
}
