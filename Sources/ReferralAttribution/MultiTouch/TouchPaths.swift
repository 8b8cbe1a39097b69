import ReferralCore

/// The paths of one period as the models read them: the converting paths touch by touch (the
/// heuristic models credit each on its own), and every path, converting or not, folded into
/// what Markov and Shapley read (transitions and channel sets), so that a million paths that
/// did not convert cost no memory per path.
///
/// A channel is a position in ``channels``; a touch's age is its whole days before the
/// conversion (time decay reads it).
package struct TouchPaths: Sendable, Equatable {
  /// The channels paths may name, by position.
  package let channels: [Catalogue.Channel]
  /// The converting paths' touches, one path after another: ``ends`` says where each stops.
  private(set) var touchChannels: [UInt16] = []
  private(set) var touchAges: [Int32] = []
  private(set) var ends: [Int] = []
  /// Per converting path: its won deals, their revenue (minor units) and the position in the
  /// path of the touch nearest its first deal's creation (W-shaped).
  private(set) var wins: [Int] = []
  private(set) var revenue: [Int64] = []
  private(set) var dealTouches: [Int] = []
  /// Every path's first-order transitions (`nil` beyond ``MarkovCounts/maxChannels``).
  private(set) var markov: MarkovCounts?
  /// Every path's set of channels (`nil` once more than ``ChannelSets/maxChannels`` appear).
  private(set) var sets: ChannelSets?

  /// Won deals and revenue (minor units) of all converting paths: what every model shares.
  package private(set) var totalWins = 0
  package private(set) var totalRevenue: Int64 = 0
  /// Paths, and how many of them converted.
  package private(set) var pathCount = 0
  package var convertingCount: Int { ends.count }
  /// Converting paths whose first touch is a referral, and those of them with a touch of
  /// another channel after it: the paths on which the models disagree about referrals.
  package private(set) var referralFirst = 0
  package private(set) var referralFirstWithOthers = 0

  package init(channels: [Catalogue.Channel]) {
    self.channels = channels
    markov = channels.count <= MarkovCounts.maxChannels ? MarkovCounts(channelCount: channels.count) : nil
    sets = ChannelSets(channelCount: channels.count)
  }

  /// Adds a converting path: its touches' channels in time order and their days before the
  /// conversion, its won deals (at least 1) and their revenue.
  package mutating func addConversion(channels path: [Int], ages: [Int32], wins: Int, revenue: Money, dealTouch: Int) {
    precondition(!path.isEmpty && path.count == ages.count && wins > 0 && path.indices.contains(dealTouch), "a converting path with touches")
    for (channel, age) in zip(path, ages) {
      touchChannels.append(UInt16(channel))
      touchAges.append(age)
    }
    ends.append(touchChannels.count)
    self.wins.append(wins)
    self.revenue.append(revenue.minorUnits)
    dealTouches.append(dealTouch)
    totalWins += wins
    totalRevenue += revenue.minorUnits
    pathCount += 1
    if channels[path[0]].referral {
      referralFirst += 1
      if path.contains(where: { $0 != path[0] }) { referralFirstWithOthers += 1 }
    }
    markov?.add(path, conversions: Double(wins), value: Double(revenue.minorUnits), nulls: 0)
    sets?.add(path, paths: 1, conversions: Double(wins), value: Double(revenue.minorUnits))
  }

  /// Adds `count` paths with these channels that did not convert.
  package mutating func addNull(channels path: [Int], count: Int = 1) {
    precondition(!path.isEmpty && count > 0, "a path with touches")
    pathCount += count
    markov?.add(path, conversions: 0, value: 0, nulls: Double(count))
    sets?.add(path, paths: count, conversions: 0, value: 0)
  }

  /// The touches of converting path `index`.
  func touches(of index: Int) -> Range<Int> { (index == 0 ? 0 : ends[index - 1])..<ends[index] }

  /// What `model` credits each channel, in the order of ``channels`` (every channel, credited
  /// or not); `nil`, with why, when the model cannot be computed on these paths.
  package func credits(_ model: MultiTouchModel, halfLifeDays: Double, revenueKnown: Bool) -> Result<[ChannelCredit], NotComputed> {
    let shares: (wins: [Double], revenue: [Double])
    switch model {
    case .markov:
      guard let markov else { return .failure(.tooManyChannelsForMarkov(channels.count)) }
      shares = markov.removalShares(totalWins: Double(totalWins), totalRevenue: Double(totalRevenue))
    case .shapley:
      guard let sets, let values = sets.shapleyShares(totalWins: Double(totalWins), totalRevenue: Double(totalRevenue))
      else { return .failure(.tooManyChannelsForShapley(sets?.channelsSeen ?? ChannelSets.maxChannels + 1)) }
      shares = values
    default:
      shares = heuristicShares(model, halfLifeDays: halfLifeDays)
    }
    let rank = Self.nameRanks(channels)
    let micro = Apportion.apportion(Int64(totalWins) * 1_000_000, exact: shares.wins.map { $0 * 1_000_000 }, rank: rank)
    let cents = Apportion.apportion(totalRevenue, exact: shares.revenue, rank: rank)
    return .success(
      channels.indices.map { at in
        ChannelCredit(
          channel: channels[at].name, referral: channels[at].referral, microWins: micro[at],
          revenue: revenueKnown ? Money(minorUnits: cents[at]) : nil)
      })
  }

  /// Why a model was not computed.
  package enum NotComputed: Error, Sendable, Equatable {
    /// Markov keeps a transition count per pair of channels: more channels than it allows.
    case tooManyChannelsForMarkov(Int)
    /// Exact Shapley values over more channels than ``ChannelSets/maxChannels`` would take
    /// 2^channels coalitions; a sampled estimate would be a different figure each run.
    case tooManyChannelsForShapley(Int)
  }

  /// Each channel's exact credit (won deals and minor units) under a heuristic model: every
  /// converting path's conversion shared by its touches' weights.
  private func heuristicShares(_ model: MultiTouchModel, halfLifeDays: Double) -> (wins: [Double], revenue: [Double]) {
    var wins = Array(repeating: 0.0, count: channels.count)
    var revenue = Array(repeating: 0.0, count: channels.count)
    for path in ends.indices {
      let touches = touches(of: path)
      let weights = TouchWeights.weights(
        model, count: touches.count, ages: { touchAges[touches.lowerBound + $0] }, dealTouch: dealTouches[path],
        halfLifeDays: halfLifeDays)
      for (offset, weight) in weights.enumerated() where weight > 0 {
        let channel = Int(touchChannels[touches.lowerBound + offset])
        wins[channel] += weight * Double(self.wins[path])
        revenue[channel] += weight * Double(self.revenue[path])
      }
    }
    return (wins, revenue)
  }

  /// Each channel's place in name order: ties in rounding go to the alphabetically first, so
  /// the order rows came in never moves a unit.
  static func nameRanks(_ channels: [Catalogue.Channel]) -> [Int] {
    var rank = Array(repeating: 0, count: channels.count)
    for (place, at) in channels.indices.sorted(by: { channels[$0].name < channels[$1].name }).enumerated() { rank[at] = place }
    return rank
  }
}
