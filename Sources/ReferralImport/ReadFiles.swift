import ReferralCore

/// The files of one run as read, one place per input role: the one descriptor of the inputs
/// the importer iterates.
///
/// Both `switch`es on the role are exhaustive, so a new role makes the compiler name the two
/// things it needs: how its file is read, and where its account is. Every file's account and
/// rejects are then taken from ``accounts`` the same way for every role, so no input's rows can
/// be left out of the account; only putting its records into the dataset is the role's own.
struct ReadFiles: Sendable {
  var leads: FileResult<LeadDecoder>?
  var deals: FileResult<DealDecoder>?
  var spend: FileResult<SpendDecoder>?
  var payouts: FileResult<PayoutDecoder>?
  var asks: FileResult<AskDecoder>?

  /// Reads the file at `path` into the place of `role`.
  mutating func read(
    _ role: InputRole, path: String, options: ImportOptions, progress: ((InputRole, Int, Int?) -> Void)?
  ) throws(ImportError) {
    let report: (Int, Int?) -> Void = { progress?(role, $0, $1) }
    switch role {
    case .leads: leads = try FileImporter.run(LeadDecoder.self, path: path, options: options, progress: report)
    case .deals: deals = try FileImporter.run(DealDecoder.self, path: path, options: options, progress: report)
    case .spend: spend = try FileImporter.run(SpendDecoder.self, path: path, options: options, progress: report)
    case .payouts: payouts = try FileImporter.run(PayoutDecoder.self, path: path, options: options, progress: report)
    case .asks: asks = try FileImporter.run(AskDecoder.self, path: path, options: options, progress: report)
    }
  }

  /// The account, rejects, notices and warnings of the file of `role`, if it was read.
  func account(of role: InputRole) -> (account: InputAccount, rejects: RejectedRows, notices: [Notice], warnings: [Warning])? {
    switch role {
    case .leads: leads.map { ($0.account, $0.rejects, $0.notices, $0.warnings) }
    case .deals: deals.map { ($0.account, $0.rejects, $0.notices, $0.warnings) }
    case .spend: spend.map { ($0.account, $0.rejects, $0.notices, $0.warnings) }
    case .payouts: payouts.map { ($0.account, $0.rejects, $0.notices, $0.warnings) }
    case .asks: asks.map { ($0.account, $0.rejects, $0.notices, $0.warnings) }
    }
  }

  /// Every file's account, rejects, notices and warnings, in report order.
  var accounts: (inputs: [InputAccount], rejects: RejectedRows, notices: [Notice], warnings: [Warning]) {
    let read = InputRole.allCases.compactMap(account(of:))
    return (
      read.map(\.account), read.reduce(into: RejectedRows()) { $0.append(contentsOf: $1.rejects) }, read.flatMap(\.notices),
      read.flatMap(\.warnings)
    )
  }

  /// These files with the places `other` filled (the two threads' halves of one run).
  func merged(with other: ReadFiles) -> ReadFiles {
    ReadFiles(
      leads: leads ?? other.leads, deals: deals ?? other.deals, spend: spend ?? other.spend, payouts: payouts ?? other.payouts,
      asks: asks ?? other.asks)
  }
}
