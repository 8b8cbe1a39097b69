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
        // Deals and payouts are linked here, while the leads are still being read: their id
        // lookups are gone before the leads' are complete, and the join costs no wall time.
        let dealIndex = read.deals?.decoder.deals.index ?? IDIndex()
        let payoutDeals = read.payouts?.decoder.link(to: dealIndex) ?? []
        read.deals?.decoder.releaseIDLookups()
        return (read: read, payoutDeals: payoutDeals)
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
    if let undated = leadsRead.leads, undated.decoder.undated, files.roles != [.leads] { throw .undatedLeads(file: undated.account.file) }
    var read = leadsRead.merged(with: rest.read)
    return assemble(&read, payoutDeals: rest.payoutDeals)
  }

  /// Puts the files' records into one dataset with merged string tables. Records are
  /// renumbered in place (the results are the only owners), never copied. The two groups of
  /// tables share nothing and are merged side by side: sources and owners (with the deals and
  /// spend renumbered), and referrers (with the payouts renumbered; the merged index's text
  /// column becomes the dataset's referrer ids, no `String` each).
  static func assemble(_ read: inout ReadFiles, payoutDeals: [Int32]) -> Dataset {
    var dataset = Dataset()
    // Every file's account and rejects, taken alike for every role before anything else.
    (dataset.inputs, dataset.rejects, dataset.notices, dataset.warnings) = read.accounts
    let emptyTable = Interner()
    let (leadSources, leadOwners, leadReferrers) = (
      read.leads?.decoder.sources ?? emptyTable, read.leads?.decoder.owners ?? emptyTable, read.leads?.decoder.referrers ?? emptyTable
    )
    let (dealSources, dealOwners) = (read.deals?.decoder.sources, read.deals?.decoder.owners)
    let (spendSources, payoutReferrers) = (read.spend?.decoder.sources, read.payouts?.decoder.referrers)
    let askOwners = read.asks?.decoder.owners
    // Two groups of tables that share nothing, merged side by side; each renumbers its own
    // files' records once the merge has said how.
    let (sourcesAndOwners, referrers) = Scheduler.run(
      {
        var sources = TableMerger(leadSources)
        var owners = TableMerger(leadOwners)
        let deals = dealSources.map { (sources: sources.remap($0), owners: owners.remap(dealOwners!)) }
        let spend = spendSources.map { sources.remap($0) }
        let asks = askOwners.map { owners.remap($0) }
        return (deals: deals, spend: spend, asks: asks, sources: sources.values, owners: owners.values)
      },
      {
        var referrers = TableMerger(leadReferrers)
        let payouts = payoutReferrers.map { referrers.remap($0) }
        return (payouts: payouts, names: referrers.list)
      })
    if let map = sourcesAndOwners.deals { read.deals!.decoder.renumber(sources: map.sources, owners: map.owners) }
    if let map = sourcesAndOwners.spend { read.spend!.decoder.renumber(sources: map) }
    if let map = referrers.payouts { read.payouts!.decoder.renumber(referrers: map) }
    if let map = sourcesAndOwners.asks { read.asks!.decoder.renumber(owners: map) }

    dataset.hasLeads = read.leads != nil
    if let leads = read.leads {
      dataset.leadTable = leads.decoder.leads
      dataset.leadsHaveThankedAt = leads.decoder.hasThankedAt
      dataset.leadsUndated = leads.decoder.undated
      dataset.convertedDeals = leads.decoder.convertedDeals
      dataset.warnings += leads.decoder.warnings
    } else {
      dataset.leadsHaveThankedAt = false
    }
    if let deals = read.deals {
      dataset.dealTable = deals.decoder.deals
      dataset.dealsHaveAmounts = deals.decoder.hasAmounts
      dataset.dealsHaveStages = deals.decoder.hasStages
      dataset.dealsHaveIDs = deals.decoder.hasIDs
      dataset.warnings += deals.decoder.warnings
    } else if let leads = read.leads, leads.decoder.hasOutcomes {
      // The leads' own outcome column: each lead with one is a deal of its own (see ``Dataset/outcomesFromLeads``).
      dataset.dealTable = leads.decoder.outcomeDeals(file: leads.account.file)
      dataset.outcomesFromLeads = true
      (dataset.dealsHaveAmounts, dataset.dealsHaveIDs) = (false, false)
    } else {
      dataset.hasOutcomes = false
      (dataset.dealsHaveAmounts, dataset.dealsHaveStages, dataset.dealsHaveIDs) = (false, false, false)
    }
    if let spend = read.spend {
      dataset.spend = spend.decoder.entries
      dataset.hasSpend = true
    }
    if let payouts = read.payouts {
      dataset.payoutTable = payouts.decoder.payouts
      dataset.hasPayouts = true
    }
    if let asks = read.asks {
      dataset.askTable = asks.decoder.asks
      dataset.hasAsks = true
    }
    dataset.sources = sourcesAndOwners.sources
    dataset.owners = sourcesAndOwners.owners
    dataset.referrers = referrers.names
    dataset.link(payoutDeals: payoutDeals)
    return dataset
  }
}
