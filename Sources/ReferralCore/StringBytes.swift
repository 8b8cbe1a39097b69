extension String {
  /// Calls `body` with the text's UTF-8 bytes: for the few places that start from a `String`
  /// (values built by hand, the config) what the tables take as bytes.
  func withUTF8Bytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
    var text = self
    return try text.withUTF8 { try body(UnsafeRawBufferPointer($0)) }
  }
}
