import CSVStream
import Foundation
import ReferralAttribution
import ReferralCore
import ReferralImport
import ReferralRender

// The libFuzzer harness over the whole pipeline: the input is written as a leads file and as a
// deals file, imported, attributed and rendered. Built only by `make fuzz`
// (REFERRAL_REPORT_FUZZ=1, -sanitize=fuzzer,address); crashes, leaks and hangs are the finds.

private let folder: String = {
  let path = NSTemporaryDirectory() + "referral-report-fuzz-\(getpid())"
  try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  return path
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  _ = try? CSVReader.read(bytes: bytes, chunkSize: 7, maxRowBytes: 256) { batch in
    for row in batch.rows { _ = batch.strings(of: row) }
  }
  let leads = folder + "/leads.csv"
  let deals = folder + "/deals.csv"
  FileManager.default.createFile(atPath: leads, contents: Data(bytes))
  FileManager.default.createFile(atPath: deals, contents: Data(bytes))
  var options = ImportOptions(rates: ["EUR": 1.1])
  options.maxRowBytes = 512
  // Every input at once, then the leads alone (read with their own outcome), the deals alone,
  // and the leads with the asks.
  report(InputFiles(leads: leads, deals: deals, spend: leads, payouts: deals), options)
  // The same, declared without any key column (a won-deals export, leads without a source):
  // a file that lacks one stops the call above, and these paths would go unfuzzed.
  var declared = options
  for role in InputRole.allCases {
    for field in Field.keyColumns(of: role).joined() { declared.columns.declareAbsent(field, role: role) }
  }
  report(InputFiles(leads: leads, deals: deals, spend: leads, payouts: deals), declared)
  options.stages.add(["1", "yes"], as: .won)
  options.stages.add(["0", "no"], as: .lost)
  report(InputFiles(leads: leads), options)
  report(InputFiles(deals: deals), options)
  // The referral requests beside the leads they name (their own call: an input without an
  // asks header must not stop the others above).
  report(InputFiles(leads: leads, asks: leads), options)
  return 0
}

/// Imports `files` and renders every output, when the import succeeds.
private func report(_ files: InputFiles, _ options: ImportOptions) {
  guard let dataset = try? Importer.load(files, options: options) else { return }
  let result = Attributor.attribute(dataset, options: AttributionOptions())
  _ = MarkdownRenderer.render(ReportBuilder.build(result))
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
public func fuzzerMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
  var count = argc
  var arguments = argv
  return runDriver(&count, &arguments) { fuzzOneInput($0, $1) }
}
