import Foundation

/// The folder of this test process's temporary folders, removed when the process exits.
private let processFolder: String = {
  let path = NSTemporaryDirectory() + "referral-report-tests-\(getpid())"
  atexit { try? FileManager.default.removeItem(atPath: processFolder) }
  return path
}()

/// A fresh folder per test, so tests run in parallel without sharing files.
struct TemporaryFolder {
  let path: String

  init() throws {
    path = processFolder + "/" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  /// Writes `text` (or `bytes`) to `name` inside the folder and returns its path.
  func file(_ name: String, _ text: String) throws -> String {
    try file(name, bytes: Array(text.utf8))
  }

  func file(_ name: String, bytes: [UInt8]) throws -> String {
    let target = path + "/" + name
    try Data(bytes).write(to: URL(fileURLWithPath: target))
    return target
  }
}
