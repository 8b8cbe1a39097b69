import CSVStream
import Foundation
import ReferralCore
import Scheduler
import Workbook

/// What the reader thread hands the decoding thread.
enum ReaderOutput: Sendable {
  case batch(CSVBatch)
  case progress(bytesRead: Int, totalBytes: Int?)
  /// The whole file was read.
  case finished(CSVReadSummary)
}

/// What reading one file produced: its decoder (holding the records) and its account.
struct FileResult<Decoder: RowDecoder>: Sendable {
  var decoder: Decoder
  var account: InputAccount
  var rejects: RejectedRows
  /// What the file's header says about its shape (see ``ColumnLayout/notices``).
  var notices: [Notice]
  /// What reading the file itself found: the report's title, totals and footer lines that were
  /// skipped (see ``ReportChrome``), an encoding detected.
  var fileWarnings: [Warning] = []
}

/// Streams one file through libcsv into a ``RowDecoder``: the header, footers, malformed rows
/// and the account are handled here, the same way for every input.
enum FileImporter {
  /// How many batches the reader may parse ahead of the decoder. At 4, a large leads file's
  /// readers stopped whenever the decoder fell a few batches behind, and then the decoder
  /// waited for them: both cores were 13% idle while the leads file was read alone (10M
  /// leads). At 64 (at most about 25 MB of parsed batches, 0–4 MB more peak memory measured)
  /// each side rides out the other's pauses: reading 10M foreign leads took 6.03 → 4.77 s and
  /// 5.88 → 5.37 s, 3M 1.82 → 1.48 s, 1M 0.55 → 0.51 s (alternated runs, medians, 2026-12-07).
  static let batchesAhead = 64

