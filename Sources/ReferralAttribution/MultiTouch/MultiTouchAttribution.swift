import ReferralCore

/// The "Attribution models" section: the period's won deals and revenue credited to channels
/// by each of the eight models of ``MultiTouchModel``, over the paths of every lead (its
/// touches, and its referral introduction as a touch of its own), with the referral share
/// under each and which models move it most.
///
/// `nil` in the result without a touches export (the section then says it needs one).
package struct MultiTouchAttribution: Sendable, Equatable {
  /// One model's figures.
  package struct ModelFigures: Sendable, Equatable {
    package var model: MultiTouchModel
    /// Every channel's credit, in the section's channel order; `nil` when the model was not
    /// computed (``notComputed`` says why).
    package var credits: [ChannelCredit]?
    package var notComputed: TouchPaths.NotComputed?
    /// The referral channels' share of the credited won deals and revenue (`nil`: not
    /// computed, nothing won, or no revenue known).
    package var referralWinShare: Double?
    package var referralRevenueShare: Double?
  }

  /// Which models move the referral share furthest from first touch, and the paths that make
  /// them: the section's closing sentence, decided here.
  package struct Shift: Sendable, Equatable {
    /// The models, furthest first, with the change in share (a fraction: −0.12 is 12 points
    /// less than first touch). At most two; none when no model moves it.
    package var moves: [(model: MultiTouchModel, change: Double)]
    /// Whether the change is in the share of revenue (else of won deals: no amounts).
    package var ofRevenue: Bool
    /// Converting paths, those that start with a referral, and those of them with another
    /// channel's touch later (the credit the other models take from the introduction).
    package var converting: Int
    package var referralFirst: Int
    package var referralFirstWithOthers: Int

    package static func == (lhs: Shift, rhs: Shift) -> Bool {
      lhs.moves.map(\.model) == rhs.moves.map(\.model) && lhs.moves.map(\.change) == rhs.moves.map(\.change)
        && lhs.ofRevenue == rhs.ofRevenue && lhs.converting == rhs.converting && lhs.referralFirst == rhs.referralFirst
        && lhs.referralFirstWithOthers == rhs.referralFirstWithOthers
    }
  }

  /// The models in the order of ``MultiTouchModel``.
  package var models: [ModelFigures]
  package var shift: Shift
  /// Paths of the period (leads with a touch in their window), and touches that named no lead.
  package var paths: Int
  package var unmatchedTouches: Int
  /// The period's won deals and revenue that every model shares out.
  package var wins: Int
  package var revenue: Money?
  /// Fewer won deals than `min_sample`: the shares are shown but too few to judge.
  package var tooFew: Bool
  package var lookbackDays: Int
  package var halfLifeDays: Double

  package func figures(_ model: MultiTouchModel) -> ModelFigures? { models.first { $0.model == model } }

  /// The section for `period`; `nil` without a touches export, outcomes or dates.
  static func make(ledger: Ledger, period: Period, options: AttributionOptions) -> MultiTouchAttribution? {
    let dataset = ledger.dataset
    guard let touches = dataset.touchTable, dataset.hasOutcomes, !options.undated else { return nil }
    let (paths, unmatched) = LeadPaths.make(ledger: ledger, touches: touches, period: period, options: options)
    return MultiTouchAttribution(paths: paths, unmatchedTouches: unmatched, revenueKnown: dataset.dealsHaveAmounts, options: options)
  }

  init(paths: TouchPaths, unmatchedTouches: Int, revenueKnown: Bool, options: AttributionOptions) {
    self.paths = paths.pathCount
    self.unmatchedTouches = unmatchedTouches
    wins = paths.totalWins
    revenue = revenueKnown ? Money(minorUnits: paths.totalRevenue) : nil
    tooFew = paths.totalWins < options.minSample
    lookbackDays = options.lookbackDays
    halfLifeDays = options.halfLifeDays
    // Channels no model credits (touched only on paths that never converted) are left out.
    var models: [ModelFigures] = MultiTouchModel.allCases.map { model in
      switch paths.credits(model, halfLifeDays: options.halfLifeDays, revenueKnown: revenueKnown) {
      case .success(let credits):
        let referralMicro = credits.filter(\.referral).reduce(Int64(0)) { $0 + $1.microWins }
        let referralRevenue = credits.filter(\.referral).reduce(Int64(0)) { $0 + ($1.revenue?.minorUnits ?? 0) }
        return ModelFigures(
          model: model, credits: credits,
          referralWinShare: paths.totalWins > 0 ? Double(referralMicro) / Double(paths.totalWins * 1_000_000) : nil,
          referralRevenueShare: revenueKnown && paths.totalRevenue != 0 ? Double(referralRevenue) / Double(paths.totalRevenue) : nil)
      case .failure(let why):
        return ModelFigures(model: model, notComputed: why)
      }
    }
    let credited = Set(models.flatMap { ($0.credits ?? []).filter { $0.microWins != 0 || ($0.revenue ?? .zero) != .zero }.map(\.channel) })
    let first = models[0].credits ?? []
    // Channels in order of first-touch credit (revenue, then wins), then by name: a total order.
    let order = first.indices.filter { credited.contains(first[$0].channel) }.sorted { a, b in
      let (x, y) = (first[a], first[b])
      if (x.revenue ?? .zero) != (y.revenue ?? .zero) { return (x.revenue ?? .zero) > (y.revenue ?? .zero) }
      if x.microWins != y.microWins { return x.microWins > y.microWins }
      return x.channel < y.channel
    }
    for at in models.indices {
      models[at].credits = models[at].credits.map { credits in order.map { credits[$0] } }
    }
    self.models = models
    shift = Self.shift(models, paths: paths, ofRevenue: revenueKnown && paths.totalRevenue != 0)
  }

  /// The (at most) two models whose referral share is furthest from first touch's.
  static func shift(_ models: [ModelFigures], paths: TouchPaths, ofRevenue: Bool) -> Shift {
    func share(_ figures: ModelFigures) -> Double? { ofRevenue ? figures.referralRevenueShare : figures.referralWinShare }
    var moves: [(model: MultiTouchModel, change: Double)] = []
    if let base = share(models[0]) {
      for figures in models.dropFirst() {
        guard let value = share(figures) else { continue }
        // Changes under half a hundredth of a point are rounding, not a move.
        if abs(value - base) >= 0.000_05 { moves.append((figures.model, value - base)) }
      }
    }
    moves.sort { abs($0.change) != abs($1.change) ? abs($0.change) > abs($1.change) : $0.model < $1.model }
    return Shift(
      moves: Array(moves.prefix(2)), ofRevenue: ofRevenue, converting: paths.convertingCount, referralFirst: paths.referralFirst,
      referralFirstWithOthers: paths.referralFirstWithOthers)
  }
}
