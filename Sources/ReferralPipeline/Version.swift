/// The tool's version, as `--version` prints it and the CHANGELOG names it.
package enum ToolVersion {
  package static let current = "0.9.0"
}
