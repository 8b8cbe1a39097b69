/// The tool's version, as `--version` prints it and the CHANGELOG names it.
public enum ToolVersion {
  public static let current = "0.9.0"
}
