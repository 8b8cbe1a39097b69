import CSVStream
import Foundation
import ReferralAttribution
import ReferralCore
import ReferralImport
import ReferralPipeline
import ReferralRender
import ReferralSample
import TestSupport
import Testing

@Suite struct RobustnessTests {
  static let corpus = CLI.root.appendingPathComponent("Tests/ReferralPipelineTests/FuzzCorpus").path
  static let corpusFiles = ((try? FileManager.default.contentsOfDirectory(atPath: corpus)) ?? []).sorted()

  /// How the corpus replay reads a file, as the fuzzer does.
  enum Reading: CaseIterable {
    /// As leads, deals, spend and payouts at once.
    case allInputs
    /// The same, declared without any key column (``RowDecoder/keyColumns``).
    case declaredShape
    /// As the leads beside each other input in turn (every input, the ones added later too).
    case besideLeads
  }

  /// Every input the fuzzer kept (and every crash it ever found, once fixed) goes through the
  /// whole pipeline again, read each way the fuzzer reads it.
  @Test(arguments: corpusFiles.flatMap { name in Reading.allCases.map { (name, $0) } })
  func fuzzFindingsStayFixed(name: String, reading: Reading) throws {
    let path = "\(Self.corpus)/\(name)"
    var options = ImportOptions(rates: ["EUR": 1.1])
    options.maxRowBytes = 512
    if reading == .declaredShape {
      for role in InputRole.allCases {
        for field in role.keyColumns.joined() { options.columns.declareAbsent(field, role: role) }
      }
    }
    let runs =
      reading == .besideLeads
      ? InputRole.allCases.filter { $0 != .leads }.map { role in
        var files = InputFiles(leads: path)
        files[role] = path
        return files
      }
      : [InputFiles(leads: path, deals: path, spend: path, payouts: path)]
    for files in runs {
      let dataset: Dataset
      do {
        dataset = try Importer.load(files, options: options)
      } catch {
        // A file the import cannot take stops with a one-line error that names it.
        #expect(error.description.hasPrefix(path + ":"), "\(error)")
        #expect(!error.description.contains("\n"))
        continue
      }
      // Every record the reader sees is accounted for: accepted, rejected or skipped.
      let records = try Self.recordsAfterTheHeader(path, maxRowBytes: options.maxRowBytes)
      for account in dataset.inputs { #expect(account.rows == records, "\(account.role)") }
      let result = Attributor.attribute(dataset, options: AttributionOptions())
      #expect(MarkdownRenderer.render(ReportBuilder.build(result)).hasPrefix("# Referral report: "))
      let json = try JSONSerialization.jsonObject(with: Data(JSONRenderer.bytes(result))) as? [String: Any]
      #expect(json?["schema_version"] as? Int == 1)
    }
  }

  /// The fuzzer's config-and-export inputs (`#!toml` first, the config up to the first NUL,
  /// the export after it), replayed as the fuzzer runs them: the config either stops with its
  /// one-line error, or a run's analysis of the export with it (as the leads and the deals, and
  /// as the leads alone), under its own preset and under another given on top, renders every
  /// output.
  static let configFiles = corpusFiles.filter { name in
    FileManager.default.contents(atPath: "\(corpus)/\(name)")?.starts(with: Array("#!toml\n".utf8)) == true
  }

  @Test(arguments: configFiles)
  func configFuzzFindingsStayFixed(name: String) throws {
    let bytes = Array(try #require(FileManager.default.contents(atPath: "\(Self.corpus)/\(name)")))
    let split = bytes.firstIndex(of: 0) ?? bytes.endIndex
    var configuration: Configuration
    do {
      configuration = try ConfigLoader.parse(String(decoding: bytes[..<split], as: UTF8.self), file: "fuzz.toml")
    } catch {
      #expect(error.description.hasPrefix("fuzz.toml"), "\(error)")
      #expect(!error.description.contains("\n"))
      return
    }
    let path = try CLI.temporaryFolder() + "/export.csv"
    FileManager.default.createFile(atPath: path, contents: Data(bytes[min(split + 1, bytes.endIndex)...]))
    configuration.importOptions.maxRowBytes = 512
    let runs = [configuration.preset, configuration.preset == .hubspot ? .salesforce : .hubspot].flatMap { preset in
      [InputFiles(leads: path, deals: path), InputFiles(leads: path)].map { (preset, $0) }
    }
    var rendered = 0
    for (preset, files) in runs {
      configuration.apply(preset)
      let plan = RunPlan(files: files, configuration: configuration)
      let result: AttributionResult
      do {
        result = try Pipeline.analyse(plan).result
      } catch {
        #expect(error.description.hasPrefix(path + ":"), "\(error)")
        #expect(!error.description.contains("\n"))
        continue
      }
      let document = ReportBuilder.build(result)
      #expect(MarkdownRenderer.render(document).hasPrefix("# Referral report: "))
      #expect(HTMLRenderer.render(document).hasPrefix("<!DOCTYPE html>"))
      let json = try JSONSerialization.jsonObject(with: Data(JSONRenderer.bytes(result))) as? [String: Any]
      #expect(json?["schema_version"] as? Int == 1)
      rendered += 1
    }
    // The seeds are made to reach the renderers under both presets.
    if name.hasPrefix("seed-config-") { #expect(rendered >= 2) }
  }

  /// The fuzzer's seeds hold a config of every kind: one that sets every section, the ends of
  /// every range, a zero target, a preset with a mapping, and one that stops.
  @Test func theCorpusHoldsConfigSeeds() {
    let seeds = Self.configFiles.filter { $0.hasPrefix("seed-config-") }
    #expect(
      seeds == [
        "seed-config-every-section.bin", "seed-config-hubspot-mapping.bin", "seed-config-invalid.bin", "seed-config-range-ends.bin",
        "seed-config-zero-target.bin",
      ])
  }

  /// The records the reader finds after the header, and the lines before it that are no rows.
  static func recordsAfterTheHeader(_ path: String, maxRowBytes: Int) throws -> Int {
    var rows = 0
    let summary = try CSVReader.read(path: path, maxRowBytes: maxRowBytes) { batch in rows += batch.rows.count }
    return rows - 1 + summary.skippedLines
  }

  /// The same rows in another order give the same figures: every sort has a tie-break.
  @Test func shuffledRowsGiveTheSameReport() throws {
    let folder = try CLI.temporaryFolder()
    var generator = SampleGenerator(leadCount: 800, seed: 11)
    generator.badRowRate = 0
    try generator.write(to: folder + "/a")
    try FileManager.default.createDirectory(atPath: folder + "/b", withIntermediateDirectories: true)
    var random = SystemRandomNumberGenerator()
    for file in ["leads.csv", "deals.csv", "spend.csv", "payouts.csv"] {
      var rows: [String] = []
      var header = ""
      // Re-read through the tool's own reader, so quoted line breaks stay inside their rows.
      try readRecords(folder + "/a/" + file) { index, record in
        if index == 0 { header = record } else { rows.append(record) }
      }
      rows.shuffle(using: &random)
      try (header + rows.joined()).write(toFile: folder + "/b/" + file, atomically: true, encoding: .utf8)
    }
    func summary(_ sub: String) throws -> String {
      let out = folder + "/\(sub)-report"
      let result = try CLI.run([
        "run", "--leads", "\(folder)/\(sub)/leads.csv", "--deals", "\(folder)/\(sub)/deals.csv", "--spend", "\(folder)/\(sub)/spend.csv",
        "--payouts", "\(folder)/\(sub)/payouts.csv", "--config", "referral-report.toml", "--out", out,
      ])
      #expect(result.status == 0, "\(result.stderr)")
      return try String(contentsOfFile: out + "/summary.json", encoding: .utf8).replacingOccurrences(of: "\(folder)/\(sub)/", with: "")
    }
    #expect(try summary("a") == summary("b"))
  }

  /// A run killed at any moment leaves the previous report whole: old files or new, never a mix.
  @Test func aKilledRunLeavesThePreviousReportIntact() throws {
    let folder = try CLI.temporaryFolder()
    try SampleGenerator(leadCount: 30_000, seed: 5).write(to: folder + "/new")
    let out = folder + "/report"
    let old = try CLI.run(["run", "--leads", "\(CLI.fixtures)/leads.csv", "--deals", "\(CLI.fixtures)/deals.csv", "--out", out])
    #expect(old.status == 0)
    let before = try contents(of: out)
    for delay in [0.05, 0.2, 0.4, 0.8] {
      let process = Process()
      process.executableURL = URL(fileURLWithPath: CLI.binary)
      process.arguments = ["run", "--leads", "\(folder)/new/leads.csv", "--deals", "\(folder)/new/deals.csv", "--out", out, "--max-reject-rate", "1"]
      process.currentDirectoryURL = CLI.root
      process.standardOutput = FileHandle.nullDevice
      try process.run()
      Thread.sleep(forTimeInterval: delay)
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
      let after = try contents(of: out)
      // Old files or new: the folder holds exactly the files its marker lists, of one report.
      let listed = try #require(after[".referral-report"]?.components(separatedBy: "Files of this report:\n").last)
      #expect(Set(after.keys) == Set(listed.split(separator: "\n").map(String.init) + [".referral-report"]), "a mix after a kill at \(delay) s")
      #expect(after == before || after["summary.json"]!.contains("\"leads\""), "a mix after a kill at \(delay) s")
      #expect(try OutputTarget.classify(out) == .ownReport)
    }
  }

  func contents(of folder: String) throws -> [String: String] {
    var files: [String: String] = [:]
    for name in try FileManager.default.subpathsOfDirectory(atPath: folder) where !["tables", "tasks"].contains(name) {
      files[name] = try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
    }
    return files
  }

  /// Calls `body` with each record of a CSV file as text (line breaks inside quotes kept).
  func readRecords(_ path: String, _ body: (Int, String) -> Void) throws {
    let text = try String(contentsOfFile: path, encoding: .utf8)
    var record = ""
    var quoted = false
    var index = 0
    for character in text {
      record.append(character)
      if character == "\"" { quoted.toggle() }
      if character == "\n" && !quoted {
        body(index, record)
        index += 1
        record = ""
      }
    }
    if !record.isEmpty { body(index, record + "\n") }
  }
}