  static func run<Decoder: RowDecoder>(
    _: Decoder.Type, path: String, options: ImportOptions,
    progress: ((Int, Int?) -> Void)? = nil
  ) throws(ImportError) -> FileResult<Decoder> {
    let role = Decoder.role
    // Standard input (`-`) and a workbook's sheet are read from memory; a sheet is named
    // `file.xlsx[Sheet]` in the account, the rejects and the errors.
    let source = try Self.source(of: path, sheet: options.sheets[role], input: role.rawValue) { header in
      // A sheet is the export's when its header row maps onto at least one field.
      guard let layout = try? ColumnLayout(header: header, role: role, names: options.columns, file: path) else { return false }
      return layout.ignored.count < header.count
    }
    let path = source.name
    let sheet = source.sheet
    var decoder: Decoder?
    var headerCount = 0
    var hasHeader = false
    var header: [String] = []
    var reserved = false
    var account = InputAccount(role: role, file: path)
    var rejects = RejectedRows()
    var notices: [Notice] = []
    var headerLine = 1
    var idColumns: [Int] = []
    var skipped = ReportChrome.Skipped()
    var readAsWindows1252 = false
    let dialect = sheet == nil ? options.dialects[role] ?? CSVDialect() : CSVDialect()
    let maxRowBytes = options.maxRowBytes
    let maxAcceptedRows = options.maxAcceptedRows
    do {
      // libcsv reads on a thread of its own; this thread decodes what it hands over, and gives
      // each batch back to be filled again.
      try Scheduler.stream(capacity: batchesAhead) { (sender: Scheduler.Sender<ReaderOutput, CSVBatch>) in
        let progress = { (bytesRead: Int, totalBytes: Int?) in _ = try? sender.send(.progress(bytesRead: bytesRead, totalBytes: totalBytes)) }
        let handOff = { (batch: CSVBatch) throws -> CSVBatch in
          try sender.send(.batch(batch))
          return sender.spare() ?? CSVBatch()
        }
        let summary =
          try source.bytes.map {
            try CSVReader.readBatches(bytes: $0, path: path, dialect: dialect, maxRowBytes: maxRowBytes, progress: progress, handOff: handOff)
          }
          ?? CSVReader.readBatches(path: path, dialect: dialect, maxRowBytes: maxRowBytes, progress: progress, handOff: handOff)
        try sender.send(.finished(summary))
      } consume: { output, recycler in
        switch output {
        case .finished(let summary):
          account.skipped += summary.skippedLines + (sheet?.titleRows ?? 0)
          skipped.titleRows += sheet?.titleRows ?? 0
          readAsWindows1252 = summary.detectedWindows1252
        case .progress(let bytesRead, let totalBytes):
          if !reserved, let totalBytes, bytesRead > 0, account.rows > 0 {
            reserved = true
            let estimate = Double(totalBytes) / Double(bytesRead) * Double(account.rows + 1) * 1.03
            decoder?.reserve(rows: Int(min(estimate, 100_000_000)))
          }
          progress?(bytesRead, totalBytes)
        case .batch(let batch):
          defer { recycler.giveBack(batch) }
          let rows = batch.rows
          var next = 0
          if !hasHeader, !rows.isEmpty {
            hasHeader = true
            // A report's title lines above the header are skipped (see ``ReportChrome``).
            let found = try ReportChrome.header(in: batch) { (names: [String]) throws(ImportError) in
              try ColumnLayout(
                header: names, role: role, names: options.columns, file: path, optional: role == .leads && options.undatedLeads ? [.createdAt] : [])
            }
            header = found.header
            let layout = found.layout
            account.ignoredColumns = layout.ignored
            notices = layout.notices
            account.columns = header
            decoder = Decoder(layout: layout, options: options, file: path)
            headerCount = header.count
            headerLine = rows[found.index].line
            idColumns = Decoder.idFields.compactMap { layout[$0] }
            for title in rows[0..<found.index] {
              account.skipped += 1
              skipped.titleRows += 1
              if skipped.firstTitle == nil { skipped.firstTitle = ReportChrome.Skipped.text(of: title, in: batch) }
            }
            next = found.index + 1
          }
          // The decoder is moved out for the batch: methods called through the optional (or
          // comparing it with nil) took a copy of it per row.
          guard next < rows.count, var active = decoder.take() else { return }
          for number in next..<rows.count {
            let row = rows[number]
            let found: RowProblem?
            if let broken = row.problem {
              found = RowProblem(broken)
            } else if row.fieldCount != headerCount {
              found = .ragged(found: row.fieldCount, expected: headerCount)
            } else if Decoder.skipsRows, active.skips(batch.view(row)) {
              // A row of another kind in a mixed export: counted, not read.
              account.skipped += 1
              continue
            } else if account.accepted == maxAcceptedRows {
              // The id indexes are full: the next row would stop the run on a trap.
              throw ImportError.tooManyRows(file: path, line: row.line, limit: maxAcceptedRows)
            } else {
              found = active.decode(batch.view(row))
            }
            // (Bound once: comparing the optional with nil took a copy of it per row.)
            guard var problem = found else {
              account.accepted += 1
              continue
            }
            // Only a row that is no record can be a footer: checked after decoding fails.
            if row.problem == nil {
              if Footer.isFooter(row, in: batch, headerCount: headerCount)
                || ReportChrome.isTotalRow(row, in: batch, idColumns: idColumns)
              {
                account.skipped += 1
                skipped.add(row, in: batch)
                continue
              }
              if batch.strings(of: row).map(\.trimmedText) == header { problem = .repeatedHeader }
            }
            account.rejected += 1
            rejects.append(file: path, role: role, line: row.line, problem: problem, fields: batch.view(row))
          }
          decoder = active
        }
      }
    } catch let error as ImportError {
      throw error
    } catch CSVReadError.unreadable(_, let reason), CSVReadError.ioFailure(_, let reason) {
      throw .unreadable(file: path, reason: reason)
    } catch {
      throw .unreadable(file: path, reason: "\(error)")
    }
    guard var decoder else { throw .empty(file: path) }
    try decoder.finish(file: path)
    return FileResult(
      decoder: decoder, account: account, rejects: rejects, notices: notices,
      fileWarnings: (readAsWindows1252 ? [.readAsWindows1252(file: path, role: role)] : [])
        + skipped.warnings(file: path, headerLine: headerLine))
  }

  /// Where an input's bytes come from: the file itself (`bytes` is `nil`), standard input
  /// (`-`, read whole), or the sheet of an Excel workbook made CSV. An old binary workbook
  /// stops the run.
  private struct Source {
    var name: String
    var bytes: [UInt8]?
    var sheet: (name: String, titleRows: Int)?
  }

  /// The name standard input has in messages, rejects and the account.
  static let standardInputName = "stdin"

