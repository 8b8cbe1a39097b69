import ReferralCore
import Scheduler

/// The import stage: reads every input of a run into one ``Dataset``.
///
/// The leads file and the others are read at the same time, and in each file libcsv and the
/// decoder run on separate threads; each file keeps its own string tables, merged at the end,
/// so no lock is taken per row.
package enum Importer {
  /// Reads all inputs of `files`; row problems become rejects, file problems throw.
  package static func load(
    _ files: InputFiles, options: ImportOptions,
    progress: (@Sendable (_ role: InputRole, _ bytesRead: Int, _ totalBytes: Int?) -> Void)? = nil
  ) throws(ImportError) -> Dataset {
    var options = options
    // A leads export carries its own outcome only when there is no deals export to say it.
    options.leadOutcomes = files[.deals] == nil
    let readOptions = options
    // The leads file (the largest) is read here; the others, one after another, on a thread of
    // their own (not a shared pool: a caller blocked on a busy pool must not wait for it).
    let (others, leads) = Scheduler.alongside {
      Result { () throws(ImportError) in
        var read = ReadFiles()
        for role in files.roles where role != .leads {
          try read.read(role, path: files[role]!, options: readOptions, progress: progress)
        }
        return read
      }
    } meanwhile: {
      Result { () throws(ImportError) in
        var read = ReadFiles()
        if let path = files[.leads] { try read.read(.leads, path: path, options: readOptions, progress: progress) }
        return read
      }
    }
    let leadsRead = try leads.get()
    let rest = try others.get()
    // Undated leads stand alone: beside dated exports they could be put in no period.
    if let undated = leadsRead[LeadDecoder.self], undated.decoder.undated, files.roles != [.leads] { throw .undatedLeads(file: undated.account.file) }
    var read = leadsRead.merged(with: rest)
    return assemble(&read)
  }

  /// Puts the files' records into one dataset with merged string tables: each file's account
  /// and rejects, taken alike for every input; each kind of text's tables merged in role order
  /// (the first of a kind is taken over as it is; the kinds share nothing and are merged side
  /// by side) and the records renumbered in place (the files are their only owners), never
  /// copied; then each input puts its records in, in role order, or says what its absence
  /// means.
  static func assemble(_ read: inout ReadFiles) -> Dataset {
    var dataset = Dataset()
    (dataset.inputs, dataset.rejects, dataset.notices) = read.accounts
    var files = read.inOrder
    read = ReadFiles()
    let kinds = TextKind.allCases
    let tables = kinds.map { kind in files.map { $0.texts(kind) } }
    let merged = Scheduler.map(kinds.count) { kind in
      var merger: TableMerger?
      var maps = [[TextID]?](repeating: nil, count: tables[kind].count)
      for (file, table) in tables[kind].enumerated() {
        guard let table else { continue }
        if merger == nil { merger = TableMerger(table) } else { maps[file] = merger!.remap(table) }
      }
      return (merger: merger ?? TableMerger(Interner()), maps: maps)
    }
    for (kind, merge) in zip(kinds, merged) { kind.store(merge.merger, in: &dataset) }
    for file in files.indices {
      var maps: [TextKind: [TextID]] = [:]
      for (kind, merge) in zip(kinds, merged) { maps[kind] = merge.maps[file] }
      if !maps.isEmpty { files[file].renumber(maps) }
    }
    var given = Set<InputRole>()
    while !files.isEmpty {
      let file = files.removeFirst()
      given.insert(file.account.role)
      dataset.warnings += file.warnings
      file.assemble(into: &dataset)
    }
    for role in InputRole.allCases where !given.contains(role) { role.decoder.absent(from: &dataset) }
    dataset.measureSpan()
    return dataset
  }
}
