/// Why the configuration file cannot be used; always names the file, and the key and line
/// when there is one.
package struct ConfigError: Error, Equatable, Sendable, CustomStringConvertible {
  package var file: String
  package var line: Int?
  package var message: String
  /// The file itself is missing or unreadable (exit 66, like any missing file), not invalid.
  package var unreadable = false

  package init(file: String, line: Int? = nil, message: String, unreadable: Bool = false) {
    self.file = file
    self.line = line
    self.message = message
    self.unreadable = unreadable
  }

  package var description: String {
    "\(file)\(line.map { ":\($0)" } ?? ""): error: \(message)"
  }
}