  /// `readsHeader` says whether a sheet's header row is one this input's layout reads: with no
  /// sheet configured, a workbook is read from its first sheet that has one, so a cover or notes
  /// sheet before the data is passed over.
  private static func source(of path: String, sheet: String?, input: String, readsHeader: ([String]) -> Bool) throws(ImportError) -> Source {
    var source = Source(name: path)
    var kind = Workbook.Kind.other
    if path == "-" {
      source.name = standardInputName
      source.bytes = [UInt8](FileHandle.standardInput.readDataToEndOfFile())
      kind = Workbook.kind(of: source.bytes!.prefix(8))
    } else {
      kind = Workbook.kind(ofFileAt: path)
    }
    do throws(WorkbookError) {
      switch kind {
      case .other: return source
      case .binaryExcel: throw WorkbookError.binaryExcel
      case .workbook:
        let workbook: Workbook
        if let bytes = source.bytes { workbook = try Workbook(data: Data(bytes)) } else { workbook = try Workbook(path: path) }
        let read: (sheet: String, bytes: [UInt8], titleRows: Int)
        if let sheet { read = try workbook.csv(sheet: sheet) } else { read = try firstReadSheet(of: workbook, input: input, readsHeader) }
        return Source(name: "\(source.name)[\(read.sheet)]", bytes: read.bytes, sheet: (read.sheet, read.titleRows))
      }
    } catch {
      throw .workbook(file: source.name, error)
    }
  }

  /// The first sheet of `workbook` whose header row `readsHeader` accepts. A workbook of one
  /// sheet is read from it whatever it holds (its header is then checked as any file's is); of
  /// several, none accepted stops the run naming them all, as picking one would be a guess.
  private static func firstReadSheet(
    of workbook: Workbook, input: String, _ readsHeader: ([String]) -> Bool
  ) throws(WorkbookError) -> (sheet: String, bytes: [UInt8], titleRows: Int) {
    let first = try workbook.csv()
    guard workbook.sheetNames.count > 1, !headerRows(of: first.bytes).contains(where: readsHeader) else { return first }
    for sheet in workbook.sheetNames.dropFirst() {
      let read = try workbook.csv(sheet: sheet)
      if headerRows(of: read.bytes).contains(where: readsHeader) { return read }
    }
    throw .noSheetWithHeader(available: workbook.sheetNames, input: input)
  }

  /// The rows of a sheet made CSV that may be its header: the first
  /// ``ReportChrome/maximumTitleRows`` (a report's title rows can be above it; none for an empty
  /// sheet).
  private static func headerRows(of bytes: [UInt8]) -> [[String]] {
    struct Found: Error { let rows: [[String]] }
    do {
      _ = try CSVReader.read(bytes: bytes) { batch in
        let rows = batch.rows
        guard rows.count > 0 else { return }
        throw Found(rows: (0..<min(rows.count, ReportChrome.maximumTitleRows)).map { batch.strings(of: rows[$0]).map(\.trimmedText) })
      }
    } catch let found as Found {
      return found.rows
    } catch {
      return []
    }
    return []
  }
}

extension RowProblem {
  /// The problem the parser found with a row's bytes.
  init(_ problem: CSVRowProblem) {
    switch problem {
    case .unterminatedQuote: self = .unterminatedQuote
    case .tooLong(let limit): self = .tooLong(limit: limit)
    case .nulByte: self = .nulByte
    case .invalidUTF8: self = .invalidUTF8
    case .byteOrderMark: self = .byteOrderMark
    }
  }
}

/// Recognises the non-data lines that report exports append (Salesforce's "Grand Totals",
/// "Confidential Information - Do Not Distribute", the copyright line) and rows with no data.
enum Footer {
  private static let prefixes = ["grand totals", "confidential information", "copyright", "©", "generated by", "total records"]

  static func isFooter(_ row: CSVRowInfo, in batch: CSVBatch, headerCount: Int) -> Bool {
    var first: ByteView?
    var others = false
    for index in 0..<row.fieldCount {
      let field = batch.field(index, of: row)!.trimmed
      if field.isEmpty { continue }
      if first == nil { first = field } else { others = true }
    }
    guard let first else { return true }  // a row of empty cells carries no data
    // A footer line is one cell, or was split by a comma in its text ("salesforce.com, inc.").
    guard !others || row.fieldCount != headerCount else { return false }
    let lowered = String(decoding: first.prefix(40).map(\.asciiLowercased), as: UTF8.self)
    return prefixes.contains { lowered.hasPrefix($0) }
  }
}

extension String {
  /// The path's last component: how a record without an id is named (`deals.csv:57`).
  var fileName: String { split(separator: "/").last.map(String.init) ?? self }

  var trimmedText: String {
    var slice = Substring(self)
    while let first = slice.first, first.isWhitespace { slice.removeFirst() }
    while let last = slice.last, last.isWhitespace { slice.removeLast() }
    return String(slice)
  }
}
