import Dispatch
import Foundation
import ReferralCore

/// The import stage: reads every input of a run into one ``Dataset``.
///
/// The leads file and the others are read at the same time, and in each file libcsv and the
/// decoder run on separate threads; each file keeps its own string tables, merged at the end,
/// so no lock is taken per row.
public enum Importer {
  /// Reads all inputs of `files`; row problems become rejects, file problems throw.
  public static func load(
    _ files: InputFiles, options: ImportOptions,
    progress: (@Sendable (_ role: InputRole, _ bytesRead: Int, _ totalBytes: Int?) -> Void)? = nil
  ) throws(ImportError) -> Dataset {
    // The leads file (the largest) is read here; the others, one after another, on a thread of
    // their own (not a shared queue: a caller blocked on a busy pool must not wait for it).
    let others = ResultBox<OtherFiles>()
    let done = DispatchSemaphore(value: 0)
    let thread = Thread {
      others.result = Result { () throws(ImportError) in
        var deals = try FileImporter.run(DealDecoder.self, path: files.deals, options: options) { progress?(.deals, $0, $1) }
        let spend = try files.spend.map { path throws(ImportError) in
          try FileImporter.run(SpendDecoder.self, path: path, options: options) { progress?(.spend, $0, $1) }
        }
        var payouts = try files.payouts.map { path throws(ImportError) in
          try FileImporter.run(PayoutDecoder.self, path: path, options: options) { progress?(.payouts, $0, $1) }
        }
        // Deals and payouts are linked here, while the leads are still being read: their id
        // lookups are gone before the leads' are complete, and the join costs no wall time.
        let payoutDeals = payouts?.decoder.link(to: deals.decoder.deals.index) ?? []
        deals.decoder.releaseIDLookups()
        return OtherFiles(deals: deals, spend: spend, payouts: payouts, payoutDeals: payoutDeals)
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
    var rest = try others.take().get()
    return assemble(leads: &leads, deals: &rest.deals, spend: &rest.spend, payouts: &rest.payouts, payoutDeals: rest.payoutDeals)
  }

  /// Puts the files' records into one dataset with merged string tables. Records are
  /// renumbered in place (the results are the only owners), never copied. The two groups of
  /// tables share nothing and are merged side by side: sources and owners (with the deals and
  /// spend renumbered, and the leads' referrer ids made strings meanwhile), and referrers
  /// (with the payouts renumbered).
  static func assemble(
    leads: inout FileResult<LeadDecoder>, deals: inout FileResult<DealDecoder>,
    spend: inout FileResult<SpendDecoder>?, payouts: inout FileResult<PayoutDecoder>?, payoutDeals: [Int32]
  ) -> Dataset {
    var dataset = Dataset()
    let (leadSources, leadOwners, leadReferrers) = (leads.decoder.sources, leads.decoder.owners, leads.decoder.referrers)
    let merged = MergedTables()
    withUnsafeMutablePointer(to: &deals) { deals in
      withUnsafeMutablePointer(to: &spend) { spend in
        withUnsafeMutablePointer(to: &payouts) { payouts in
          // Each group renumbers its own files' records only.
          nonisolated(unsafe) let (deals, spend, payouts) = (deals, spend, payouts)
          DispatchQueue.concurrentPerform(iterations: 2) { group in
            if group == 0 {
              var sources = TableMerger(leadSources)
              var owners = TableMerger(leadOwners)
              deals.pointee.decoder.renumber(sources: sources.remap(deals.pointee.decoder.sources), owners: owners.remap(deals.pointee.decoder.owners))
              if let table = spend.pointee?.decoder.sources { spend.pointee!.decoder.renumber(sources: sources.remap(table)) }
              (merged.sources, merged.owners) = (sources.values, owners.values)
              merged.leadReferrers = leadReferrers.index.strings  // read from the leads' own table, not the one merged into
            } else {
              var referrers = TableMerger(leadReferrers)
              if let table = payouts.pointee?.decoder.referrers { payouts.pointee!.decoder.renumber(referrers: referrers.remap(table)) }
              merged.addedReferrers = referrers.values(from: leadReferrers.index.count)
            }
          }
        }
      }
    }

    dataset.leadTable = leads.decoder.leads
    dataset.leadsHaveThankedAt = leads.decoder.hasThankedAt
    dataset.dealTable = deals.decoder.deals
    dataset.dealsHaveAmounts = deals.decoder.hasAmounts
    if let spend {
      dataset.spend = spend.decoder.entries
      dataset.hasSpend = true
    }
    if let payouts {
      dataset.payoutTable = payouts.decoder.payouts
      dataset.hasPayouts = true
    }
    dataset.sources = merged.sources
    dataset.owners = merged.owners
    dataset.referrers = merged.leadReferrers + merged.addedReferrers

    dataset.inputs = [leads.account, deals.account] + [spend?.account, payouts?.account].compactMap { $0 }
    dataset.rejects = leads.rejects + deals.rejects + (spend?.rejects ?? []) + (payouts?.rejects ?? [])
    dataset.warnings = deals.decoder.warnings
    dataset.link(payoutDeals: payoutDeals)
    return dataset
  }
}

/// What the second thread reads.
private struct OtherFiles {
  var deals: FileResult<DealDecoder>
  var spend: FileResult<SpendDecoder>?
  var payouts: FileResult<PayoutDecoder>?
  /// The payouts' links to the deals, made on the second thread.
  var payoutDeals: [Int32]
}

/// The merged string tables, each written by one of ``Importer/assemble``'s two groups.
private final class MergedTables: @unchecked Sendable {
  var sources: [String] = []
  var owners: [String] = []
  var leadReferrers: [String] = []
  var addedReferrers: [String] = []
}

/// Carries a result out of the second thread; written once, before the semaphore is signalled.
private final class ResultBox<Value>: @unchecked Sendable {
  var result: Result<Value, ImportError>?

  /// The result, leaving the box empty (so the records have one owner and are not copied).
  func take() -> Result<Value, ImportError> {
    defer { result = nil }
    return result!
  }
}
