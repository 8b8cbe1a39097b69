import CSVStream
import Foundation
import ReferralSample

// `make bench`: the whole `referral-report run` on generated exports of 1M and 3M leads,
// against libcsv's own count-only speed on the same files, and the tool's CSV reader alone
// (libcsv plus line feeding and the field arena, no decoding) for the breakdown. A benchmark,
// not a test: it prints figures and never fails on them.

let binary = CommandLine.arguments.count > 1 ? CommandLine.arguments[1] : ".build/release/referral-report"
let dataRoot = CommandLine.arguments.count > 2 ? CommandLine.arguments[2] : "bench-data"
let sizes = (CommandLine.arguments.count > 3 ? CommandLine.arguments[3] : "1000000,3000000").split(separator: ",").compactMap { Int($0) }
let repeats = 5
let inputs = ["leads.csv", "deals.csv", "spend.csv", "payouts.csv"]

func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }

func fileSize(_ path: String) -> Int { (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0 }

/// Wall time and peak RSS (kB) of one run of the CLI.
func runOnce(_ folder: String) -> (seconds: Double, peakKB: Int, status: Int32) {
  var pid: pid_t = 0
  let args = [
    binary, "run", "--leads", "\(folder)/leads.csv", "--deals", "\(folder)/deals.csv", "--spend", "\(folder)/spend.csv",
    "--payouts", "\(folder)/payouts.csv", "--config", "referral-report.toml", "--out", "\(folder)/report", "--max-reject-rate", "1",
  ]
  let cArgs = args.map { strdup($0) } + [nil]
  defer { for arg in cArgs { free(arg) } }
  var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
  posix_spawn_file_actions_init(&actions)
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
  defer { posix_spawn_file_actions_destroy(&actions) }
  let start = DispatchTime.now()
  guard posix_spawn(&pid, binary, &actions, nil, cArgs, environ) == 0 else { fatalError("cannot start \(binary)") }
  var status: Int32 = 0
  var usage = rusage()
  wait4(pid, &status, 0, &usage)
  let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
  return (seconds, Int(usage.ru_maxrss), (status >> 8) & 0xFF)
}

print("referral-report benchmark: \(ProcessInfo.processInfo.activeProcessorCount) cores, median of \(repeats) runs")
print("leads      input MB   run s    run MB/s  peak RSS MB   libcsv s  libcsv MB/s  run/libcsv  reader MB/s")
for size in sizes {
  let folder = "\(dataRoot)/\(size)"
  if !FileManager.default.fileExists(atPath: "\(folder)/leads.csv") {
    FileHandle.standardError.write(Data("generating \(size) leads into \(folder)…\n".utf8))
    try SampleGenerator(leadCount: size, seed: 42).write(to: folder)
  }
  let bytes = inputs.reduce(0) { $0 + fileSize("\(folder)/\($1)") }
  let megabytes = Double(bytes) / 1_000_000
  var floors: [Double] = []
  var readerTimes: [Double] = []
  var times: [Double] = []
  var peak = 0
  for _ in 0..<repeats {
    var start = DispatchTime.now()
    for input in inputs { _ = try CSVCounter.count(path: "\(folder)/\(input)") }
    floors.append(Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9)
    start = DispatchTime.now()
    for input in inputs { _ = try CSVReader.read(path: "\(folder)/\(input)") { _ in } }
    readerTimes.append(Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9)
    let run = runOnce(folder)
    if run.status != 0 { FileHandle.standardError.write(Data("run exited \(run.status)\n".utf8)) }
    times.append(run.seconds)
    peak = max(peak, run.peakKB)
  }
  let (t, f) = (median(times), median(floors))
  print(
    String(
      format: "%-9d %9.1f %7.2f %10.1f %12.1f %10.2f %12.1f %10.0f%% %12.1f", size, megabytes, t, megabytes / t, Double(peak) / 1024, f,
      megabytes / f, (megabytes / t) / (megabytes / f) * 100, megabytes / median(readerTimes)))
}
