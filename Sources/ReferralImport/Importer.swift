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
    let leads = try leadsResult.get()
    let deals = try dealsBox.result!.get()
    let spend = try files.spend.map { path throws(ImportError) in
      try FileImporter.run(SpendDecoder.self, path: path, options: options) { progress?(.spend, $0, $1) }
    }
    let payouts = try files.payouts.map { path throws(ImportError) in
      try FileImporter.run(PayoutDecoder.self, path: path, options: options) { progress?(.payouts, $0, $1) }
    }
    return assemble(leads: leads, deals: deals, spend: spend, payouts: payouts)
  }

  static func assemble(
    leads: FileResult<LeadDecoder>, deals: FileResult<DealDecoder>,
    spend: FileResult<SpendDecoder>?, payouts: FileResult<PayoutDecoder>?
  ) -> Dataset {
    var dataset = Dataset()
    var sources = TableMerger(leads.decoder.sources.values)
    var owners = TableMerger(leads.decoder.owners.values)
    var referrers = TableMerger(leads.decoder.referrers.values)
    dataset.leads = leads.decoder.leads
    dataset.leadIndex = leads.decoder.index
    dataset.dealIndex = deals.decoder.index
    dataset.leadsHaveThankedAt = leads.decoder.hasThankedAt

    let dealSources = sources.remap(deals.decoder.sources.values)
    let dealOwners = owners.remap(deals.decoder.owners.values)
    dataset.deals = deals.decoder.deals.map { deal in
      var deal = deal
      deal.source = deal.source.map { dealSources[Int($0)] }
      deal.owner = deal.owner.map { dealOwners[Int($0)] }
      return deal
    }
    dataset.dealsHaveAmounts = deals.decoder.hasAmounts

    if let spend {
      let spendSources = sources.remap(spend.decoder.sources.values)
      dataset.spend = spend.decoder.entries.map { entry in
        var entry = entry
        entry.source = spendSources[Int(entry.source)]
        return entry
      }
      dataset.hasSpend = true
    }
    if let payouts {
      let payoutReferrers = referrers.remap(payouts.decoder.referrers.values)
      dataset.payouts = payouts.decoder.payouts.map { payout in
        var payout = payout
        payout.referrer = payout.referrer.map { payoutReferrers[Int($0)] }
        return payout
      }
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
}
