import ReferralCore
import Scheduler

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
    // their own (not a shared pool: a caller blocked on a busy pool must not wait for it).
    let (others, leads) = Scheduler.alongside {
      Result { () throws(ImportError) in
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
    } meanwhile: {
      Result { () throws(ImportError) in
        try FileImporter.run(LeadDecoder.self, path: files.leads, options: options) { progress?(.leads, $0, $1) }
      }
    }
    var leadsRead = try leads.get()
    var rest = try others.get()
    return assemble(leads: &leadsRead, deals: &rest.deals, spend: &rest.spend, payouts: &rest.payouts, payoutDeals: rest.payoutDeals)
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
    let (dealSources, dealOwners) = (deals.decoder.sources, deals.decoder.owners)
    let (spendSources, payoutReferrers) = (spend?.decoder.sources, payouts?.decoder.referrers)
    // Two groups of tables that share nothing, merged side by side; each renumbers its own
    // files' records once the merge has said how.
    let (sourcesAndOwners, referrers) = Scheduler.run(
      {
        var sources = TableMerger(leadSources)
        var owners = TableMerger(leadOwners)
        let deals = (sources: sources.remap(dealSources), owners: owners.remap(dealOwners))
        let spend = spendSources.map { sources.remap($0) }
        // Read from the leads' own table, not the one merged into.
        return (deals: deals, spend: spend, sources: sources.values, owners: owners.values, leadReferrers: leadReferrers.index.strings)
      },
      {
        var referrers = TableMerger(leadReferrers)
        let payouts = payoutReferrers.map { referrers.remap($0) }
        return (payouts: payouts, added: referrers.values(from: leadReferrers.index.count))
      })
    deals.decoder.renumber(sources: sourcesAndOwners.deals.sources, owners: sourcesAndOwners.deals.owners)
    if let map = sourcesAndOwners.spend { spend!.decoder.renumber(sources: map) }
    if let map = referrers.payouts { payouts!.decoder.renumber(referrers: map) }

    dataset.leadTable = leads.decoder.leads
    dataset.leadsHaveThankedAt = leads.decoder.hasThankedAt
    dataset.dealTable = deals.decoder.deals
    dataset.dealsHaveAmounts = deals.decoder.hasAmounts
    dataset.dealsHaveStages = deals.decoder.hasStages
    dataset.dealsHaveIDs = deals.decoder.hasIDs
    if let spend {
      dataset.spend = spend.decoder.entries
      dataset.hasSpend = true
    }
    if let payouts {
      dataset.payoutTable = payouts.decoder.payouts
      dataset.hasPayouts = true
    }
    dataset.sources = sourcesAndOwners.sources
    dataset.owners = sourcesAndOwners.owners
    dataset.referrers = sourcesAndOwners.leadReferrers + referrers.added

    dataset.inputs = [leads.account, deals.account] + [spend?.account, payouts?.account].compactMap { $0 }
    dataset.rejects = leads.rejects + deals.rejects + (spend?.rejects ?? []) + (payouts?.rejects ?? [])
    dataset.warnings = deals.decoder.warnings
    dataset.link(payoutDeals: payoutDeals)
    return dataset
  }
}

/// What the second thread reads.
private struct OtherFiles: Sendable {
  var deals: FileResult<DealDecoder>
  var spend: FileResult<SpendDecoder>?
  var payouts: FileResult<PayoutDecoder>?
  /// The payouts' links to the deals, made on the second thread.
  var payoutDeals: [Int32]
}
