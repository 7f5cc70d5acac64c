import Foundation

/// Counts for precision, recall and F1.
public struct PRF: Sendable, Hashable, Codable {
    public var truePositives: Int
    public var system: Int
    public var gold: Int

    public init(truePositives: Int = 0, system: Int = 0, gold: Int = 0) {
        self.truePositives = truePositives
        self.system = system
        self.gold = gold
    }

    /// nil when undefined (nothing found).
    public var precision: Double? { system == 0 ? nil : Double(truePositives) / Double(system) }
    /// nil when undefined (nothing expected).
    public var recall: Double? { gold == 0 ? nil : Double(truePositives) / Double(gold) }
    /// 2·tp / (system + gold); nil when both are empty.
    public var f1: Double? { system + gold == 0 ? nil : 2 * Double(truePositives) / Double(system + gold) }

    public static func + (a: PRF, b: PRF) -> PRF {
        PRF(truePositives: a.truePositives + b.truePositives, system: a.system + b.system, gold: a.gold + b.gold)
    }
}

/// Right speakers among matched quotes.
public struct SpeakerAccuracy: Sendable, Hashable, Codable {
    public var correct: Int
    public var matched: Int
    public init(correct: Int = 0, matched: Int = 0) {
        self.correct = correct
        self.matched = matched
    }
    public var accuracy: Double? { matched == 0 ? nil : Double(correct) / Double(matched) }
    public static func + (a: SpeakerAccuracy, b: SpeakerAccuracy) -> SpeakerAccuracy {
        SpeakerAccuracy(correct: a.correct + b.correct, matched: a.matched + b.matched)
    }
}

/// The measures for one story, or summed over many (micro-averaged).
public struct AccuracyScore: Sendable, Hashable {
    public var name: String
    /// Body quotes (kinds direct and partial; reported speech is not scored).
    public var quotes = PRF()
    /// Matched quotes whose speaker is right.
    public var speakers = SpeakerAccuracy()
    /// End to end: a quote found and given the right speaker.
    public var attribution = PRF()
    /// Quotes in the headline, scored the same way as body quotes.
    public var headlineQuotes = PRF()
    public var people = PRF()
    public var places = PRF()
    public var organizations = PRF()
    /// One line per miss: missed or spurious quotes, wrong speakers, missed or
    /// spurious names.
    public var misses: [String] = []

    public init(name: String) { self.name = name }

    public static func + (a: AccuracyScore, b: AccuracyScore) -> AccuracyScore {
        var s = AccuracyScore(name: a.name)
        s.quotes = a.quotes + b.quotes
        s.speakers = a.speakers + b.speakers
        s.attribution = a.attribution + b.attribution
        s.headlineQuotes = a.headlineQuotes + b.headlineQuotes
        s.people = a.people + b.people
        s.places = a.places + b.places
        s.organizations = a.organizations + b.organizations
        s.misses = a.misses + b.misses
        return s
    }
}

/// Scores extraction results against expected annotations with the measures of
/// the project's evaluation scorer (`../shared/eval/score.py`):
///
/// - quotes match one to one, greedily, best word overlap first, when their
///   normalised word multisets overlap by at least `threshold` (intersection
///   over union); ties prefer a pair with the right speaker, then gold order,
///   then system order;
/// - speaker accuracy: matched quotes whose speaker equals an accepted one
///   (lowercased, one leading article dropped);
/// - people, places, organisations: strict F1 on normalised, de-duplicated names.
///
/// Two additions for our own truth files: an expected quote without a speaker
/// (a scare quote or a title of a work) is optional. Leaving it out costs
/// nothing, and finding it unattributed costs nothing; only giving it a
/// speaker counts, as a spurious quote. An expected quote marked `optional`
/// (an unbalanced mark leaves its extent in doubt) costs nothing either way.
/// With every speaker given and nothing optional, the figures are exactly
/// those of `score.py`.
public struct AccuracyScorer: Sendable {
    public var threshold: Double

    public init(threshold: Double = 0.8) {
        self.threshold = threshold
    }

    /// A system quote as the scorer sees it.
    public struct SystemQuote: Sendable, Hashable {
        public var text: String
        public var speaker: String?
        public init(text: String, speaker: String?) {
            self.text = text
            self.speaker = speaker
        }
    }

    /// Scores one annotated story.
    public func score(_ annotated: AnnotatedStory, against expected: ExpectedAnnotations, name: String) -> AccuracyScore {
        var score = AccuracyScore(name: name)
        let body = annotated.quotes.filter { $0.kind != .indirect }.map { SystemQuote(text: $0.text, speaker: $0.speaker) }
        let (q, sp, at, qMisses) = scoreQuotes(expected.quotes, body)
        score.quotes = q
        score.speakers = sp
        score.attribution = at
        let headline = annotated.headlineQuotes.filter { $0.kind != .indirect }
            .map { SystemQuote(text: $0.text, speaker: $0.speaker) }
        let (hq, _, _, hMisses) = scoreQuotes(expected.headlineQuotes, headline)
        score.headlineQuotes = hq
        score.misses = qMisses + hMisses.map { "headline " + $0 }
        for (type, gold, keyPath, label) in [
            (EntityType.person, expected.people, \AccuracyScore.people, "person"),
            (.place, expected.places, \AccuracyScore.places, "place"),
            (.organization, expected.organizations, \AccuracyScore.organizations, "organization"),
        ] {
            let names = annotated.entities.filter { $0.type == type }.map(\.name)
            let (prf, misses) = scoreNames(gold: gold, system: names, label: label)
            score[keyPath: keyPath] = prf
            score.misses += misses
        }
        return score
    }

