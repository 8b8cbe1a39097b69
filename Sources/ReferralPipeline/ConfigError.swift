/// Why the configuration file cannot be used; always names the file, and the key and line
/// when there is one.
public struct ConfigError: Error, Equatable, Sendable, CustomStringConvertible {
  public var file: String
  public var line: Int?
  public var message: String
  /// The file itself is missing or unreadable (exit 66, like any missing file), not invalid.
  public var unreadable = false

  public init(file: String, line: Int? = nil, message: String, unreadable: Bool = false) {
    self.file = file
    self.line = line
    self.message = message
    self.unreadable = unreadable
  }

  public var description: String {
    "\(file)\(line.map { ":\($0)" } ?? ""): error: \(message)"
  }
}
