import Dispatch
import Foundation
import ReferralCore

/// The import stage: reads every input of a run into one ``Dataset``.
///
/// Leads and deals are read at the same time (they are the big files); each file keeps its
/// own string tables, merged at the end so no lock is taken per row.
public enum Importer {
  public static func load(
    _ files: InputFiles, options: ImportOptions,
    progress: (@Sendable (_ role: InputRole, _ bytesRead: Int, _ totalBytes: Int?) -> Void)? = nil
  ) throws(ImportError) -> Dataset {
    // A thread of its own, not a shared queue: a caller blocked on a busy pool must not wait
    // for a pool thread to free up.
    let dealsBox = ResultBox<FileResult<DealDecoder>>()
    let done = DispatchSemaphore(value: 0)
    let thread = Thread {
      dealsBox.result = Result { () throws(ImportError) in
        try FileImporter.run(DealDecoder.self, path: files.deals, options: options) { progress?(.deals, $0, $1) }
      }
      done.signal()
    }
    thread.stackSize = 1 << 23
    thread.start()
    let leadsResult = Result { () throws(ImportError) in
      try FileImporter.run(LeadDecoder.self, path: files.leads, options: options) { progress?(.leads, $0, $1) }
    }
    done.wait()
    var leads = try leadsResult.get()
    var deals = try dealsBox.take().get()
    var spend = try files.spend.map { path throws(ImportError) in
      try FileImporter.run(SpendDecoder.self, path: path, options: options) { progress?(.spend, $0, $1) }
    }
    var payouts = try files.payouts.map { path throws(ImportError) in
      try FileImporter.run(PayoutDecoder.self, path: path, options: options) { progress?(.payouts, $0, $1) }
    }
    return assemble(leads: &leads, deals: &deals, spend: &spend, payouts: &payouts)
  }

  /// Puts the files' records into one dataset with merged string tables. Records are
  /// renumbered in place (the results are the only owners), never copied.
  static func assemble(
    leads: inout FileResult<LeadDecoder>, deals: inout FileResult<DealDecoder>,
    spend: inout FileResult<SpendDecoder>?, payouts: inout FileResult<PayoutDecoder>?
  ) -> Dataset {
    var dataset = Dataset()
    var sources = TableMerger(leads.decoder.sources.values)
    var owners = TableMerger(leads.decoder.owners.values)
    var referrers = TableMerger(leads.decoder.referrers.values)
    deals.decoder.renumber(sources: sources.remap(deals.decoder.sources.values), owners: owners.remap(deals.decoder.owners.values))
    if let table = spend?.decoder.sources.values { spend!.decoder.renumber(sources: sources.remap(table)) }
    if let table = payouts?.decoder.referrers.values { payouts!.decoder.renumber(referrers: referrers.remap(table)) }

    dataset.leads = leads.decoder.leads
    dataset.leadIndex = leads.decoder.index
    dataset.leadsHaveThankedAt = leads.decoder.hasThankedAt
    dataset.deals = deals.decoder.deals
    dataset.dealIndex = deals.decoder.index
    dataset.dealsHaveAmounts = deals.decoder.hasAmounts
    if let spend {
      dataset.spend = spend.decoder.entries
      dataset.hasSpend = true
    }
    if let payouts {
      dataset.payouts = payouts.decoder.payouts
      dataset.hasPayouts = true
    }
    dataset.sources = sources.values
    dataset.owners = owners.values
    dataset.referrers = referrers.values

    dataset.inputs = [leads.account, deals.account] + [spend?.account, payouts?.account].compactMap { $0 }
    dataset.rejects = leads.rejects + deals.rejects + (spend?.rejects ?? []) + (payouts?.rejects ?? [])
    dataset.warnings = deals.decoder.warnings
    return dataset
  }
}

/// Carries a result out of the deals thread; written once, before the semaphore is signalled.
private final class ResultBox<Value>: @unchecked Sendable {
  var result: Result<Value, ImportError>?

  /// The result, leaving the box empty (so the records have one owner and are not copied).
  func take() -> Result<Value, ImportError> {
    defer { result = nil }
    return result!
  }
}