    /// Quote P/R/F1, speaker accuracy and attribution, with a line per miss.
    public func scoreQuotes(
        _ gold: [ExpectedAnnotations.ExpectedQuote], _ system: [SystemQuote]
    ) -> (PRF, SpeakerAccuracy, PRF, [String]) {
        let goldTokens = gold.map { TextNormalization.quoteTokens($0.text) }
        let systemTokens = system.map { TextNormalization.quoteTokens($0.text) }
        struct Candidate { var overlap: Double; var wrongSpeaker: Int; var g: Int; var s: Int }
        var candidates: [Candidate] = []
        for (gi, g) in goldTokens.enumerated() {
            for (si, s) in systemTokens.enumerated() {
                let ov = TextNormalization.overlap(g, s)
                if ov >= threshold {
                    candidates.append(Candidate(
                        overlap: ov, wrongSpeaker: speakerOK(gold[gi], system[si]) ? 0 : 1, g: gi, s: si))
                }
            }
        }
        candidates.sort {
            ($0.overlap, -$0.wrongSpeaker, -$0.g, -$0.s) > ($1.overlap, -$1.wrongSpeaker, -$1.g, -$1.s)
        }
        var usedGold = Set<Int>(), usedSystem = Set<Int>()
        var pairs: [(Int, Int)] = []
        for c in candidates where !usedGold.contains(c.g) && !usedSystem.contains(c.s) {
            usedGold.insert(c.g)
            usedSystem.insert(c.s)
            pairs.append((c.g, c.s))
        }
        pairs.sort { $0 < $1 }

        var misses: [String] = []
        var tp = 0, correct = 0
        var systemCount = system.count
        let goldCount = gold.filter { !$0.speakers.isEmpty && !$0.optional }.count
        for (gi, si) in pairs {
            let g = gold[gi], s = system[si]
            if g.optional {
                systemCount -= 1
                continue
            }
            if g.speakers.isEmpty {
                // Nobody's speech: fine when found unattributed, spurious when given a speaker.
                if TextNormalization.speaker(s.speaker).isEmpty {
                    systemCount -= 1
                } else {
                    misses.append("SPURIOUS speaker \(s.speaker ?? "") for unattributed “\(clip(s.text))”")
                }
                continue
            }
            tp += 1
            if speakerOK(g, s) {
                correct += 1
            } else {
                misses.append("SPEAKER “\(clip(g.text))” expected \(g.speakers.joined(separator: " | ")), got \(s.speaker ?? "none")")
            }
        }
        for (gi, g) in gold.enumerated() where !usedGold.contains(gi) && !g.speakers.isEmpty && !g.optional {
            misses.append("MISSED “\(clip(g.text))” (\(g.speakers.joined(separator: " | ")))")
        }
        for (si, s) in system.enumerated() where !usedSystem.contains(si) {
            misses.append("SPURIOUS “\(clip(s.text))” (\(s.speaker ?? "none"))")
        }
        return (PRF(truePositives: tp, system: systemCount, gold: goldCount),
                SpeakerAccuracy(correct: correct, matched: tp),
                PRF(truePositives: correct, system: systemCount, gold: goldCount),
                misses)
    }

    /// Whether the system speaker equals one of the accepted speakers.
    public func speakerOK(_ gold: ExpectedAnnotations.ExpectedQuote, _ system: SystemQuote) -> Bool {
        let s = TextNormalization.speaker(system.speaker)
        return !s.isEmpty && gold.speakers.contains { TextNormalization.speaker($0) == s }
    }

    /// Strict name F1: equal after normalisation, both sides de-duplicated.
    public func scoreNames(gold: [String], system: [String], label: String) -> (PRF, [String]) {
        let g = unique(gold.map(TextNormalization.name))
        let s = unique(system.map(TextNormalization.name))
        let goldSet = Set(g), systemSet = Set(s)
        let tp = s.filter { goldSet.contains($0) }.count
        var misses: [String] = []
        for name in g where !systemSet.contains(name) { misses.append("MISSED \(label) \(name)") }
        for name in s where !goldSet.contains(name) { misses.append("SPURIOUS \(label) \(name)") }
        return (PRF(truePositives: tp, system: s.count, gold: g.count), misses)
    }

    private func unique(_ names: [String]) -> [String] {
        var seen = Set<String>()
        return names.filter { !$0.isEmpty && seen.insert($0).inserted }
    }

    private func clip(_ s: String) -> String {
        s.count <= 60 ? s : String(s.prefix(57)) + "…"
    }
}
