import ReferralCore

/// A file read as its input, whatever the input: its account, rejects and notices, and its
/// records, which it puts into the dataset itself (see ``RowDecoder``).
protocol ReadFile: Sendable {
  var account: InputAccount { get }
  var rejects: RejectedRows { get }
  var notices: [Notice] { get }
  var warnings: [Warning] { get }
  func texts(_ kind: TextKind) -> Interner?
  mutating func renumber(_ maps: [TextKind: [TextID]])
  consuming func assemble(into dataset: inout Dataset)
}

extension FileResult: ReadFile {
  var warnings: [Warning] { fileWarnings + decoder.warnings }
  func texts(_ kind: TextKind) -> Interner? { decoder.texts(kind) }
  mutating func renumber(_ maps: [TextKind: [TextID]]) { decoder.renumber(maps) }
  consuming func assemble(into dataset: inout Dataset) { decoder.assemble(into: &dataset, file: account.file) }
}

/// The files of one run as read, by role. Every file's account and rejects are taken from
/// ``accounts`` the same way for every input, so no input's rows can be left out of the
/// account; only putting its records into the dataset is the input's own.
struct ReadFiles: Sendable {
  private var files: [InputRole: any ReadFile] = [:]

  /// Reads the file at `path` as the input of `role`.
  mutating func read(
    _ role: InputRole, path: String, options: ImportOptions, progress: ((InputRole, Int, Int?) -> Void)?
  ) throws(ImportError) {
    files[role] = try role.decoder.read(path: path, options: options) { progress?(role, $0, $1) }
  }

  /// The file of `Decoder`'s input, if it was read.
  subscript<Decoder: RowDecoder>(_: Decoder.Type) -> FileResult<Decoder>? { files[Decoder.role] as? FileResult<Decoder> }

  /// The files read, in report order.
  var inOrder: [any ReadFile] { InputRole.allCases.compactMap { files[$0] } }

  /// Every file's account, rejects and notices, in report order.
  var accounts: (inputs: [InputAccount], rejects: RejectedRows, notices: [Notice]) {
    let read = inOrder
    return (read.map(\.account), read.reduce(into: RejectedRows()) { $0.append(contentsOf: $1.rejects) }, read.flatMap(\.notices))
  }

  /// These files with those `other` read (the two threads' halves of one run).
  func merged(with other: ReadFiles) -> ReadFiles {
    var merged = self
    merged.files.merge(other.files) { mine, _ in mine }
    return merged
  }
}
