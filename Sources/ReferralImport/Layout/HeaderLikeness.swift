/// How much a header's name looks like a field's names: the one rule behind the closest
/// header a missing column's error suggests and the unread columns a ``ReferralCore/Notice``
/// names.
///
/// Names are compared by their words (split at anything but letters and digits, and where a
/// lower-case letter meets an upper-case one, so `StageName` is `stage name`), with the Dice
/// coefficient: twice the shared words over the words of both. Two words are one when they are
/// equal or share a beginning of at least four letters that is all but at most one letter of
/// the shorter (`close`, `closed`, `closing`; `stage`, `stages`; `referrer`, `referred`; not
/// `referral`, the channel, nor `change` and `channel`), since exports inflect freely. Words that every header of a record
/// carries (`deal`, `lead`, `id`, `date`…) count in the sizes but never make two names alike
/// by themselves: `Deal Name` is not like `Deal Stage`.
enum HeaderLikeness {
  /// Words that name the record or the kind of value, not what the column holds.
  private static let commonWords: Set<String> = [
    "deal", "deals", "lead", "leads", "contact", "person", "opportunity", "record", "obchod", "osoba",
    "id", "ids", "name", "date", "time", "at", "on", "of", "by", "the",
    // Spanish: `Nombre de la oportunidad` is no more like `Origen de la oportunidad` than
    // `Opportunity Name` is like `Lead Source`.
    "oportunidad", "de", "la", "del",
  ]

  /// The words of a header, lower-cased.
  static func words(_ name: String) -> [String] {
    var words: [String] = []
    var current = ""
    var previousWasLower = false
    for character in name {
      guard character.isLetter || character.isNumber else {
        if !current.isEmpty { words.append(current) }
        current = ""
        previousWasLower = false
        continue
      }
      if character.isUppercase, previousWasLower, !current.isEmpty {
        words.append(current)
        current = ""
      }
      current += character.lowercased()
      previousWasLower = character.isLowercase
    }
    if !current.isEmpty { words.append(current) }
    return words
  }

  private static func same(_ a: String, _ b: String) -> Bool {
    if a == b { return true }
    let shared = zip(a, b).prefix { $0 == $1 }.count
    return shared >= 4 && shared >= min(a.count, b.count) - 1
  }

  /// Dice's coefficient of the two names' words, 0 unless they share a word that is not common.
  static func score(_ header: String, _ name: String) -> Double {
    let (left, right) = (words(header), words(name))
    guard !left.isEmpty, !right.isEmpty else { return 0 }
    let shared = left.filter { word in right.contains { same(word, $0) } }
    guard shared.contains(where: { !commonWords.contains($0) }) else { return 0 }
    return 2 * Double(shared.count) / Double(left.count + right.count)
  }

  /// How much `header` looks like any of `names`: its best score against them.
  static func score(_ header: String, toAnyOf names: [String]) -> Double {
    names.map { score(header, $0) }.max() ?? 0
  }

  /// The header of `headers` most like any of `names` (the first of equals), if any is at all.
  static func closest(to names: [String], among headers: [String]) -> String? {
    var best: (header: String, score: Double)?
    for header in headers {
      let score = score(header, toAnyOf: names)
      if score > 0, score > (best?.score ?? 0) { best = (header, score) }
    }
    return best?.header
  }
}
