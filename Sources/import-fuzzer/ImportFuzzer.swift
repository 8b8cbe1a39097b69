import CSVStream
import Foundation
import ReferralAttribution
import ReferralCore
import ReferralImport
import ReferralPipeline
import ReferralRender

// The libFuzzer harness over the whole pipeline: the input is written as a leads file and as a
// deals file, imported, attributed and rendered. An input that starts with `#!toml` is a config
// and an export: the text up to the first NUL byte is read as `referral-report.toml`, and the
// bytes after it are the export, analysed as a run does and rendered with that config (a config
// must either stop with a one-line error or run, never crash). A prefix rather than the NUL
// alone, so the corpus's exports that hold NUL bytes stay exports. Built only by `make fuzz`
// (REFERRAL_REPORT_FUZZ=1, -sanitize=fuzzer,address); crashes, leaks and hangs are the finds.

private let folder: String = {
  let path = NSTemporaryDirectory() + "referral-report-fuzz-\(getpid())"
  try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  return path
}()

/// What starts a config-and-export input (a TOML comment line, so the config reads as it is).
private let configPrefix = Array("#!toml\n".utf8)

@_cdecl("LLVMFuzzerTestOneInput")
package func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  if bytes.starts(with: configPrefix) {
    let split = bytes.firstIndex(of: 0) ?? bytes.endIndex
    configured(String(decoding: bytes[..<split], as: UTF8.self), export: Array(bytes[min(split + 1, bytes.endIndex)...]))
    return 0
  }
  _ = try? CSVReader.read(bytes: bytes, chunkSize: 7, maxRowBytes: 256) { batch in
    for row in batch.rows { _ = batch.strings(of: row) }
  }
  let (leads, deals) = write(bytes)
  var options = ImportOptions(rates: ["EUR": 1.1])
  options.maxRowBytes = 512
  // The first inputs at once, then the leads alone (read with their own outcome), the deals
  // alone, and the leads beside each other input in turn.
  report(InputFiles(leads: leads, deals: deals, spend: leads, payouts: deals), options)
  // The same, declared without any key column (a won-deals export, leads without a source):
  // a file that lacks one stops the call above, and these paths would go unfuzzed.
  var declared = options
  for role in InputRole.allCases {
    for field in role.keyColumns.joined() { declared.columns.declareAbsent(field, role: role) }
  }
  report(InputFiles(leads: leads, deals: deals, spend: leads, payouts: deals), declared)
  options.stages.add(["1", "yes"], as: .won)
  options.stages.add(["0", "no"], as: .lost)
  report(InputFiles(leads: leads), options)
  report(InputFiles(deals: deals), options)
  // Every input beside the leads it may name (a call each: an export without one input's header
  // must not stop the others).
  for role in InputRole.allCases where role != .leads {
    var files = InputFiles(leads: leads)
    files[role] = role == .deals ? deals : leads
    report(files, options)
  }
  return 0
}

/// Writes `bytes` as the leads and the deals export; their paths.
private func write(_ bytes: [UInt8]) -> (leads: String, deals: String) {
  let leads = folder + "/leads.csv"
  let deals = folder + "/deals.csv"
  FileManager.default.createFile(atPath: leads, contents: Data(bytes))
  FileManager.default.createFile(atPath: deals, contents: Data(bytes))
  return (leads, deals)
}

/// Reads `text` as the config; when it loads, runs the analysis of a real run on `export` as
/// the leads and the deals, then as the leads alone (which read their own outcome), under the
/// config's preset and then under another given on top (as `--preset` does), and renders every
/// output.
private func configured(_ text: String, export: [UInt8]) {
  guard var configuration = try? ConfigLoader.parse(text, file: "fuzz.toml") else { return }
  let (leads, deals) = write(export)
  configuration.importOptions.maxRowBytes = 512
  for preset in [configuration.preset, configuration.preset == .hubspot ? .salesforce : .hubspot] {
    configuration.apply(preset)
    for files in [InputFiles(leads: leads, deals: deals), InputFiles(leads: leads)] {
      guard let outcome = try? Pipeline.analyse(RunPlan(files: files, configuration: configuration)) else { continue }
      render(outcome.result, html: true)
    }
  }
}

/// Imports `files` and renders every output, when the import succeeds.
private func report(_ files: InputFiles, _ options: ImportOptions) {
  guard let dataset = try? Importer.load(files, options: options) else { return }
  render(Attributor.attribute(dataset, options: AttributionOptions()), html: false)
}

/// Renders every output of `result` (the HTML, with its charts, for the configured runs).
private func render(_ result: AttributionResult, html: Bool) {
  let document = ReportBuilder.build(result)
  _ = MarkdownRenderer.render(document)
  if html { _ = HTMLRenderer.render(document) }
  _ = JSONRenderer.bytes(result)
  _ = RejectsCSV.bytes(result)
}

// SwiftPM links an executable's entry point as `<module>_main`; it hands over to libFuzzer's
// driver, so libFuzzer's own `main` is never needed.
@_silgen_name("LLVMFuzzerRunDriver")
private func runDriver(
  _ argc: UnsafeMutablePointer<Int32>,
  _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
  _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> Int32
) -> Int32

@_cdecl("import_fuzzer_main")
package func fuzzerMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
  var count = argc
  var arguments = argv
  return runDriver(&count, &arguments) { fuzzOneInput($0, $1) }
}
